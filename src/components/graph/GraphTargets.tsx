import type { NetworkLayout } from '../../layout';
import type { Translate } from './describe';
import { SymbolText } from './SymbolText';

/** The targets beside the output neurons, the word "targets" above them; a click on one opens it. */
export function GraphTargets({
  layout,
  texts,
  t,
}: {
  layout: NetworkLayout;
  /** Each output's target as written ("t₁ = 0.01"). */
  texts: string[];
  t: Translate;
}) {
  return (
    <g className="graph-targets" aria-hidden="true">
      {layout.targetHeading && (
        <text
          className="graph-targets__heading"
          x={layout.targetHeading.x}
          y={layout.targetHeading.y}
          fontSize={layout.minFont}
          dominantBaseline="central"
        >
          {t('graph.targets')}
        </text>
      )}
      {layout.targets.map((g) => (
        <text
          key={g.node}
          className="graph-target"
          data-for={g.node}
          x={g.x}
          y={g.y}
          fontSize={layout.minFont}
          dominantBaseline="central"
        >
          <SymbolText text={texts[g.index]} sub={layout.minFont} />
        </text>
      ))}
    </g>
  );
}

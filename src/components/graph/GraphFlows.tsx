import type { EdgeId } from '../../engine';
import type { NetworkLayout } from '../../layout';

/** The arrowhead the backward flow's lines start with (drawn once per graph, referenced by id). */
export function FlowMarker({ id }: { id: string }) {
  return (
    <defs>
      <marker
        id={id}
        viewBox="0 0 10 10"
        refX="5"
        refY="5"
        markerWidth="4"
        markerHeight="4"
        orient="auto-start-reverse"
      >
        <path className="graph-flow__arrow" d="M0,0 L10,5 L0,10 z" />
      </marker>
    </defs>
  );
}

/** The error flowing back along the step's edges: each drawn again, arrowed towards its source. */
export function GraphFlows({
  layout,
  edges,
  markerId,
  reducedMotion,
}: {
  layout: NetworkLayout;
  edges: EdgeId[];
  markerId: string;
  reducedMotion: boolean;
}) {
  return (
    <g className="graph-flows" aria-hidden="true">
      {edges
        .filter((id) => layout.edgeById[id])
        .map((id) => (
          <path
            key={id}
            className={`graph-flow${reducedMotion ? '' : ' graph-flow--animated'}`}
            d={layout.edgeById[id].d}
            strokeWidth={Math.max(2, layout.radius * 0.1)}
            markerStart={`url(#${markerId})`}
          />
        ))}
    </g>
  );
}

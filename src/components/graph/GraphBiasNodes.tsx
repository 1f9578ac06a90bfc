import type { NetworkLayout } from '../../layout';
import { markOf, type Marks } from './views';

/** The bias nodes: a small circle holding "1" under each column that feeds a layer's biases. */
export function GraphBiasNodes({ layout, marks }: { layout: NetworkLayout; marks: Marks }) {
  return layout.nodes
    .filter((n) => n.bias)
    .map((n) => {
      const mark = markOf(marks, n.id);
      return (
        <g
          key={n.id}
          className={`graph-bias is-${mark}`}
          data-id={n.id}
          data-dimmed={mark === 'dimmed' || undefined}
          transform={`translate(${n.x},${n.y})`}
          aria-hidden="true"
        >
          <circle r={n.r} />
          {layout.detail !== 'none' && (
            <text fontSize={layout.fontSize} textAnchor="middle" dominantBaseline="central">
              1
            </text>
          )}
        </g>
      );
    });
}

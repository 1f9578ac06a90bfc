import { memo } from 'react';
import { maxAbsWeight, signOf, weightWidthScale } from '../../layout';

interface Props {
  sizes: number[];
  weights: number[][][];
  label: string;
}

const W = 320;
const H = 200;
const R = 9;

/** The network with the run's current weights: edge width by |w|, colour and dash by sign. */
export const TrainGraph = memo(function TrainGraph({ sizes, weights, label }: Props) {
  const maxN = Math.max(...sizes);
  const gap = Math.min(36, (H - 2 * R - 8) / Math.max(1, maxN - 1));
  const pos = (l: number, j: number) => ({
    x: 24 + (l / Math.max(1, sizes.length - 1)) * (W - 48),
    y: H / 2 + (j - (sizes[l] - 1) / 2) * gap,
  });
  const width = weightWidthScale(maxAbsWeight(weights), R * 2);
  return (
    <svg className="train-graph" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {weights.map((layer, l) =>
        layer.map((row, j) =>
          row.map((w, k) => {
            const a = pos(l, k);
            const b = pos(l + 1, j);
            const sign = signOf(w);
            const px = width(w);
            return (
              <line
                key={`${l}:${j}:${k}`}
                className={`train-edge train-edge--${sign}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                strokeWidth={px}
                strokeDasharray={
                  sign === 'neg' ? `${(px * 2 + 3).toFixed(1)} ${(px + 2).toFixed(1)}` : undefined
                }
              />
            );
          }),
        ),
      )}
      {sizes.map((n, l) =>
        Array.from({ length: n }, (_, j) => {
          const p = pos(l, j);
          return <circle key={`${l}:${j}`} className="train-node" cx={p.x} cy={p.y} r={R} />;
        }),
      )}
    </svg>
  );
});

import { memo, useLayoutEffect, useRef } from 'react';
import { maxAbsWeight, signOf, weightWidthScale } from '../../layout';
import { lessonStore, type LessonState } from '../../store';

interface Props {
  sizes: number[];
  /** The graph's accessible name after a number of epochs. */
  label: (epoch: number) => string;
}

const W = 320;
const H = 200;
const R = 9;

/** The step an edge's width is drawn to, in pixels. */
export const EDGE_WIDTH_STEP = 0.25;

/** A width rounded to the nearest EDGE_WIDTH_STEP, never below one step (a near-zero weight stays visible). */
export const quantiseWidth = (px: number) =>
  Math.max(EDGE_WIDTH_STEP, Math.round(px / EDGE_WIDTH_STEP) * EDGE_WIDTH_STEP);

/** The weights the graph shows: the run's, else the lesson's. */
const weightsOf = (s: LessonState) => s.training.snapshot?.weights ?? s.lesson.weights;

/**
 * The network with the run's current weights: edge width by |w|, colour and dash by sign. React draws the
 * network's shape once; the weights (every frame while training) are written straight onto the edges, so no
 * edge is rendered again.
 */
export const TrainGraph = memo(function TrainGraph({ sizes, label }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const maxN = Math.max(...sizes);
  const gap = Math.min(36, (H - 2 * R - 8) / Math.max(1, maxN - 1));
  const pos = (l: number, j: number) => ({
    x: 24 + (l / Math.max(1, sizes.length - 1)) * (W - 48),
    y: H / 2 + (j - (sizes[l] - 1) / 2) * gap,
  });

  useLayoutEffect(() => {
    const el = svg.current;
    if (!el) return;
    const edges = el.querySelectorAll<SVGLineElement>('line.train-edge');
    let shown: number[][][] | null = null;
    let epoch = -1;
    // what each edge has now: an attribute is written only when it changes (a class change restyles the edge)
    const drawnSign: string[] = [];
    const drawnWidth: string[] = [];
    const drawnDash: string[] = [];
    const draw = (s: LessonState) => {
      const weights = weightsOf(s);
      const e = s.training.snapshot?.epoch ?? 0;
      if (e !== epoch) {
        epoch = e;
        el.setAttribute('aria-label', label(e));
      }
      if (weights === shown) return;
      shown = weights;
      const width = weightWidthScale(maxAbsWeight(weights), R * 2);
      let i = 0;
      for (const layer of weights)
        for (const row of layer)
          for (const w of row) {
            const n = i++;
            const line = edges[n];
            if (!line) return;
            const sign = signOf(w);
            // to a quarter of a pixel (edgeWidthStep): a run's steady drift of the weights rewrites an edge only
            // when its width has moved by a visible step, not every frame by a hundredth of a pixel
            const px = quantiseWidth(width(w));
            const text = px.toFixed(2);
            if (sign !== drawnSign[n]) line.setAttribute('class', `train-edge train-edge--${sign}`);
            if (text !== drawnWidth[n]) line.setAttribute('stroke-width', text);
            // the dash pattern follows the quantised width (so it changes with it, never alone)
            const dash = sign === 'neg' ? `${px * 2 + 3} ${px + 2}` : '';
            if (dash !== drawnDash[n]) {
              if (dash) line.setAttribute('stroke-dasharray', dash);
              else line.removeAttribute('stroke-dasharray');
            }
            drawnSign[n] = sign;
            drawnWidth[n] = text;
            drawnDash[n] = dash;
          }
    };
    draw(lessonStore.getState());
    return lessonStore.subscribe(draw);
  }, [sizes, label]);

  return (
    <svg ref={svg} className="train-graph" viewBox={`0 0 ${W} ${H}`} role="img">
      {sizes.slice(1).map((n, l) =>
        Array.from({ length: n }, (_, j) =>
          Array.from({ length: sizes[l] }, (_, k) => {
            const a = pos(l, k);
            const b = pos(l + 1, j);
            return <line key={`${l}:${j}:${k}`} className="train-edge" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
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

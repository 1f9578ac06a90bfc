import type { ActivationName, Lesson, Sample } from '../../engine';
import { compileNet, forward } from '../../engine/training';

// What the network predicts, for the Train view: the forward pass with the run's weights, classes, the confusion
// matrix and the decision map's grid. Pure.

/** A forward pass with given weights: x → the output activations. */
export function predictor(
  lesson: Pick<Lesson, 'layers' | 'loss' | 'useBias'>,
  weights: number[][][],
  biases: number[][],
): (x: ArrayLike<number>) => Float64Array {
  const net = compileNet(
    lesson.layers.map((l) => l.size),
    lesson.layers.map((l) => l.activation ?? 'identity') as ActivationName[],
    lesson.loss,
    lesson.useBias,
    weights,
    biases,
  );
  return (x) => forward(net, x);
}

/** The class an output (or target) stands for: arg-max of several, or 0/1 of one (threshold ½). */
export function classOf(v: ArrayLike<number>): number {
  if (v.length === 1) return v[0] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/** Whether the targets are classes (one-hot, or a single 0/1), not numbers to regress. */
export function isClassification(samples: readonly Sample[]): boolean {
  return samples.every((s) =>
    s.target.length === 1
      ? s.target[0] === 0 || s.target[0] === 1
      : s.target.every((t) => t === 0 || t === 1),
  );
}

/** counts[actual][predicted] over the samples, with the indices of the samples in each cell. */
export function confusion(
  samples: readonly Sample[],
  predict: (x: ArrayLike<number>) => ArrayLike<number>,
  classes: number,
): { counts: number[][]; members: number[][][] } {
  const counts = Array.from({ length: classes }, () => Array<number>(classes).fill(0));
  const members = Array.from({ length: classes }, () =>
    Array.from({ length: classes }, () => [] as number[]),
  );
  samples.forEach((s, i) => {
    const actual = classOf(s.target);
    const predicted = classOf(predict(s.input));
    counts[actual][predicted]++;
    members[actual][predicted].push(i);
  });
  return { counts, members };
}

/** The box around 2-D points with a margin of a tenth on each side. */
export function extentOf(samples: readonly Sample[]): { x: [number, number]; y: [number, number] } {
  const xs = samples.map((s) => s.input[0]);
  const ys = samples.map((s) => s.input[1]);
  const pad = (lo: number, hi: number): [number, number] => {
    const m = (hi - lo || 1) * 0.1;
    return [lo - m, hi + m];
  };
  return { x: pad(Math.min(...xs), Math.max(...xs)), y: pad(Math.min(...ys), Math.max(...ys)) };
}

/**
 * The decision map of a 2-D network: the first output at the centre of each of cols × rows cells over the box,
 * row by row from the top (largest y). values[r * cols + c].
 */
export function decisionGrid(
  predict: (x: ArrayLike<number>) => ArrayLike<number>,
  box: { x: [number, number]; y: [number, number] },
  cols: number,
  rows: number,
): Float64Array {
  const values = new Float64Array(cols * rows);
  const x = new Float64Array(2);
  for (let r = 0; r < rows; r++) {
    x[1] = box.y[1] - ((r + 0.5) / rows) * (box.y[1] - box.y[0]);
    for (let c = 0; c < cols; c++) {
      x[0] = box.x[0] + ((c + 0.5) / cols) * (box.x[1] - box.x[0]);
      const out = predict(x);
      values[r * cols + c] = out.length === 1 ? out[0] : out[1] - out[0];
    }
  }
  return values;
}

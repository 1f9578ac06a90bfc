import { describe, expect, it } from 'vitest';
import { epochXs, rateChanges } from '../../../src/components/train/historyColumns';
import { classOf, confusion, decisionGrid, predictor } from '../../../src/components/train/predictions';
import { splitOf, withDataset } from '../../../src/components/train/trainData';
import { irisSplit } from '../../../src/data';
import type { Lesson } from '../../../src/engine';
import { lesson001 } from '../../../src/lessons';
import { iris } from '../../../src/lessons/iris';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A 2-2-1 sigmoid network with biases, written out by hand. */
const W1 = [
  [2, -3],
  [-1.5, 0.5],
];
const B1 = [0.25, -0.5];
const W2 = [[4, -6]];
const B2 = [1];
const net = {
  layers: [
    { size: 2 },
    { size: 2, activation: 'sigmoid' as const },
    { size: 1, activation: 'sigmoid' as const },
  ],
  loss: 'halfSse' as const,
  useBias: true,
};
function byHand(x: number, y: number): number {
  const h = W1.map((row, j) => sigmoid(row[0] * x + row[1] * y + B1[j]));
  return sigmoid(W2[0][0] * h[0] + W2[0][1] * h[1] + B2[0]);
}

describe('the decision map', () => {
  it('holds the network’s output at the centre of each cell, rows from the top', () => {
    const predict = predictor(net, [W1, W2], [B1, B2]);
    const box = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] };
    const cols = 8;
    const rows = 5;
    const grid = decisionGrid(predict, box, cols, rows);
    // sampled cells: corners, the middle, and a few others; centres computed here
    for (const [r, c] of [
      [0, 0],
      [0, 7],
      [4, 0],
      [4, 7],
      [2, 3],
      [1, 5],
      [3, 2],
    ]) {
      const x = -2 + ((c + 0.5) / cols) * 4;
      const y = 3 - ((r + 0.5) / rows) * 4;
      expect(grid[r * cols + c]).toBeCloseTo(byHand(x, y), 12);
    }
    // the boundary (output ½) lies between cells of different classes: classes agree with the hand pass too
    for (let i = 0; i < grid.length; i++) {
      const r = Math.floor(i / cols);
      const c = i % cols;
      const out = byHand(-2 + ((c + 0.5) / cols) * 4, 3 - ((r + 0.5) / rows) * 4);
      expect(grid[i] >= 0.5).toBe(out >= 0.5);
    }
  });
});

describe('the confusion matrix', () => {
  it('counts validation samples by actual and predicted class, with the samples of each cell', () => {
    const samples = [
      { input: [0], target: [1, 0, 0] },
      { input: [1], target: [0, 1, 0] },
      { input: [2], target: [0, 1, 0] },
      { input: [3], target: [0, 0, 1] },
    ];
    // predicts class 0 for input 0 and 2, class 1 for 1, class 0 for 3
    const outputs: Record<number, number[]> = {
      0: [0.9, 0, 0],
      1: [0, 0.8, 0.1],
      2: [0.6, 0.5, 0],
      3: [0.4, 0, 0.3],
    };
    const { counts, members } = confusion(samples, (x) => outputs[x[0]], 3);
    expect(counts).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 0, 0],
    ]);
    expect(members[1][0]).toEqual([2]);
    expect(members[2][0]).toEqual([3]);
    expect(classOf([0.49])).toBe(0);
    expect(classOf([0.5])).toBe(1);
  });
});

describe('the split and the data set', () => {
  it('gives Iris as lesson 002 prepares it, 130 training and 20 validation', () => {
    const s = splitOf(iris);
    expect(s.train).toHaveLength(130);
    expect(s.validation).toHaveLength(20);
    expect(s).toEqual(irisSplit(1));
  });

  it('fits the network to a 2-D data set: 2 inputs, 1 output, weights of that shape', () => {
    const l: Lesson = withDataset(iris, { kind: 'builtin', name: 'circle', seed: 3 });
    expect(l.layers.map((x) => x.size)).toEqual([2, 5, 1]);
    expect(l.weights.map((w) => [w.length, w[0].length])).toEqual([
      [5, 2],
      [1, 5],
    ]);
    const s = splitOf(l);
    expect(s.train.length + s.validation.length).toBe(200);
    expect(s.validation).toHaveLength(40);
    // a lesson without a data set trains on its one sample
    expect(splitOf(lesson001)).toEqual({ train: [lesson001.sample], validation: [] });
  });
});

describe('the loss history on the epoch axis', () => {
  it('puts epochs at their number and the step view’s iterations evenly between two epochs', () => {
    const records = [
      { epoch: 1 },
      { epoch: 2 },
      { epoch: 2, iteration: true as const },
      { epoch: 2, iteration: true as const },
      { epoch: 2, iteration: true as const },
      { epoch: 3 },
      { epoch: 3, iteration: true as const },
    ];
    expect(epochXs(records)).toEqual([1, 2, 2.25, 2.5, 2.75, 3, 3.5]);
    expect(epochXs([])).toEqual([]);
  });

  it('marks each change of η after the last record that had the old value', () => {
    const records = [
      { learningRate: 0.2 },
      { learningRate: 0.2 },
      { learningRate: 0.05 },
      { learningRate: 0.05 },
      { learningRate: 0.4 },
    ];
    expect(rateChanges(records, [1, 2, 3, 4, 5])).toEqual([
      { x: 2, eta: 0.05 },
      { x: 4, eta: 0.4 },
    ]);
    expect(rateChanges([{ learningRate: 0.2 }, {}], [1, 2])).toEqual([]);
  });
});

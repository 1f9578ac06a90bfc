import { describe, expect, it } from 'vitest';
import type { EpochStats } from '../../src/engine';
import { irisSplit } from '../../src/data';
import type { WorkerToPage } from '../../src/training/protocol';
import { Trainer } from '../../src/training/trainer';
import {
  EPOCH_STRIDE,
  packArrays,
  packEpochs,
  packMessage,
  transferables,
  unpackArrays,
  unpackEpochs,
  unpackMessage,
  type WireMessage,
} from '../../src/training/wire';
import { irisLesson } from '../support/iris';

/** Every number of a value, in order, compared with Object.is (tells -0 from 0, NaN equals NaN). */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v).sort()) numbers((v as never)[k], out);
  return out;
}

function expectExact(a: unknown, b: unknown) {
  expect(b).toStrictEqual(a);
  const x = numbers(a);
  const y = numbers(b);
  expect(y.length).toBe(x.length);
  x.forEach((n, i) => expect(Object.is(n, y[i]), `number ${i}: ${n} vs ${y[i]}`).toBe(true));
}

/** Across a thread boundary as the worker posts: packed, buffers transferred. */
function cross(m: WorkerToPage): { wire: WireMessage; back: WorkerToPage } {
  const packed = packMessage(m);
  const wire = structuredClone(packed, { transfer: transferables(packed) });
  return { wire, back: unpackMessage(wire) };
}

describe('the worker messages on the wire', () => {
  it('packs epochs into one Float64Array and gives back the same figures, optional ones absent where absent', () => {
    const epochs: EpochStats[] = [
      { epoch: 1, trainLoss: 0.1 + 0.2, trainAccuracy: 2 / 3 },
      {
        epoch: 2,
        trainLoss: Number.MIN_VALUE,
        trainAccuracy: -0,
        validationLoss: NaN,
        validationAccuracy: Infinity,
        learningRate: 1e-300,
        batchSize: 7,
        steps: 2 ** 53 - 1,
      },
      { epoch: 3, trainLoss: -Infinity, trainAccuracy: 1, steps: 0, learningRate: 0.2 },
      { epoch: 4, trainLoss: 1 / 3, trainAccuracy: 0.5, learningRate: 0.1 + 0.7, batchSize: 1, steps: 480 },
    ];
    const packed = packEpochs(epochs);
    expect(packed).toBeInstanceOf(Float64Array);
    expect(packed.length).toBe(4 * EPOCH_STRIDE);
    const back = unpackEpochs(packed);
    expectExact(epochs, back);
    expect('validationLoss' in back[0]).toBe(false);
    expect('validationLoss' in back[2]).toBe(false);
    expect('batchSize' in back[2]).toBe(false);
    expect('validationAccuracy' in back[3]).toBe(false);
  });

  it('packs nested arrays of any shape, empty rows included, and unpacks them exactly', () => {
    const w = [
      [
        [1, -0, 0.1],
        [NaN, 5e-324, -1.7976931348623157e308],
      ],
      [[]],
      [],
    ];
    const b = [[0.3, -2], [], [Math.PI]];
    const pw = packArrays(w, 3);
    const pb = packArrays(b, 2);
    expect(pw.values).toBeInstanceOf(Float64Array);
    expect(pw.values.length).toBe(6);
    expectExact(w, unpackArrays(pw, 3));
    expectExact(b, unpackArrays(pb, 2));
  });

  it("carries a trainer's progress and stop messages as typed arrays that unpack to the very same values", () => {
    const posted: WorkerToPage[] = [];
    const trainer = new Trainer({ post: (m) => posted.push(m), now: () => 0, schedule: () => {} });
    trainer.handle({
      type: 'load',
      network: irisLesson(2),
      split: irisSplit(2),
      settings: {
        batchSize: 4,
        learningRate: 0.2,
        speed: Infinity,
        stop: { kind: 'epochs', epochs: 9 },
        seed: 3,
      },
    });
    trainer.handle({ type: 'oneEpoch' });
    trainer.handle({ type: 'oneEpoch' });
    // mid-batch: the snapshot carries gradients
    trainer.handle({ type: 'oneSample' });
    trainer.handle({ type: 'settings', settings: { learningRate: 1e9 } });
    trainer.handle({ type: 'oneEpoch' });
    expect(posted.some((m) => m.snapshot.progress.gradients)).toBe(true);
    expect(posted.some((m) => m.type === 'stopped' && m.failure)).toBe(true);
    for (const m of posted) {
      const { wire, back } = cross(m);
      expect(wire.epochs).toBeInstanceOf(Float64Array);
      expect(wire.snapshot.weights.values).toBeInstanceOf(Float64Array);
      expect(wire.snapshot.biases.values).toBeInstanceOf(Float64Array);
      expect(Array.isArray(wire.snapshot.weights)).toBe(false);
      expectExact(m, back);
    }
    // one epoch's message holds that epoch, every weight of the 4-?-3 network packed in one array
    const first = packMessage(posted[1]);
    expect(first.epochs.length).toBe(EPOCH_STRIDE);
    expect(first.snapshot.weights.values.length).toBe(posted[1].snapshot.weights.flat(2).length);
  });
});

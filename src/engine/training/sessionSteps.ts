import { LIMITS } from '../limits';
import { traceBatch, traceStep } from '../trace';
import type { Sample } from '../types';
import type { CompiledStep } from './fastCodegen';
import { accumulate, applyAccumulated, exportNet, sgdStep, type FastNet } from './fastNet';
import { argMax } from './evaluate';
import type { SessionNetwork, TrainingFailure } from './sessionTypes';

// The per-sample stepping of a training session (session.ts holds the session itself): the fast path over a run of
// samples, and the careful replay that stops before the first bad update, with the checkpoints between them.

/** The state a segment may have to be rolled back to. */
export interface Checkpoint {
  W: Float64Array[];
  b: Float64Array[];
  gW: Float64Array[];
  gb: Float64Array[];
  position: number;
  batchStart: number;
  batchSize: number;
  lossSum: number;
  correct: number;
  steps: number;
  batchLoss: number;
  batchCorrect: number;
}

/** 'nonFinite' if a weight or bias is NaN or ±∞, 'limit' if one is past ±LIMITS.maxMagnitude, else null. */
export function parameterProblem(net: FastNet): 'nonFinite' | 'limit' | null {
  const max = LIMITS.maxMagnitude;
  let over = false;
  for (const arrs of [net.W, net.b])
    for (const arr of arrs)
      for (let i = 0; i < arr.length; i++) {
        const v = arr[i];
        if (v !== v || v === Infinity || v === -Infinity) return 'nonFinite';
        if (v > max || v < -max) over = true;
      }
  return over ? 'limit' : null;
}

/**
 * Where a session stands within its epoch and how it steps: the samples (as typed arrays), the network, the
 * shuffled order, the counters, and the fast and careful paths that move them. TrainingSession builds on it.
 */
export abstract class SessionSteps {
  readonly n: number;
  protected readonly network: SessionNetwork;
  protected readonly train: Sample[];
  protected readonly validation: Sample[];
  protected readonly X: Float64Array[];
  protected readonly T: Float64Array[];
  protected readonly labels: number[];
  protected net!: FastNet;
  protected compiled: CompiledStep | null = null;
  protected readonly hits = new Float64Array(1);
  /** This epoch's order: the next sample is train[perm[position]]. */
  protected perm!: number[];
  protected eta = 0;
  protected batchSetting = 1;
  /** Size of the batch in progress (fixed when it starts). */
  protected batchSize = 1;
  protected batchStart = 0;
  protected position = 0;
  protected epoch = 0;
  protected steps = 0;
  protected lossSum = 0;
  protected correct = 0;
  /** lossSum and correct when the batch in progress started (to roll a failed batch back). */
  protected batchLoss = 0;
  protected batchCorrect = 0;
  /** The fast path's checkpoint, reused segment after segment (no allocation per segment). */
  protected scratch: Checkpoint | null = null;

  constructor(network: SessionNetwork, data: { train: Sample[]; validation?: Sample[] }) {
    if (data.train.length === 0) throw new Error('A training session needs at least one training sample.');
    this.network = network;
    this.train = data.train;
    this.validation = data.validation ?? [];
    this.n = data.train.length;
    this.X = data.train.map((s) => Float64Array.from(s.input));
    this.T = data.train.map((s) => Float64Array.from(s.target));
    this.labels = data.train.map((s) => (s.target.length === 1 ? -1 : argMax(s.target)));
  }

  /** `count` samples within the current epoch on the fast path; replayed carefully if they went bad. */
  protected segment(count: number): { done: number; failure: TrainingFailure | null } {
    const cp = (this.scratch = this.checkpoint(this.scratch));
    const ok = this.fast(count);
    if (ok && parameterProblem(this.net) === null) return { done: count, failure: null };
    this.restore(cp);
    return this.careful(count);
  }

  /** Ends the batch in progress when it is full or the epoch is over: applies the averaged gradients. */
  protected batchFull(): boolean {
    return this.position - this.batchStart === this.batchSize || this.position === this.n;
  }

  protected nextBatch(): void {
    this.steps++;
    this.batchStart = this.position;
    this.batchSize = this.batchSetting;
    this.batchLoss = this.lossSum;
    this.batchCorrect = this.correct;
  }

  /**
   * The next sample on the plain path: an SGD update (batch size 1) or its gradients added to the batch's; counts
   * its loss and whether it was right and moves on. Returns its loss E (non-finite: nothing counted, not moved).
   */
  protected stepOne(): number {
    const { net } = this;
    const p = this.perm[this.position];
    const t = this.T[p];
    const e = this.batchSize === 1 ? sgdStep(net, this.X[p], t, this.eta) : accumulate(net, this.X[p], t);
    if (!Number.isFinite(e)) return e;
    this.lossSum += e;
    const label = this.labels[p];
    const out = net.a[net.sizes.length - 1];
    if (label === -1 ? Math.abs(out[0] - t[0]) < 0.5 : argMax(out) === label) this.correct++;
    this.position++;
    return e;
  }

  /** The fast path; false as soon as a loss is non-finite (the caller rolls back and replays). */
  protected fast(count: number): boolean {
    const { net, X, T, labels, perm, eta } = this;
    const end = this.position + count;
    while (this.position < end) {
      if (this.batchSize === 1 && this.compiled) {
        // SGD with the generated step, up to the end of the segment or a batch size change
        const step = this.compiled;
        const hits = this.hits;
        hits[0] = 0;
        let lossSum = this.lossSum;
        let pos = this.position;
        let ok = true;
        for (; pos < end; pos++) {
          const p = perm[pos];
          const e = step(X[p], T[p], labels[p], eta);
          if (!Number.isFinite(e)) {
            ok = false;
            break;
          }
          lossSum += e;
        }
        this.correct += hits[0];
        this.steps += pos - this.position;
        this.lossSum = lossSum;
        this.position = pos;
        this.batchStart = pos;
        this.batchLoss = lossSum;
        this.batchCorrect = this.correct;
        if (!ok) return false;
        this.batchSize = this.batchSetting;
        continue;
      }
      if (!Number.isFinite(this.stepOne())) return false;
      if (this.batchFull()) {
        if (this.batchSize > 1) applyAccumulated(net, eta, this.position - this.batchStart);
        this.nextBatch();
      }
    }
    return true;
  }

  /**
   * The same samples one update at a time, each update checked before it is kept; stops before the first bad one with
   * the weights before it, at the start of its batch.
   */
  protected careful(count: number): { done: number; failure: TrainingFailure | null } {
    const { net, eta } = this;
    const start = this.position;
    const end = start + count;
    let good = this.checkpoint();
    while (this.position < end) {
      let problem: 'nonFinite' | 'limit' | null = Number.isFinite(this.stepOne()) ? null : 'nonFinite';
      if (problem === null) {
        if (this.batchFull()) {
          if (this.batchSize > 1) applyAccumulated(net, eta, this.position - this.batchStart);
          problem = parameterProblem(net);
          if (problem === null) {
            this.nextBatch();
            good = this.checkpoint();
          }
        }
      }
      if (problem !== null)
        return { done: Math.max(0, this.failAt(good) - start), failure: this.failure(problem) };
    }
    return { done: count, failure: null };
  }

  /** Rolls back to the start of the failing batch (weights before its update); returns the position reached. */
  protected failAt(good: Checkpoint): number {
    this.restore(good);
    this.net.gW.forEach((g) => g.fill(0));
    this.net.gb.forEach((g) => g.fill(0));
    this.position = this.batchStart;
    this.lossSum = this.batchLoss;
    this.correct = this.batchCorrect;
    return this.position;
  }

  /** Where and what: the failing batch's first sample, and for a non-finite value the quantity it appeared in. */
  protected failure(reason: 'nonFinite' | 'limit'): TrainingFailure {
    const sample = this.perm[this.batchStart];
    const failure: TrainingFailure = { reason, epoch: this.epoch + 1, sample };
    if (reason === 'nonFinite') {
      const { weights, biases } = exportNet(this.net);
      const batch = this.perm
        .slice(this.batchStart, Math.min(this.batchStart + this.batchSize, this.n))
        .map((i) => this.train[i]);
      const input = { ...this.network, weights, biases, learningRate: this.eta, sample: batch[0] };
      const r = batch.length === 1 ? traceStep(input) : traceBatch(input, batch);
      if (!r.ok) failure.condition = { ...r.condition, epoch: this.epoch + 1, step: this.steps + 1 };
    }
    return failure;
  }

  /** Where training stands, into `into`'s arrays when given (same network), else new ones. */
  protected checkpoint(into: Checkpoint | null = null): Checkpoint {
    const { net } = this;
    const copy = (src: Float64Array[], dst: Float64Array[] | undefined) =>
      dst ? src.map((a, l) => (dst[l].set(a), dst[l])) : src.map((a) => a.slice());
    return {
      W: copy(net.W, into?.W),
      b: copy(net.b, into?.b),
      gW: copy(net.gW, into?.gW),
      gb: copy(net.gb, into?.gb),
      position: this.position,
      batchStart: this.batchStart,
      batchSize: this.batchSize,
      lossSum: this.lossSum,
      correct: this.correct,
      steps: this.steps,
      batchLoss: this.batchLoss,
      batchCorrect: this.batchCorrect,
    };
  }

  /** Copies a checkpoint back into the same arrays (the generated step holds them). */
  protected restore(cp: Checkpoint): void {
    const { net } = this;
    net.W.forEach((w, l) => w.set(cp.W[l]));
    net.b.forEach((b, l) => b.set(cp.b[l]));
    net.gW.forEach((g, l) => g.set(cp.gW[l]));
    net.gb.forEach((g, l) => g.set(cp.gb[l]));
    this.position = cp.position;
    this.batchStart = cp.batchStart;
    this.batchSize = cp.batchSize;
    this.lossSum = cp.lossSum;
    this.correct = cp.correct;
    this.steps = cp.steps;
    this.batchLoss = cp.batchLoss;
    this.batchCorrect = cp.batchCorrect;
  }
}

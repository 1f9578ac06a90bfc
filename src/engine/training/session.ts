import { LIMITS } from '../limits';
import { createRng, shuffled } from '../rng';
import { traceBatch, traceStep } from '../trace';
import type { ActivationName, Conventions, Lesson, NonFiniteCondition, Rng, Sample } from '../types';
import { compileStep, type CompiledStep } from './fastCodegen';
import { accumulate, applyAccumulated, compileNet, exportNet, sgdStep, type FastNet } from './fastNet';
import { evaluate, type EpochStats } from './train';

/** What a session trains: a lesson's network, loss, η, weights and biases (and whether biases stay fixed). */
export type SessionNetwork = Pick<
  Lesson,
  'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases'
> & { conventions?: Pick<Conventions, 'fixedBiases'> };

export interface SessionOptions {
  /** Samples per update m (1 = SGD, ≥ n = full batch); default 1. */
  batchSize?: number;
  /** η; default the network's. */
  learningRate?: number;
  /** Seed of the per-epoch shuffle; default 0. */
  seed?: number;
  /** Shuffle the training samples at the start of every epoch (default true). */
  shuffle?: boolean;
  /** Generate the SGD step as straight-line code where possible (default true; false = the loop version). */
  codegen?: boolean;
  /** Weight updates already behind the network's weights (the step count starts there, and again on reset). */
  steps?: number;
}

/** When a run stops by itself: after a number of completed epochs, or once an epoch's training loss is below a value. */
export type SessionStop = { kind: 'epochs'; epochs: number } | { kind: 'loss'; below: number };

/** A change of η or batch size, and where in training it was made. */
export interface SettingChange {
  /** Completed epochs when the change was made. */
  epoch: number;
  /** Position within the epoch (samples done). */
  position: number;
  learningRate?: number;
  batchSize?: number;
}

/** Why training stopped on a bad step: a non-finite value, or a weight or bias past the lesson format's limit. */
export interface TrainingFailure {
  reason: 'nonFinite' | 'limit';
  /** The epoch (from 1) the failing update belonged to. */
  epoch: number;
  /** Index into the training split of the sample whose update failed (for a mini-batch: its first sample). */
  sample: number;
  /** The quantity that went non-finite, from the recording path, where it names one. */
  condition?: NonFiniteCondition;
}

export interface RunResult {
  /** Samples processed. */
  samples: number;
  /** Epochs completed during this run, in order. */
  epochs: EpochStats[];
  /** Why the run ended before its sample budget: a stop condition met, or a failure (null: budget used up). */
  stop: { reason: 'done' | 'lossReached' } | TrainingFailure | null;
}

/** Where training stands. */
export interface SessionSnapshot {
  /** Completed epochs. */
  epoch: number;
  /** Samples done in the current epoch; the next sample is nextSample. */
  position: number;
  /** Index into the training split of the sample the next step uses. */
  nextSample: number;
  /** Weight updates made since the start (or reset). */
  steps: number;
  weights: number[][][];
  biases: number[][];
  /** The rest of where training stands, so that `resume` goes on from this snapshot exactly. */
  progress: SessionProgress;
}

/** Where training stands besides the epoch, position, update count and weights (see SessionSnapshot). */
export interface SessionProgress {
  /** Position at which the batch in progress started, and its size m. */
  batchStart: number;
  batchSize: number;
  /** Σ E and correct predictions of the epoch so far, and both when the batch in progress started. */
  lossSum: number;
  correct: number;
  batchLoss: number;
  batchCorrect: number;
  /** η and the batch size setting. */
  learningRate: number;
  batchSetting: number;
  /** Training loss of the last completed epoch (for a loss stop condition), if any. */
  lastTrainLoss?: number;
  /** Gradients summed over the batch in progress, row-major per layer (absent at a batch boundary: zero). */
  gradients?: { weights: number[][]; biases: number[][] };
}

/** The state a segment may have to be rolled back to. */
interface Checkpoint {
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

function argMax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
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
 * Resumable training: the same arithmetic in the same order as `train` (the same seed gives the same numbers, bit for
 * bit), in pieces of any size: k samples, one sample, one epoch, up to a stop condition. η and the batch size can
 * change between pieces (the change is recorded; a new batch size applies from the next batch). No update whose
 * weights or biases are non-finite or past the lesson format's limit is ever adopted: the piece is checked at its
 * end and, if it went bad, replayed sample by sample from its start to stop just before the first bad update.
 */
export class TrainingSession {
  readonly n: number;
  private readonly network: SessionNetwork;
  private readonly train: Sample[];
  private readonly validation: Sample[];
  private readonly X: Float64Array[];
  private readonly T: Float64Array[];
  private readonly labels: number[];
  private readonly indices: number[];
  private readonly seed: number;
  private readonly shuffle: boolean;
  private readonly useCodegen: boolean;
  private net!: FastNet;
  private compiled: CompiledStep | null = null;
  private readonly hits = new Float64Array(1);
  private rng!: Rng;
  private perm!: number[];
  private eta: number;
  private batchSetting: number;
  /** Size of the batch in progress (fixed when it starts). */
  private batchSize = 1;
  private batchStart = 0;
  private position = 0;
  private epoch = 0;
  private steps = 0;
  private lossSum = 0;
  private correct = 0;
  /** lossSum and correct when the batch in progress started (to roll a failed batch back). */
  private batchLoss = 0;
  private batchCorrect = 0;
  private historyList: EpochStats[] = [];
  private changeList: SettingChange[] = [];
  private readonly baseSteps: number;
  /** The fast path's checkpoint, reused segment after segment (no allocation per segment). */
  private scratch: Checkpoint | null = null;

  constructor(
    network: SessionNetwork,
    data: { train: Sample[]; validation?: Sample[] },
    options: SessionOptions = {},
  ) {
    if (data.train.length === 0) throw new Error('A training session needs at least one training sample.');
    this.network = network;
    this.train = data.train;
    this.validation = data.validation ?? [];
    this.n = data.train.length;
    this.X = data.train.map((s) => Float64Array.from(s.input));
    this.T = data.train.map((s) => Float64Array.from(s.target));
    this.labels = data.train.map((s) => (s.target.length === 1 ? -1 : argMax(s.target)));
    this.indices = data.train.map((_, i) => i);
    this.seed = options.seed ?? 0;
    this.shuffle = options.shuffle !== false;
    this.useCodegen = options.codegen !== false;
    this.eta = options.learningRate ?? network.learningRate;
    this.batchSetting = this.clampBatch(options.batchSize ?? 1);
    this.baseSteps = options.steps ?? 0;
    this.reset();
  }

  /** Back to the network's weights, epoch 0, empty history; η and batch size keep their current settings. */
  reset(): void {
    const { layers, loss, useBias, weights, biases, conventions } = this.network;
    const sizes = layers.map((l) => l.size);
    const acts = layers.map((l) => l.activation ?? 'identity') as ActivationName[];
    this.net = compileNet(sizes, acts, loss, useBias, weights, biases, conventions?.fixedBiases);
    this.compiled = this.useCodegen ? compileStep(this.net, this.hits) : null;
    this.scratch = null;
    this.rng = createRng(this.seed);
    this.epoch = 0;
    this.steps = this.baseSteps;
    this.historyList = [];
    this.changeList = [];
    this.startEpoch();
  }

  get learningRate(): number {
    return this.eta;
  }

  /** The batch size setting (the batch in progress keeps the size it started with). */
  get batchSizeSetting(): number {
    return this.batchSetting;
  }

  get history(): readonly EpochStats[] {
    return this.historyList;
  }

  get changes(): readonly SettingChange[] {
    return this.changeList;
  }

  setLearningRate(eta: number): void {
    if (eta === this.eta) return;
    this.eta = eta;
    this.changeList.push({ epoch: this.epoch, position: this.position, learningRate: eta });
  }

  /** Sets m; the batch in progress (if any) finishes with the size it started with. */
  setBatchSize(m: number): void {
    const size = this.clampBatch(m);
    if (size === this.batchSetting) return;
    this.batchSetting = size;
    if (this.position === this.batchStart) this.batchSize = size;
    this.changeList.push({ epoch: this.epoch, position: this.position, batchSize: size });
  }

  /**
   * Takes weights and biases made elsewhere (the step view's iterations on the same network) and the count of
   * updates behind them; where training stands in its epoch, and its history, stay.
   */
  adopt(weights: number[][][], biases: number[][], steps: number): void {
    const { net } = this;
    net.W.forEach((w, l) => w.set(weights[l].flat()));
    net.b.forEach((b, l) => {
      if (biases[l]) b.set(biases[l]);
    });
    this.steps = steps;
  }

  snapshot(): SessionSnapshot {
    const { weights, biases } = exportNet(this.net);
    const last = this.historyList[this.historyList.length - 1];
    const progress: SessionProgress = {
      batchStart: this.batchStart,
      batchSize: this.batchSize,
      lossSum: this.lossSum,
      correct: this.correct,
      batchLoss: this.batchLoss,
      batchCorrect: this.batchCorrect,
      learningRate: this.eta,
      batchSetting: this.batchSetting,
    };
    if (last) progress.lastTrainLoss = last.trainLoss;
    if (this.position !== this.batchStart)
      progress.gradients = {
        weights: this.net.gW.map((g) => Array.from(g)),
        biases: this.net.gb.map((g) => Array.from(g)),
      };
    return {
      epoch: this.epoch,
      position: this.position,
      nextSample: this.perm[this.position],
      steps: this.steps,
      weights,
      biases,
      progress,
    };
  }

  /**
   * Goes back (or on) to a snapshot this session, or one of the same network, data and seed, took: the same weights,
   * epoch, position, shuffle and sums, so that training from here gives the numbers it gave from there. The history
   * keeps only the last epoch's figures (what a loss stop condition reads) and the changes are emptied.
   */
  resume(snap: SessionSnapshot): void {
    const { net } = this;
    const p = snap.progress;
    net.W.forEach((w, l) => w.set(snap.weights[l].flat()));
    net.b.forEach((b, l) => {
      if (snap.biases[l]) b.set(snap.biases[l]);
    });
    net.gW.forEach((g, l) => (p.gradients ? g.set(p.gradients.weights[l]) : g.fill(0)));
    net.gb.forEach((g, l) => (p.gradients ? g.set(p.gradients.biases[l]) : g.fill(0)));
    this.scratch = null;
    // the shuffle of epoch e is the generator's (e + 1)th
    this.rng = createRng(this.seed);
    for (let e = 0; e < snap.epoch; e++) if (this.shuffle) shuffled(this.indices, this.rng);
    this.startEpoch();
    this.epoch = snap.epoch;
    this.position = snap.position;
    this.steps = snap.steps;
    this.batchStart = p.batchStart;
    this.batchSize = p.batchSize;
    this.lossSum = p.lossSum;
    this.correct = p.correct;
    this.batchLoss = p.batchLoss;
    this.batchCorrect = p.batchCorrect;
    this.eta = p.learningRate;
    this.batchSetting = p.batchSetting;
    this.historyList =
      p.lastTrainLoss === undefined
        ? []
        : [{ epoch: snap.epoch, trainLoss: p.lastTrainLoss, trainAccuracy: NaN }];
    this.changeList = [];
  }

  /** Whether the stop condition holds at an epoch boundary (nothing to do). */
  stopReached(stop: SessionStop | undefined): 'done' | 'lossReached' | null {
    if (!stop || this.position !== 0) return null;
    if (stop.kind === 'epochs') return this.epoch >= stop.epochs ? 'done' : null;
    const last = this.historyList[this.historyList.length - 1];
    return last !== undefined && last.trainLoss < stop.below ? 'lossReached' : null;
  }

  /** Trains on up to `samples` samples, ending early at the stop condition (checked at epoch ends) or a failure. */
  run(samples: number, stop?: SessionStop): RunResult {
    const epochs: EpochStats[] = [];
    let done = 0;
    while (done < samples) {
      const reached = this.stopReached(stop);
      if (reached) return { samples: done, epochs, stop: { reason: reached } };
      const count = Math.min(samples - done, this.n - this.position);
      const r = this.segment(count);
      done += r.done;
      if (this.position === this.n) epochs.push(this.finishEpoch());
      if (r.failure) return { samples: done, epochs, stop: r.failure };
    }
    const reached = this.stopReached(stop);
    return { samples: done, epochs, stop: reached ? { reason: reached } : null };
  }

  oneSample(): RunResult {
    return this.run(1);
  }

  /** The rest of the current epoch (a whole epoch at an epoch boundary). */
  oneEpoch(): RunResult {
    return this.run(this.n - this.position);
  }

  private clampBatch(m: number): number {
    return Math.max(1, Math.min(Math.floor(m) || 1, this.n));
  }

  private startEpoch(): void {
    this.perm = this.shuffle ? shuffled(this.indices, this.rng) : this.indices;
    this.position = 0;
    this.batchStart = 0;
    this.batchSize = this.batchSetting;
    this.lossSum = 0;
    this.correct = 0;
    this.batchLoss = 0;
    this.batchCorrect = 0;
  }

  private finishEpoch(): EpochStats {
    this.epoch++;
    const stats: EpochStats = {
      epoch: this.epoch,
      trainLoss: this.lossSum / this.n,
      trainAccuracy: this.correct / this.n,
    };
    if (this.validation.length > 0) {
      const v = evaluate(this.net, this.validation);
      stats.validationLoss = v.loss;
      stats.validationAccuracy = v.accuracy;
    }
    stats.learningRate = this.eta;
    stats.batchSize = this.batchSetting;
    stats.steps = this.steps;
    this.historyList.push(stats);
    this.startEpoch();
    return stats;
  }

  /** `count` samples within the current epoch on the fast path; replayed carefully if they went bad. */
  private segment(count: number): { done: number; failure: TrainingFailure | null } {
    const cp = (this.scratch = this.checkpoint(this.scratch));
    const ok = this.fast(count);
    if (ok && parameterProblem(this.net) === null) return { done: count, failure: null };
    this.restore(cp);
    return this.careful(count);
  }

  /** Ends the batch in progress when it is full or the epoch is over: applies the averaged gradients. */
  private batchFull(): boolean {
    return this.position - this.batchStart === this.batchSize || this.position === this.n;
  }

  private nextBatch(): void {
    this.steps++;
    this.batchStart = this.position;
    this.batchSize = this.batchSetting;
    this.batchLoss = this.lossSum;
    this.batchCorrect = this.correct;
  }

  /** The fast path; false as soon as a loss is non-finite (the caller rolls back and replays). */
  private fast(count: number): boolean {
    const { net, X, T, labels, perm, eta } = this;
    const end = this.position + count;
    const out = net.a[net.sizes.length - 1];
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
      const p = perm[this.position];
      const t = T[p];
      const e = this.batchSize === 1 ? sgdStep(net, X[p], t, eta) : accumulate(net, X[p], t);
      if (!Number.isFinite(e)) return false;
      this.lossSum += e;
      const label = labels[p];
      if (label === -1 ? Math.abs(out[0] - t[0]) < 0.5 : argMax(out) === label) this.correct++;
      this.position++;
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
  private careful(count: number): { done: number; failure: TrainingFailure | null } {
    const { net, X, T, labels, perm, eta } = this;
    const start = this.position;
    const end = start + count;
    const out = net.a[net.sizes.length - 1];
    let good = this.checkpoint();
    while (this.position < end) {
      const p = perm[this.position];
      const t = T[p];
      const e = this.batchSize === 1 ? sgdStep(net, X[p], t, eta) : accumulate(net, X[p], t);
      let problem: 'nonFinite' | 'limit' | null = Number.isFinite(e) ? null : 'nonFinite';
      if (problem === null) {
        this.lossSum += e;
        const label = labels[p];
        if (label === -1 ? Math.abs(out[0] - t[0]) < 0.5 : argMax(out) === label) this.correct++;
        this.position++;
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
  private failAt(good: Checkpoint): number {
    this.restore(good);
    this.net.gW.forEach((g) => g.fill(0));
    this.net.gb.forEach((g) => g.fill(0));
    this.position = this.batchStart;
    this.lossSum = this.batchLoss;
    this.correct = this.batchCorrect;
    return this.position;
  }

  /** Where and what: the failing batch's first sample, and for a non-finite value the quantity it appeared in. */
  private failure(reason: 'nonFinite' | 'limit'): TrainingFailure {
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
  private checkpoint(into: Checkpoint | null = null): Checkpoint {
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
  private restore(cp: Checkpoint): void {
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

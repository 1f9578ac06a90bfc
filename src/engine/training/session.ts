import { createRng, shuffled } from '../rng';
import type { ActivationName, Rng, Sample } from '../types';
import { compileStep } from './fastCodegen';
import { compileNet, exportNet } from './fastNet';
import { SessionSteps } from './sessionSteps';
import type {
  RunResult,
  SessionNetwork,
  SessionOptions,
  SessionProgress,
  SessionSnapshot,
  SessionStop,
  SettingChange,
} from './sessionTypes';
import { evaluate } from './evaluate';
import type { EpochStats } from './train';

export * from './sessionTypes';
export { parameterProblem } from './sessionSteps';

/**
 * Resumable training: the same arithmetic in the same order as `train` (the same seed gives the same numbers, bit for
 * bit), in pieces of any size: k samples, one sample, one epoch, up to a stop condition. η and the batch size can
 * change between pieces (the change is recorded; a new batch size applies from the next batch). No update whose
 * weights or biases are non-finite or past the lesson format's limit is ever adopted: the piece is checked at its
 * end and, if it went bad, replayed sample by sample from its start to stop just before the first bad update.
 */
export class TrainingSession extends SessionSteps {
  private readonly indices: number[];
  private readonly seed: number;
  private readonly shuffle: boolean;
  private readonly useCodegen: boolean;
  private rng!: Rng;
  private historyList: EpochStats[] = [];
  private changeList: SettingChange[] = [];
  private readonly baseSteps: number;

  constructor(
    network: SessionNetwork,
    data: { train: Sample[]; validation?: Sample[] },
    options: SessionOptions = {},
  ) {
    super(network, data);
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
}

/**
 * The training worker's logic, free of the worker itself so tests can drive it in-process: it answers the page's
 * messages (protocol.ts), trains a TrainingSession in time slices and posts progress at most once per frame.
 */
import type { EpochStats } from '../engine';
import { TrainingSession, type RunResult } from '../engine/training';
import {
  DEFAULT_TRAIN_SETTINGS,
  type PageToWorker,
  type StopReason,
  type TrainSettings,
  type TrainSnapshot,
  type WorkerToPage,
} from './protocol';
import { FrameShare } from './share';

/** What the trainer needs of its surroundings: a clock, a way to run later, a way to post. */
export interface TrainerHost {
  post(message: WorkerToPage): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs fn after about delay ms (0: as soon as possible, after pending messages). */
  schedule(fn: () => void, delay: number): void;
}

/** Length of one slice of training before the worker yields to its message queue. */
export const SLICE_MS = 8;
/**
 * Least time between two progress messages: half an animation frame, so that a frame seldom goes without one
 * (the page merges those of one frame, client.ts perFrame).
 */
export const FRAME_MS = 8;
/**
 * In a hidden tab the worker goes on training at a reduced rate rather than pausing: one slice every BACKGROUND_MS
 * (about 8% of full speed), with progress at most every BACKGROUND_MS, so a long run still ends but leaves the
 * machine to the visible tabs.
 */
export const BACKGROUND_MS = 100;

type Load = Extract<PageToWorker, { type: 'load' }>;

export class Trainer {
  private session: TrainingSession | null = null;
  private loaded: Load | null = null;
  private settings: TrainSettings = DEFAULT_TRAIN_SETTINGS;
  private running = false;
  private hidden = false;
  /** Epochs completed since the last message: every one is sent, none dropped. */
  private pending: EpochStats[] = [];
  private lastPost = -Infinity;
  /** Finite speeds: when the current pace started and the samples done since. */
  private paceStart = 0;
  private paceDone = 0;
  /** Samples per fast-path call, grown while a call takes well under a slice. */
  private chunk = 64;
  /** A slice is scheduled (at most one at a time). */
  private ticking = false;
  /** Bumped on every load/reset/pause so a slice scheduled before it does nothing. */
  private generation = 0;
  /** The page's last `restore` (sent with every message). */
  private sync = 0;
  /** The share of time spent training, adapted to the page's frame rate (share.ts). */
  readonly share = new FrameShare();

  constructor(private readonly host: TrainerHost) {}

  handle(message: PageToWorker): void {
    switch (message.type) {
      case 'load':
        this.loaded = message;
        this.settings = { ...DEFAULT_TRAIN_SETTINGS, ...message.settings };
        this.restart();
        return;
      case 'start':
        if (!this.session || this.running) return;
        this.running = true;
        this.restartPace();
        this.scheduleTick(0);
        return;
      case 'pause':
        if (!this.session) return;
        this.stop('paused');
        return;
      case 'oneSample':
      case 'oneEpoch': {
        if (!this.session) return;
        if (this.running) this.stop('paused');
        const r = message.type === 'oneSample' ? this.session.oneSample() : this.session.oneEpoch();
        this.pending.push(...r.epochs);
        if (r.stop && 'epoch' in r.stop) this.report(r);
        else this.postProgress();
        return;
      }
      case 'settings':
        this.applySettings(message.settings);
        return;
      case 'reset':
        if (!this.loaded) return;
        this.restart();
        return;
      case 'adopt':
        if (!this.session) return;
        if (this.running) this.stop('paused');
        this.session.adopt(message.weights, message.biases, message.steps);
        this.postProgress();
        return;
      case 'restore':
        if (!this.loaded) return;
        // the pause is reported under the old sync (the page drops it), everything after under the new one
        if (this.running) this.stop('paused');
        this.generation++;
        this.sync = message.sync;
        this.pending = [];
        if (message.snapshot) {
          const { learningRate, batchSetting } = message.snapshot.progress;
          this.settings = { ...this.settings, learningRate, batchSize: batchSetting };
          this.session ??= this.newSession();
          this.session.resume(message.snapshot);
        } else {
          if (message.fresh) {
            const { network, settings, steps } = message.fresh;
            this.loaded = { ...this.loaded, network, steps };
            this.settings = { ...DEFAULT_TRAIN_SETTINGS, ...settings };
          }
          this.session = this.newSession();
        }
        this.postProgress();
        return;
      case 'background':
        this.hidden = message.hidden;
        return;
      case 'frames':
        this.share.report(message.frameMs, this.host.now());
        return;
    }
  }

  /** A new session from the loaded weights, paused at epoch 0 (a slice scheduled before does nothing). */
  private restart(): void {
    this.generation++;
    this.running = false;
    this.session = this.newSession();
    this.pending = [];
    this.postProgress();
  }

  private newSession(): TrainingSession {
    const { network, split, steps } = this.loaded!;
    return new TrainingSession(network, split, {
      steps,
      batchSize: this.settings.batchSize,
      learningRate: this.settings.learningRate,
      seed: this.settings.seed,
    });
  }

  private applySettings(settings: Partial<TrainSettings>): void {
    this.settings = { ...this.settings, ...settings };
    const s = this.session;
    if (s) {
      // η and batch size change where training stands (the session records it); the seed applies from Reset
      if (settings.learningRate !== undefined) s.setLearningRate(settings.learningRate);
      if (settings.batchSize !== undefined) s.setBatchSize(settings.batchSize);
    }
    if (settings.speed !== undefined) this.restartPace();
  }

  private restartPace(): void {
    this.paceStart = this.host.now();
    this.paceDone = 0;
    this.share.begin(this.paceStart);
  }

  private scheduleTick(delay: number): void {
    if (this.ticking) return;
    this.ticking = true;
    const generation = this.generation;
    this.host.schedule(() => {
      this.ticking = false;
      if (generation === this.generation && this.running) this.tick();
    }, delay);
  }

  /**
   * One slice: train for the share's slice (at most SLICE_MS), or until the samples due at a finite speed are done.
   */
  private tick(): void {
    const session = this.session!;
    const { host } = this;
    const start = host.now();
    const speed = this.settings.speed;
    this.share.check(start);
    const slice = this.share.slice(SLICE_MS);
    let now = start;
    while (now - start < slice) {
      let budget = this.chunk;
      if (Number.isFinite(speed)) {
        const due = Math.floor(((now - this.paceStart) * speed) / 1000) - this.paceDone + 1;
        if (due <= 0) break;
        budget = Math.min(budget, due);
      }
      const r = session.run(budget, this.settings.stop);
      this.paceDone += r.samples;
      this.pending.push(...r.epochs);
      const before = now;
      now = host.now();
      // aim for calls of about a millisecond, so the clock is read rarely and the slice ends on time
      if (now - before < 0.5 && this.chunk < 1 << 20) this.chunk *= 2;
      else if (now - before > 2 && this.chunk > 1) this.chunk >>= 1;
      if (r.stop) {
        this.report(r);
        return;
      }
    }
    const frame = this.hidden ? BACKGROUND_MS : FRAME_MS;
    if (now - this.lastPost >= frame) this.postProgress();
    this.scheduleTick(this.nextDelay(now, now - start));
  }

  /**
   * When the next slice should run: after the share's rest for a slice of `worked` ms (at once when the page keeps
   * its frames with a core to spare), and not before the next sample is due at a finite speed.
   */
  private nextDelay(now: number, worked: number): number {
    const speed = this.settings.speed;
    let delay = this.share.rest(worked);
    if (Number.isFinite(speed)) {
      const dueAt = this.paceStart + (this.paceDone * 1000) / speed;
      delay = Math.max(delay, dueAt - now);
    }
    return this.hidden ? Math.max(delay, BACKGROUND_MS) : delay;
  }

  private snapshot(): TrainSnapshot {
    return { ...this.session!.snapshot(), running: this.running };
  }

  private postProgress(): void {
    const epochs = this.pending;
    this.pending = [];
    this.lastPost = this.host.now();
    const message: WorkerToPage = { type: 'progress', epochs, snapshot: this.snapshot() };
    if (this.sync) message.sync = this.sync;
    this.host.post(message);
  }

  private stop(reason: StopReason, failure?: Extract<WorkerToPage, { type: 'stopped' }>['failure']): void {
    this.running = false;
    this.generation++;
    const epochs = this.pending;
    this.pending = [];
    this.lastPost = this.host.now();
    const message: WorkerToPage = { type: 'stopped', reason, epochs, snapshot: this.snapshot() };
    if (failure) message.failure = failure;
    if (this.sync) message.sync = this.sync;
    this.host.post(message);
  }

  /** A run that ended by itself: a stop condition met, or a bad step. */
  private report(r: RunResult): void {
    const s = r.stop!;
    if ('epoch' in s) {
      const failure = {
        epoch: s.epoch,
        sample: s.sample,
        ...(s.condition ? { condition: s.condition } : {}),
      };
      this.stop(s.reason, failure);
    } else this.stop(s.reason);
  }
}

/**
 * The page's side of training (the worker itself, worker.ts and trainer.ts, is an entry of its own): the client
 * that runs the worker and the messages between them.
 */
export {
  createTrainClient,
  spawnTrainWorker,
  perFrame,
  reportFrames,
  type TrainClient,
  type WorkerLike,
} from './client';
export type {
  TrainNetwork,
  TrainSplit,
  StopCondition,
  TrainSettings,
  TrainSnapshot,
  PageToWorker,
  StopReason,
  WorkerToPage,
  FreshRun,
} from './protocol';
export { networkOf } from './protocol';

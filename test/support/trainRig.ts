import { networkOf, splitOf } from '../../src/components/train/trainData';
import { iris } from '../../src/lessons/iris';
import { createLessonStore, lessonTrainSettings } from '../../src/store';
import { Trainer } from '../../src/training/trainer';

/** The Iris lesson's split and Train settings, as the Train view prepares them. */
export const irisSplit = splitOf(iris);
export const irisSettings = lessonTrainSettings(iris);

/**
 * The store on the Iris lesson's Train view and an in-process worker, wired as the Train view's hook wires them
 * (useTrainer). `restore` is the hook's effect after undo, redo or a reset: the worker goes on from the store's run.
 */
export function irisTrainRig() {
  const store = createLessonStore({ lesson: iris });
  const trainer = new Trainer({
    post: (m) => store.getState().receiveTraining(m),
    now: () => 0,
    schedule: () => {},
  });
  store.getState().setView('train');
  store.getState().resetTraining(irisSettings);
  trainer.handle({
    type: 'load',
    network: networkOf(iris),
    split: irisSplit,
    settings: irisSettings,
    steps: 0,
  });
  let synced = 0;
  const restore = () => {
    const s = store.getState();
    if (s.training.sync !== synced) {
      synced = s.training.sync;
      trainer.handle(s.restoreMessage());
    }
  };
  return { store, trainer, restore };
}

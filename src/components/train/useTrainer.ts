import { useCallback, useEffect, useMemo, useRef } from 'react';
import { lessonStore, lessonTrainSettings, selectIteration, useLessonStore } from '../../store';
import {
  createTrainClient,
  perFrame,
  reportFrames,
  type TrainClient,
  type WorkerLike,
  type PageToWorker,
  type TrainSplit,
} from '../../training';
import { fits, networkOf, runKey, splitOf } from './trainData';

/** The worker factory the Train view uses (tests put a stand-in here). */
export const trainerFactory: { create?: () => WorkerLike } = {};

/**
 * Runs the training worker while the Train view is mounted: loads it with the lesson's network and data (again
 * when another lesson is opened or the network or data set changes), feeds its messages to the store, and ends
 * it on unmount. Returns the split and a way to post to the worker.
 */
export function useTrainer(): { split: TrainSplit; fitting: boolean; post: (m: PageToWorker) => void } {
  const lesson = useLessonStore((s) => s.lesson);
  const origin = useLessonStore((s) => s.origin);
  const client = useRef<TrainClient | null>(null);
  const key = runKey(lesson);
  // the split depends only on what the key holds
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const split = useMemo(() => splitOf(lesson), [key]);
  const layers = lesson.layers;
  const fitting = useMemo(() => fits({ layers }, split), [layers, split]);

  useEffect(() => {
    // at most one store update (and one render) per frame, however many messages arrive
    const frames = perFrame((m) => lessonStore.getState().receiveTraining(m));
    const c = createTrainClient(frames.receive, trainerFactory.create?.());
    client.current = c;
    return () => {
      frames.cancel();
      c.terminate();
      client.current = null;
    };
  }, []);

  // (re)load on another lesson, network or data set; the lesson's weights at that moment are the run's start
  useEffect(() => {
    const s = lessonStore.getState();
    const settings = lessonTrainSettings(s.lesson);
    s.resetTraining(settings);
    if (!fits(s.lesson, split)) return;
    // the run counts its updates on from the lesson's (iteration 1 = none yet)
    client.current?.post({
      type: 'load',
      network: networkOf(s.lesson),
      split,
      settings,
      steps: selectIteration(s) - 1,
    });
  }, [key, origin, split]);

  // undo or redo brought back another state of the run: the worker goes on from it (after the initial load)
  const sync = useLessonStore((s) => s.training.sync);
  const synced = useRef(sync);
  useEffect(() => {
    if (sync === synced.current) return;
    synced.current = sync;
    client.current?.post(lessonStore.getState().restoreMessage());
  }, [sync]);

  // the student left for the step view while the run was going: pause it (the step view then takes its weights)
  const leaving = useLessonStore((s) => s.training.handOver && s.training.running);
  useEffect(() => {
    if (leaving) client.current?.post({ type: 'pause' });
  }, [leaving]);

  // one loss history: shown again, the run takes the step view's iterations made since it last had the weights
  const view = useLessonStore((s) => s.view);
  const ready = useLessonStore((s) => s.training.snapshot !== null);
  useEffect(() => {
    if (view !== 'train' || !ready) return;
    const handed = lessonStore.getState().handToRun();
    if (handed) client.current?.post({ type: 'adopt', ...handed });
  }, [view, ready]);

  // a run going on as fast as possible: the worker shares the machine by the page's frame rate (training/share.ts)
  const flatOut = useLessonStore((s) => s.training.running && s.training.settings.speed === Infinity);
  useEffect(() => {
    if (flatOut) return reportFrames((frameMs) => client.current?.post({ type: 'frames', frameMs }));
  }, [flatOut]);

  const post = useCallback((m: PageToWorker) => client.current?.post(m), []);
  return { split, fitting, post };
}

import { useCallback, useRef, useSyncExternalStore } from 'react';
import { lessonStore, type LessonState } from '../../store';

/**
 * How often, at most, what the network has learned (confusion matrix, decision map, the sample's prediction) is
 * shown again while a run goes: its forward passes and its DOM are the Train view's dearest per frame after the
 * charts, which keep the frame rate.
 */
export const CALM_MS = 100;

/**
 * A value of the store that follows it at most every `ms` while a run goes (always its latest value in the end: a
 * trailing update), and at once otherwise. `select` must return the same object for the same state.
 */
export function useCalmSelector<T>(select: (s: LessonState) => T, ms = CALM_MS): T {
  const current = useRef<{ value: T } | null>(null);
  current.current ??= { value: select(lessonStore.getState()) };
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      let last = -Infinity;
      const take = () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        last = performance.now();
        const value = select(lessonStore.getState());
        if (Object.is(value, current.current!.value)) return;
        current.current = { value };
        notify();
      };
      const unsubscribe = lessonStore.subscribe((s) => {
        if (!s.training.running) return take();
        if (timer !== null) return;
        const wait = last + ms - performance.now();
        if (wait <= 0) take();
        else timer = setTimeout(take, wait);
      });
      take(); // whatever changed before the subscription
      return () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      };
    },
    [select, ms],
  );
  const get = useCallback(() => current.current!.value, []);
  return useSyncExternalStore(subscribe, get, get);
}

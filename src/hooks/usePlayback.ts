import { useEffect } from 'react';
import { lessonStore, useLessonStore } from '../store';

/** While playing, advances one step every 1/speed seconds; playback stops itself at the last step. */
export function usePlayback(): void {
  const playing = useLessonStore((s) => s.playing);
  const speed = useLessonStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => lessonStore.getState().next(), 1000 / speed);
    return () => window.clearInterval(id);
  }, [playing, speed]);
}

/** What every export reads from the store: the lesson on screen, its timeline, the reader's words. */
import type { DocumentHead } from '../../documents';
import { textIn, type Lesson } from '../../engine';
import { translate, type Translator } from '../../i18n';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectIteration, selectTimeline, timelineOf, useLessonStore, type LessonState } from '../../store';
import { lessonFileName } from '../../store/persist';
import type { Timeline } from '../../steps';

export interface DocumentSource {
  lesson: Lesson;
  timeline: Timeline;
  cursor: number;
  digits: number;
  head: DocumentHead;
  /** A file name without extension, from the lesson's title: `a-3-3-2-network-in-matrix-form`. */
  base: string;
  iteration: number;
}

/** The current lesson as a document source, or null when its step cannot be computed. */
export function documentSource(
  s: Pick<LessonState, 'lesson' | 'cursor' | 'digits' | 'locale' | 'granularity'> & {
    iteration: number;
    timeline?: Timeline | null;
  },
): DocumentSource | null {
  const timeline = s.timeline !== undefined ? s.timeline : timelineOf(s.lesson, s.granularity);
  if (!timeline) return null;
  const t: Translator = (key, params) => translate(s.locale, key, params);
  return {
    lesson: s.lesson,
    timeline,
    cursor: s.cursor,
    digits: s.digits,
    iteration: s.iteration,
    base: lessonFileName(s.lesson).replace(/\.json$/, ''),
    head: {
      locale: s.locale,
      title: s.lesson.title ? textIn(s.lesson.title, s.locale) : t('documents.untitled'),
      subtitle: t('documents.subtitle', {
        iteration: s.iteration,
        detail: t(`granularity.${s.granularity}`),
      }),
      t,
      stepCount: timeline.steps.length,
    },
  };
}

/** The document source of the lesson on screen, rebuilt only when what it reads changes. */
export function useDocumentSource(): DocumentSource | null {
  const parts = useLessonStore(
    useShallow((s) => ({
      lesson: s.lesson,
      timeline: selectTimeline(s),
      cursor: s.cursor,
      digits: s.digits,
      iteration: selectIteration(s),
      locale: s.locale,
      granularity: s.granularity,
    })),
  );
  return useMemo(() => documentSource(parts), [parts]);
}

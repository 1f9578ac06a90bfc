/** The store's practice actions (a slice: state in `practice`, see src/practice/progress.ts). */
import { formatPlain } from '../formulas/plain';
import { texToText } from '../formulas/symbols';
import type { MessageRef } from '../formulas/types';
import { checkAnswer, questionOf, type Checked, type Hint } from '../practice/hints';
import { DEFAULT_PRACTICE, type PracticeState } from '../practice/progress';
import {
  MAX_TRIES,
  outcomeOfRight,
  type Outcome,
  type PracticeSettings,
  type StepRecord,
} from '../practice/session';
import { formulaOf, timelineOf } from './derived';
import { feedbackPlace, practiceKey, selectCovered, selectPracticeRecords } from './practiceSelectors';
import type { LessonState } from './state';

export interface PracticeActions {
  /** Turns practice on or off (records are kept either way). */
  setPracticeOn(on: boolean): void;
  setPracticeSettings(settings: PracticeSettings): void;
  setClassMode(on: boolean): void;
  /**
   * Judges a typed answer to the current step's hidden result. Right: the result is revealed and the lesson
   * moves on; wrong: a try is counted and the hint kept. Null when the current step is not covered (or there
   * is no try left).
   */
  submitAnswer(typed: string): Checked | null;
  /** Reveals the current step's result as shown (it counts as shown). */
  showAnswer(): void;
  /** Class mode: reveals the current step's result (R); nothing is scored. */
  revealStep(): void;
  /** Opens practice as a teacher's exercise: these settings, class mode off, records of another exercise dropped. */
  startExercise(settings: PracticeSettings): void;
  /** Forgets the records of the lesson on screen (start the iteration's practice again). */
  restartPractice(): void;
  /** Takes saved practice whole (the browser's copy, read at start). */
  loadPractice(practice: PracticeState): void;
}

/** A hint as a message; `activation` and `own` are activation names, translated where it is shown. */
export const hintMessage = (h: Hint): MessageRef =>
  h.activation && h.own
    ? { key: `practice.hint.${h.kind}`, params: { activation: h.activation, own: h.own } }
    : { key: `practice.hint.${h.kind}` };

type Set_ = (partial: Partial<LessonState>) => void;
type Get = () => LessonState & { next(): void };

export function practiceActions(set: Set_, get: Get): PracticeActions {
  const patch = (p: Partial<PracticeState>) => set({ practice: { ...get().practice, ...p } });
  /** Records the current step's new record (starting a fresh set when the old one was another lesson's). */
  const record = (f: (r: StepRecord) => StepRecord) => {
    const s = get();
    const step = timelineOf(s.lesson, s.granularity)?.steps[s.cursor];
    if (!step) return;
    const records = selectPracticeRecords(s);
    const fresh = { ...records, [step.id]: f(records[step.id] ?? { wrong: 0 }) };
    patch({ key: practiceKey(s), records: fresh });
  };
  const finish = (outcome: Outcome) => record((r) => ({ ...r, outcome }));
  /** The current step's question as plain text (`a₁`) and its value as shown, for what is announced. */
  const asked = () => {
    const s = get();
    const tl = timelineOf(s.lesson, s.granularity);
    const step = tl?.steps[s.cursor];
    if (!tl || !step) return { symbol: '', value: '' };
    const id = questionOf(step);
    const result = formulaOf(s.lesson, tl, s.cursor, s.digits).results.find((r) => r.id === id);
    return { symbol: texToText(result?.symbol ?? id), value: formatPlain(tl.values[id], s.digits) };
  };
  /** Feedback on the step now at the cursor (after a right answer, the step moved on to). */
  const say = (...feedback: MessageRef[]) => patch({ feedback, feedbackAt: feedbackPlace(get()) });
  return {
    setPracticeOn: (on) => patch({ on, exercise: on && get().practice.exercise }),
    setPracticeSettings: (settings) => patch({ settings }),
    setClassMode: (classMode) => patch({ classMode }),
    submitAnswer: (typed) => {
      const s = get();
      if (!selectCovered(s) || s.practice.classMode) return null;
      const tl = timelineOf(s.lesson, s.granularity);
      const step = tl?.steps[s.cursor];
      if (!tl || !step) return null;
      const wrongSoFar = selectPracticeRecords(s)[step.id]?.wrong ?? 0;
      if (wrongSoFar >= MAX_TRIES) return null;
      const checked = checkAnswer(s.lesson, tl, step, typed);
      const q = asked();
      if (checked.verdict === 'right') {
        finish(outcomeOfRight(wrongSoFar));
        get().next();
        say({ key: 'practice.right', params: q });
      } else if (checked.verdict === 'wrong') {
        record((r) => ({ ...r, wrong: r.wrong + 1, hint: checked.hint }));
        say(
          { key: 'practice.wrong', params: { symbol: q.symbol, answer: typed.trim() } },
          hintMessage(checked.hint!),
          { key: wrongSoFar + 1 >= MAX_TRIES ? 'practice.noTries' : 'practice.oneMore' },
        );
      } else say({ key: checked.verdict === 'tooFew' ? 'practice.tooFew' : 'practice.notANumber' });
      return checked;
    },
    showAnswer: () => {
      if (!selectCovered(get())) return;
      finish('shown');
      say({ key: 'practice.shown', params: asked() });
    },
    revealStep: () => {
      if (!selectCovered(get()) || !get().practice.classMode) return;
      finish('shown');
      say({ key: 'practice.shown', params: asked() });
    },
    startExercise: (settings) => {
      const s = get();
      const key = practiceKey(s);
      const same =
        s.practice.exercise &&
        s.practice.key === key &&
        JSON.stringify(s.practice.settings) === JSON.stringify(settings);
      set({
        practice: {
          ...DEFAULT_PRACTICE,
          on: true,
          exercise: true,
          settings,
          key,
          records: same ? s.practice.records : DEFAULT_PRACTICE.records,
        },
      });
    },
    restartPractice: () => patch({ key: practiceKey(get()), records: DEFAULT_PRACTICE.records }),
    loadPractice: (practice) => set({ practice }),
  };
}

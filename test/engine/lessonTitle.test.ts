import { describe, expect, it } from 'vitest';
import { parseLesson, textIn, type Lesson } from '../../src/engine';
import { lesson004 } from '../../src/lessons';
import { gateLesson } from '../../src/store/gate';
import { lessonFileName, parseLessonFile, sameLesson, serialiseLesson } from '../../src/store/persist';

/** Lesson 004 as a file would hold it, with the title given (and no printed figures: the gate drops them). */
const withTitle = (title: unknown) => ({
  ...JSON.parse(serialiseLesson(lesson004)),
  title,
  published: undefined,
});

describe('a lesson title in one language', () => {
  it.each([
    ['English', 'Backprop, worked by hand'],
    ['Chinese', '手算反向传播'],
  ])('plain text (%s) is read as it is and shown in both languages', (_language, text) => {
    const r = parseLesson(withTitle(text));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lesson.title).toBe(text);
    expect(textIn(r.lesson.title!, 'en')).toBe(text);
    expect(textIn(r.lesson.title!, 'zh-CN')).toBe(text);
  });

  it('a title in both languages is shown in each', () => {
    const title = { en: 'Two', 'zh-CN': '二' };
    expect(textIn(title, 'en')).toBe('Two');
    expect(textIn(title, 'zh-CN')).toBe('二');
  });

  it('is saved as plain text and reads back as the same lesson (the gate keeps the very object)', () => {
    const r = parseLesson(withTitle('Backprop, worked by hand'));
    if (!r.ok) throw new Error('refused');
    const text = serialiseLesson(r.lesson);
    expect(JSON.parse(text).title).toBe('Backprop, worked by hand');
    const back = parseLessonFile(text);
    if (!back.ok) throw new Error('refused');
    expect(sameLesson(back.lesson, r.lesson)).toBe(true);
    const gated = gateLesson(r.lesson);
    expect(gated.ok && gated.lesson).toBe(r.lesson);
  });

  it('names the saved file after it, in Latin letters only', () => {
    const lesson = (title: string): Lesson => ({ ...lesson004, title });
    expect(lessonFileName(lesson('Backprop, worked by hand'))).toBe('backprop-worked-by-hand.json');
    expect(lessonFileName(lesson('手算反向传播'))).toBe('lesson.json');
  });

  it('anything but text or {en, zh-CN} is refused where it is', () => {
    const problems = (title: unknown) => {
      const r = parseLesson(withTitle(title));
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems(5)).toEqual(['title: expected text, found 5']);
    expect(problems(null)).toEqual(['title: expected text, found null']);
    expect(problems(['a'])).toEqual(['title: expected text, found a list']);
    // an object names both languages; one language alone is plain text
    expect(problems({ en: 'x' })).toEqual(['title.zh-CN: expected text, found nothing']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson, traceStep } from '../src/engine';

const doc = readFileSync(new URL('../docs/lesson-format.md', import.meta.url), 'utf8');

describe('docs/lesson-format.md', () => {
  it('its example is a valid lesson whose one printed slip is the second hidden sum', () => {
    const json = /```json\n([\s\S]*?)```/.exec(doc)![1];
    const r = parseLesson(JSON.parse(json));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // worked by hand: z = W·x + b for x = (1, 0.5)
    const z0 = 0.4 * 1 + -0.2 * 0.5 + 0.1;
    const z1 = 0.3 * 1 + 0.6 * 0.5 - 0.1;
    expect(z0).toBeCloseTo(0.4, 12);
    expect(z1).toBeCloseTo(0.5, 12);
    expect(Math.tanh(z0).toFixed(3)).toBe(r.lesson.published!['a:1:0']);
    expect(Number(r.lesson.published!['z:1:1'])).not.toBeCloseTo(z1, 1);
    const trace = traceStep(r.lesson);
    expect(trace.ok).toBe(true);
  });

  it('a title in one language, written as its row says, is read and kept as plain text', () => {
    const row = doc.split('\n').find((l) => l.startsWith('| `title`'))!;
    const example = /`"title": ("[^"]*")`/.exec(row)![1];
    const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]);
    const r = parseLesson({ ...json, title: JSON.parse(example) });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lesson.title).toBe('A 2-2-1 network');
  });
});

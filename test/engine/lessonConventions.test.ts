import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from '../../src/engine';
import { blank } from '../../src/lessons';

const withConventions = (conventions: unknown) => ({ ...JSON.parse(JSON.stringify(blank)), conventions });

describe('the lesson format: detail and fixed biases', () => {
  it.each([
    { detail: 'layer' },
    { detail: 'weight', fixedBiases: true },
    { detail: 'neuron', fixedBiases: false },
    { fixedBiases: true },
  ] as const)('reads %o and writes it back unchanged', (extra) => {
    const lesson: Lesson = {
      ...blank,
      conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard', ...extra },
    };
    const r = parseLesson(JSON.parse(JSON.stringify(lesson)));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    expect(r.lesson).toStrictEqual(lesson);
    expect(r.lesson.conventions).toStrictEqual(lesson.conventions);
  });

  it('leaves both out when a file does not give them', () => {
    const r = parseLesson(withConventions({ update: 'minusEta' }));
    expect(r.ok && r.lesson.conventions).toStrictEqual({
      update: 'minusEta',
      vectors: 'column',
      symbols: 'standard',
    });
  });

  it('names the path of a bad detail or fixedBiases', () => {
    const r = parseLesson(withConventions({ detail: 'matrix', fixedBiases: 'yes' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['conventions.detail', 'conventions.fixedBiases']);
    expect(r.problems[0].code).toBe('notOneOf');
    expect(r.problems[1].code).toBe('notBoolean');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, parseLesson } from '../../src/engine';
import { lesson004 } from '../support/lesson004';
import { baseLesson as base, LESSON_PARTS } from './problemCases';

/** Applies `mutate` to a copy of lesson 004 and expects parseLesson to refuse it. */
function problemsOf(mutate: (o: any) => unknown): { path: string; message: string }[] {
  const o = base();
  mutate(o);
  const r = parseLesson(o);
  if (r.ok) throw new Error('expected the lesson to be refused');
  return r.problems;
}

describe('parseLesson', () => {
  it('accepts a well-formed lesson and returns the same data', () => {
    const r = parseLesson(base());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.lesson).toEqual(lesson004());
  });

  it('fills defaults: conventions, and zero biases when biases are off and omitted', () => {
    const r = parseLesson({ ...base(), biases: undefined, conventions: undefined });
    expect(r.ok && r.lesson.biases).toEqual([
      [0, 0, 0],
      [0, 0],
    ]);
    expect(r.ok && r.lesson.conventions).toEqual({
      update: 'minusEta',
      vectors: 'column',
      symbols: 'standard',
    });
  });

  it.each([
    ['wrong format tag', (o: any) => (o.format = 'other'), 'format', 'backprop-lesson'],
    ['future version', (o: any) => (o.version = 2), 'version', 'expected 1'],
    [
      'misspelt activation',
      (o: any) => (o.layers[2].activation = 'sigmod'),
      'layers[2].activation',
      '"sigmod" is not one of sigmoid',
    ],
    [
      'activation on input',
      (o: any) => (o.layers[0].activation = 'tanh'),
      'layers[0].activation',
      'no activation',
    ],
    [
      'softmax on a hidden layer',
      (o: any) => (o.layers[1].activation = 'softmax'),
      'layers[1].activation',
      'output layer only',
    ],
    [
      'too many neurons',
      (o: any) => (o.layers[1].size = 65),
      'layers[1].size',
      `outside 1 to ${LIMITS.maxNeurons}`,
    ],
    ['zero neurons', (o: any) => (o.layers[1].size = 0), 'layers[1].size', 'outside 1 to'],
    ['fractional size', (o: any) => (o.layers[1].size = 2.5), 'layers[1].size', 'whole number'],
    [
      'too many layers',
      (o: any) =>
        (o.layers = Array.from({ length: 11 }, (_, l) =>
          l ? { size: 2, activation: 'tanh' } : { size: 2 },
        )),
      'layers',
      `must have 2 to ${LIMITS.maxLayers}`,
    ],
    ['unknown loss', (o: any) => (o.loss = 'hinge'), 'loss', 'is not one of'],
    [
      'loss not defined for the output',
      (o: any) => ((o.layers[2].activation = 'tanh'), (o.loss = 'bce')),
      'loss',
      'not defined for a tanh output',
    ],
    ['negative learning rate', (o: any) => (o.learningRate = -0.5), 'learningRate', 'greater than 0'],
    [
      'learning rate as text',
      (o: any) => (o.learningRate = '0.5'),
      'learningRate',
      'expected a number, found "0.5"',
    ],
    ['useBias not boolean', (o: any) => (o.useBias = 'no'), 'useBias', 'true or false'],
    ['a weight as text', (o: any) => (o.weights[1][0][2] = 'x'), 'weights[1][0][2]', 'expected a number'],
    ['a weight too large', (o: any) => (o.weights[0][1][1] = 2e6), 'weights[0][1][1]', 'outside ±1000000'],
    ['a weight row too short', (o: any) => o.weights[0][2].pop(), 'weights[0][2]', 'has 2 weights'],
    ['a missing weight matrix', (o: any) => o.weights.pop(), 'weights', 'has 1 weight matrix'],
    ['non-zero bias without biases', (o: any) => (o.biases[0][0] = 1), 'biases', 'must all be 0'],
    ['short input', (o: any) => o.sample.input.pop(), 'sample.input', 'has 2 inputs'],
    ['target null', (o: any) => (o.sample.target[1] = null), 'sample.target[1]', 'found null'],
    [
      'bad convention',
      (o: any) => (o.conventions.update = 'sideways'),
      'conventions.update',
      'not one of minusEta, plusAlpha',
    ],
    [
      'bad dataset kind',
      (o: any) => (o.dataset = { kind: 'remote' }),
      'dataset.kind',
      'not one of inline, builtin',
    ],
    [
      'unknown built-in dataset',
      (o: any) => (o.dataset = { kind: 'builtin', name: 'mnist' }),
      'dataset.name',
      '"mnist" is not one of iris',
    ],
    ['bad title', (o: any) => (o.title = { en: 'x' }), 'title.zh-CN', 'expected text'],
  ])('refuses %s', (_name, mutate, path, message) => {
    const problems = problemsOf(mutate as (o: any) => unknown);
    const hit = problems.find((p) => p.path === path);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit!.message).toContain(message);
  });

  it('refuses a value that is not an object', () => {
    expect(parseLesson(42)).toEqual({
      ok: false,
      problems: [
        {
          path: '$',
          message: 'The file does not hold a lesson: expected an object, found 42',
          code: 'notLesson',
          params: { found: 'value', foundText: '42' },
        },
      ],
    });
  });

  it('lists every problem, not just the first', () => {
    const problems = problemsOf((o) => {
      o.loss = 'x';
      o.learningRate = 'y';
      o.weights[0][0][0] = null;
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['learningRate', 'loss', 'weights[0][0][0]']);
  });

  it('cross-entropy targets must lie in [0, 1] and, with softmax, sum to 1', () => {
    const problems = problemsOf((o) => {
      o.layers[2].activation = 'softmax';
      o.loss = 'cce';
      o.sample.target = [0.5, 0.6];
    });
    expect(problems.find((p) => p.path === 'sample.target')?.message).toContain('sum to 1');
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseLesson(v);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a lesson with a random part replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LESSON_PARTS), fc.jsonValue(), (key, v) => {
        const o = base();
        o[key] = v;
        const r = parseLesson(o);
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

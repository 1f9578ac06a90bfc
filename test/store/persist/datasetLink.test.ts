import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/engine';
import { iris } from '../../../src/lessons';
import { decodeLink, encodeLink, parseLessonFile, serialiseLesson } from '../../../src/store/persist';

const csv =
  'sepal,petal,w1,w2,species\n5.1,1.4,0.2,1,setosa\n7.0,4.7,1.4,2,versicolor\n6.3,6.0,2.5,3,virginica\n';

describe('data sets in share links and lesson files', () => {
  it.each([
    ['a built-in set by name, seed and noise', { kind: 'builtin', name: 'iris', seed: 12, noise: 0.3 }],
    ['CSV text carried inside', { kind: 'csv', text: csv, seed: 4 }],
  ] as const)('%s survives a link and a file', (_name, dataset) => {
    const lesson: Lesson = { ...iris, dataset: dataset as Lesson['dataset'] };
    const hash = encodeLink({ lesson, granularity: 'neuron', cursor: 0 });
    const back = decodeLink(hash);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.lesson.dataset).toEqual(dataset);
    const file = parseLessonFile(serialiseLesson(lesson));
    expect(file.ok && file.lesson.dataset).toEqual(dataset);
  });

  it('a link made before seeds and noise existed still opens with its built-in set', () => {
    const old: Lesson = { ...iris, dataset: { kind: 'builtin', name: 'iris' } };
    const back = decodeLink(encodeLink({ lesson: old, granularity: 'neuron', cursor: 0 }));
    expect(back.ok && back.lesson.dataset).toEqual({ kind: 'builtin', name: 'iris' });
  });

  it('a link whose CSV is malformed is refused, not half-loaded', () => {
    const lesson = { ...iris, dataset: { kind: 'csv', text: 'a,b,c,d,y\n1,2,3,4\n' } } as Lesson;
    const back = decodeLink(encodeLink({ lesson, granularity: 'neuron', cursor: 0 }));
    expect(back.ok).toBe(false);
  });
});

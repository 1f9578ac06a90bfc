import { describe, expect, it } from 'vitest';
import { lesson002, lesson003, lesson004 } from '../../src/lessons';
import { createLessonStore, selectStep } from '../../src/store';
import { chooseStart, decodeLink } from '../../src/store/persist';

describe('a lesson opens at its own detail', () => {
  it('loading a matrix-form preset opens at layer detail, at neuron detail for the others', () => {
    const store = createLessonStore({ lesson: lesson002 });
    expect(store.getState().granularity).toBe('neuron');
    store.getState().loadLesson(lesson003, { cursor: 0 });
    expect(store.getState().granularity).toBe('layer');
    expect(selectStep(store.getState())?.kind).toBe('layerForward');
    store.getState().setGranularity('weight');
    store.getState().loadLesson(lesson004);
    expect(store.getState().granularity).toBe('layer');
  });

  it("a link's own detail wins; without one the lesson's is used", () => {
    const store = createLessonStore({ lesson: lesson002 });
    store.getState().loadLesson(lesson004, { granularity: 'neuron', cursor: 2 });
    expect(store.getState().granularity).toBe('neuron');
    const own = decodeLink('#v1&preset=lesson004&g=weight&s=3');
    expect(own.ok && own.granularity).toBe('weight');
    const none = decodeLink('#v1&preset=lesson003&s=2');
    expect(none.ok && none.granularity).toBe('layer');
    const plain = decodeLink('#v1&preset=lesson002');
    expect(plain.ok && plain.granularity).toBe('neuron');
  });

  it('the first visit opens the default lesson at its detail', () => {
    expect(chooseStart({ hash: '', savedText: null, languages: ['en'] }).granularity).toBe('layer');
  });
});

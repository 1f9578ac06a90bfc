import { describe, expect, it } from 'vitest';
import { lesson001, lesson002, lesson004 } from '../../../src/lessons';
import { selectIteration } from '../../../src/store';
import { chooseStart, encodeLink, serialiseSaved, type SavedState } from '../../../src/store/persist';

const saved = (over: Partial<SavedState> = {}): string =>
  serialiseSaved({
    lesson: lesson002,
    origin: lesson002,
    granularity: 'layer',
    cursor: 4,
    locale: 'zh-CN',
    theme: 'dark',
    digits: 5,
    iteration: 1,
    lossHistory: [],
    ...over,
  });
const link001 = encodeLink({ lesson: lesson001, granularity: 'weight', cursor: 6 });

describe('where the app starts', () => {
  it('with nothing: the default lesson at step 1 at its own detail, the browser’s language', () => {
    const s = chooseStart({ hash: '', savedText: null, languages: ['zh-TW', 'en'] });
    expect(s).toMatchObject({
      lesson: lesson004,
      origin: lesson004,
      granularity: 'layer', // lesson 004 is written in matrix form
      cursor: 0,
      locale: 'zh-CN',
      notice: null,
    });
    expect(chooseStart({ hash: '#lesson', savedText: null, languages: ['de-DE'] })).toMatchObject({
      lesson: lesson004,
      locale: 'en',
    });
  });

  it('the autosave, when there is no link', () => {
    const s = chooseStart({ hash: '', savedText: saved(), languages: ['en'] });
    expect(s).toMatchObject({
      lesson: lesson002,
      granularity: 'layer',
      cursor: 4,
      locale: 'zh-CN',
      theme: 'dark',
      digits: 5,
      notice: null,
    });
  });

  it('a link beats the autosave, whose view settings stay', () => {
    const s = chooseStart({ hash: link001, savedText: saved(), languages: ['en'] });
    expect(s).toMatchObject({
      lesson: lesson001,
      origin: lesson001,
      granularity: 'weight',
      cursor: 6,
      priorUpdates: 0,
      lossHistory: [],
      locale: 'zh-CN',
      theme: 'dark',
    });
  });

  it('a link to the lesson the autosave holds keeps its training history and origin', () => {
    const trained = { ...lesson001, learningRate: 0.25 };
    const s = chooseStart({
      hash: encodeLink({ lesson: trained, granularity: 'neuron', cursor: 2 }),
      savedText: saved({ lesson: trained, origin: lesson001, iteration: 3, lossHistory: [0.3, 0.2] }),
      languages: ['en'],
    });
    expect(s).toMatchObject({
      lesson: trained,
      origin: lesson001,
      priorUpdates: 0,
      lossHistory: [0.3, 0.2],
      cursor: 2,
    });
    expect(selectIteration(s)).toBe(3);
  });

  it('on a reload of the tab’s own hash the autosave wins (it was saved when the page hid)', () => {
    const own = encodeLink({ lesson: lesson002, granularity: 'layer', cursor: 1 });
    const s = chooseStart({ hash: own, savedText: saved(), languages: ['en'], ownHash: true });
    expect(s).toMatchObject({ lesson: lesson002, granularity: 'layer', cursor: 4 });
    expect(chooseStart({ hash: own, savedText: null, languages: ['en'], ownHash: true })).toMatchObject({
      lesson: lesson002,
      cursor: 1,
    });
  });

  it('a broken link never touches saved work: the autosave opens, with why the link failed', () => {
    const carried = encodeLink({
      lesson: { ...lesson001, learningRate: 0.3 },
      granularity: 'weight',
      cursor: 6,
    });
    const s = chooseStart({ hash: carried.slice(0, 40), savedText: saved(), languages: ['en'] });
    expect(s).toMatchObject({
      lesson: lesson002,
      granularity: 'layer',
      cursor: 4,
      notice: { key: 'link.broken' },
      locale: 'zh-CN',
    });
    // with no saved work, the default lesson
    const none = chooseStart({ hash: carried.slice(0, 40), savedText: null, languages: ['en'] });
    expect(none).toMatchObject({ lesson: lesson004, cursor: 0, notice: { key: 'link.broken' } });
  });

  it('a link to other work than the saved one opens with a way back to the saved work, exactly', () => {
    const trained = { ...lesson002, learningRate: 0.25 };
    const text = saved({ lesson: trained, iteration: 3, lossHistory: [0.3, 0.2] });
    const s = chooseStart({ hash: link001, savedText: text, languages: ['en'] });
    expect(s).toMatchObject({ lesson: lesson001, granularity: 'weight', cursor: 6, priorUpdates: 0 });
    expect(selectIteration(s)).toBe(1);
    expect(s.notice).toEqual({
      key: 'link.replacedWork',
      action: {
        kind: 'restoreWork',
        work: {
          lesson: trained,
          origin: lesson002,
          granularity: 'layer',
          cursor: 4,
          priorUpdates: 0,
          lossHistory: [0.3, 0.2],
        },
      },
    });
    expect(s.past).toEqual([
      { lesson: trained, origin: lesson002, priorUpdates: 0, lossHistory: [0.3, 0.2] },
    ]);
  });

  it('a link carries the iteration; an older link without it opens at iteration 1', () => {
    const trained = { ...lesson001, learningRate: 0.2 };
    const withIt = encodeLink({ lesson: trained, granularity: 'neuron', cursor: 2, iteration: 7 });
    expect(withIt).toMatch(/&i=7$/);
    const opened = chooseStart({ hash: withIt, savedText: null, languages: [] });
    // no losses of the six updates before it: they count before the step view's own iterations
    expect(opened).toMatchObject({ lesson: trained, cursor: 2, priorUpdates: 6, lossHistory: [] });
    expect(selectIteration(opened)).toBe(7);
    const old = withIt.replace(/&i=7$/, '');
    const oldOpened = chooseStart({ hash: old, savedText: null, languages: [] });
    expect(oldOpened).toMatchObject({ notice: null });
    expect(selectIteration(oldOpened)).toBe(1);
  });

  it('a link whose step is not finite is refused and the saved work opens', () => {
    const overflow = {
      ...lesson002,
      layers: [{ size: 1 }, { size: 1, activation: 'sigmoid' as const }],
      loss: 'bce' as const,
      useBias: false,
      weights: [[[1000]]],
      biases: [[0]],
      sample: { input: [1], target: [0] },
    };
    const hash = encodeLink({ lesson: overflow, granularity: 'neuron', cursor: 0 });
    const s = chooseStart({ hash, savedText: saved(), languages: ['en'] });
    expect(s).toMatchObject({ lesson: lesson002, cursor: 4, notice: { key: 'link.nonFinite' } });
  });

  it('a corrupt autosave opens the default lesson with a message, keeping the chosen language', () => {
    const corrupt = JSON.stringify({ ...JSON.parse(saved()), lesson: { format: 'backprop-lesson' } });
    const s = chooseStart({ hash: '', savedText: corrupt, languages: ['en'] });
    expect(s).toMatchObject({ lesson: lesson004, notice: { key: 'saved.corrupt' }, locale: 'zh-CN' });
    expect(chooseStart({ hash: '', savedText: '{{{', languages: ['zh'] })).toMatchObject({
      lesson: lesson004,
      locale: 'zh-CN',
    });
  });

  it('clamps a step beyond the end to the last step', () => {
    const s = chooseStart({
      hash: encodeLink({ lesson: lesson004, granularity: 'neuron', cursor: 5000 }),
      savedText: null,
      languages: [],
    });
    expect(s.cursor).toBe(31);
  });
});

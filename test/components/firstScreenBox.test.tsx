// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_BOX,
  holdFirstScreenBox,
  legibleScaled,
  releaseFirstScreenBox,
  useFirstScreenBox,
} from '../../src/components/firstScreenBox';
import { renderFromStart } from '../../src/boot';
import { DEFAULT_LESSON } from '../../src/lessons';
import { initialState, lessonStore } from '../../src/store';

const LAPTOP = { width: 673, height: 349 }; // the graph's stage at 1280 × 720

describe('the first screen’s graph box', () => {
  afterEach(() => releaseFirstScreenBox());

  it('is the measured stage when nothing is held (the app drawn afresh, tests)', () => {
    const { result } = renderHook(() => useFirstScreenBox(LAPTOP));
    expect(result.current).toEqual(LAPTOP);
  });

  it('keeps the prerendered box while the first screen shows, and takes the stage once the reader steps', () => {
    lessonStore.setState(initialState(DEFAULT_LESSON));
    renderFromStart(lessonStore);
    holdFirstScreenBox();
    const { result } = renderHook(() => useFirstScreenBox(LAPTOP));
    expect(result.current).toEqual(FIRST_SCREEN_BOX);
    act(() => lessonStore.getState().next());
    expect(lessonStore.getState().cursor).toBe(1);
    expect(result.current).toEqual(LAPTOP);
  });

  it('lets go on a resize or a key', () => {
    for (const event of [new Event('resize'), new KeyboardEvent('keydown', { key: 'Tab' })]) {
      lessonStore.setState(initialState(DEFAULT_LESSON));
      holdFirstScreenBox();
      const { result } = renderHook(() => useFirstScreenBox(LAPTOP));
      expect(result.current).toEqual(FIRST_SCREEN_BOX);
      act(() => void window.dispatchEvent(event));
      expect(result.current).toEqual(LAPTOP);
    }
  });

  it('a stage on which the scaled drawing’s text would be smaller than allowed takes its own layout at once', () => {
    // 309 × 226 at 11 px: on a 673 × 349 stage it shows 1.54× (17 px ≥ 12); on 300 × 226, 0.97× (10.7 px < 11);
    // on 520 × 240, 1.06× (11.7 px, under the 12 px a stage 500 px wide or more asks for)
    expect(legibleScaled(LAPTOP)).toBe(true);
    expect(legibleScaled(FIRST_SCREEN_BOX)).toBe(true);
    expect(legibleScaled({ width: 300, height: 226 })).toBe(false);
    expect(legibleScaled({ width: 520, height: 240 })).toBe(false);
    lessonStore.setState(initialState(DEFAULT_LESSON));
    holdFirstScreenBox();
    const small = { width: 300, height: 226 };
    const { result } = renderHook(() => useFirstScreenBox(small));
    expect(result.current).toEqual(small);
  });

  it('a hydration draws the prerendered box even when the reader left the first screen while it was under way', async () => {
    // a link followed (or a key) between the prerender and the hydration: the hydration must still read what
    // the prerender drew, or React finds other HTML than the page's (error #418) and redraws the whole page
    const Box = () => {
      const box = useFirstScreenBox(LAPTOP);
      return <p>{`${box?.width} × ${box?.height}`}</p>;
    };
    lessonStore.setState(initialState(DEFAULT_LESSON));
    renderFromStart(lessonStore);
    holdFirstScreenBox();
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Box />);
    expect(container.textContent).toBe('309 × 226');
    releaseFirstScreenBox(); // the reader left before the page hydrated
    const mismatches: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, <Box />, { onRecoverableError: (e) => mismatches.push(e) });
    });
    expect(mismatches).toEqual([]);
    expect(container.textContent).toBe('673 × 349'); // then drawn for the stage, in a render of its own
  });
});

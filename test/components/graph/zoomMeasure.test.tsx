// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FIRST_SCREEN_BOX,
  holdFirstScreenBox,
  releaseFirstScreenBox,
} from '../../../src/components/firstScreenBox';
import { useGraphZoom, type GraphZoom } from '../../../src/components/graph/zoom';
import { renderFromStart } from '../../../src/boot';
import { DEFAULT_LESSON } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';

const STAGE = { width: 412, height: 300 }; // legible for the first screen's drawing, scaled

/** A stage whose size reads come from a spy, and a ResizeObserver whose first notice the test sends. */
function mountStage() {
  let notice: (() => void) | null = null;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(cb: () => void) {
        notice = cb;
      }
      observe() {}
      disconnect() {}
    },
  );
  const reads = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    ...STAGE,
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: STAGE.width,
    bottom: STAGE.height,
  } as DOMRect);
  let zoom: GraphZoom | null = null;
  function Stage() {
    zoom = useGraphZoom(800, 480);
    return <div ref={zoom.stageRef} />;
  }
  render(<Stage />);
  return { reads, zoom: () => zoom!, notice: () => act(() => notice!()) };
}

describe('the graph’s stage size', () => {
  afterEach(() => {
    releaseFirstScreenBox();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('is measured at once when the graph is drawn afresh', () => {
    const { reads, zoom } = mountStage();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(zoom().box).toEqual(STAGE);
  });

  it('comes with the observer’s first notice when the first screen is hydrated: no layout read in the commit', () => {
    lessonStore.setState(initialState(DEFAULT_LESSON));
    renderFromStart(lessonStore);
    holdFirstScreenBox();
    const { reads, zoom, notice } = mountStage();
    expect(reads).not.toHaveBeenCalled();
    expect(zoom().box).toEqual(FIRST_SCREEN_BOX);
    notice();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(zoom().box).toEqual(FIRST_SCREEN_BOX); // held while the first screen shows, the stage legible
    releaseFirstScreenBox();
    notice();
    expect(zoom().box).toEqual(STAGE);
  });
});

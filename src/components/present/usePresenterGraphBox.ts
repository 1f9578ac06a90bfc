import { useEffect, useState } from 'react';
import { useLessonStore } from '../../store';

/** The smallest graph text presenter mode allows, in CSS pixels, on a screen 720 px tall or less. */
export const PRESENT_MIN_GRAPH_PX = 18;
/** On a taller screen the smallest text grows in proportion (27 px at 1080), as the formulas' type does. */
export const minGraphPx = (screenHeight: number) => PRESENT_MIN_GRAPH_PX * Math.max(1, screenHeight / 720);

/** What presenter mode asks of the graph: its smallest text size; nothing (the graph's defaults) otherwise. */
export interface PresenterGraphBox {
  minFont?: number;
  /** Writes out the step's values beside the graph when its neurons are too small to hold them. */
  stepCallout?: boolean;
}

/**
 * While presenting, the graph's smallest text in CSS pixels: PRESENT_MIN_GRAPH_PX, more on a taller screen.
 * The graph lays itself out in CSS pixels, so it shows at each neuron only what fits at that size.
 */
export function usePresenterGraphBox(): PresenterGraphBox {
  const presenting = useLessonStore((s) => s.presenting);
  const [screen, setScreen] = useState(() => (typeof window === 'undefined' ? 720 : window.innerHeight));
  useEffect(() => {
    if (!presenting) return;
    const onResize = () => setScreen(window.innerHeight);
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [presenting]);
  return presenting ? { minFont: Math.round(minGraphPx(screen) * 10) / 10, stepCallout: true } : {};
}

import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { Lesson } from '../../engine';
import { layoutNetwork } from '../../layout';
import { useLessonStore } from '../../store';

/** The smallest graph text presenter mode allows, in CSS pixels, on a screen 720 px tall or less. */
export const PRESENT_MIN_GRAPH_PX = 18;
/** On a taller screen the smallest text grows in proportion (27 px at 1080), as the formulas' type does. */
const minGraphPx = (screenHeight: number) => PRESENT_MIN_GRAPH_PX * Math.max(1, screenHeight / 720);
/** Width of the drawing's coordinate box while presenting (its height follows the panel's shape). */
const BOX_WIDTH = 800;

/** The drawing's box and type scale while presenting; nothing (the graph's defaults) otherwise. */
export interface PresenterGraphBox {
  width?: number;
  height?: number;
  textScale?: number;
}

/**
 * The type scale at which every text of the graph (node symbols and values, weight labels) is drawn at least
 * `minPx` pixels tall when the box is shown `scale` pixels per unit, found by laying the net out.
 * Labels keep their full size (presenter mode shows only the lit edges' labels, which do not crowd).
 */
export function presenterTextScale(
  sizes: number[],
  useBias: boolean,
  box: { width: number; height: number },
  scale: number,
  minPx = PRESENT_MIN_GRAPH_PX,
): number {
  let ts = 1;
  for (let pass = 0; pass < 6; pass++) {
    const l = layoutNetwork(sizes, useBias, box, { textScale: ts, shrinkLabels: false });
    const smallest = Math.min(
      l.detail === 'symbol' ? Math.min(l.fontSize, l.radius * 0.8) : l.valueFontSize,
      l.detail === 'full' ? l.fontSize : Infinity,
      l.showLabels ? l.labelFontSize : Infinity,
    );
    const px = smallest * scale;
    if (px >= minPx) break;
    ts = Math.round(ts * (minPx / px) * 1.03 * 100) / 100;
  }
  return ts;
}

/**
 * While presenting: the graph's box shaped like its panel (no room lost to letterboxing) and the type scale
 * that draws its text at least PRESENT_MIN_GRAPH_PX pixels tall (more on a taller screen). `panel` holds the graph (`.graph`).
 */
export function usePresenterGraphBox(
  panel: RefObject<HTMLElement | null>,
  lesson: Pick<Lesson, 'layers' | 'useBias'>,
): PresenterGraphBox {
  const presenting = useLessonStore((s) => s.presenting);
  const [size, setSize] = useState<{ w: number; h: number; screen: number } | null>(null);
  useEffect(() => {
    const graph = panel.current?.querySelector<HTMLElement>('.graph');
    if (!presenting || !graph || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      const h = Math.round(entry.contentRect.height);
      const screen = window.innerHeight;
      setSize((s) => (s && s.w === w && s.h === h && s.screen === screen ? s : { w, h, screen }));
    });
    observer.observe(graph);
    return () => observer.disconnect();
  }, [presenting, panel]);
  const sizesKey = lesson.layers.map((l) => l.size).join(',');
  return useMemo(() => {
    if (!presenting || !size || size.w < 50 || size.h < 50) return {};
    const box = { width: BOX_WIDTH, height: Math.round((BOX_WIDTH * size.h) / size.w) };
    const sizes = sizesKey.split(',').map(Number);
    const scale = size.w / BOX_WIDTH;
    return {
      ...box,
      textScale: presenterTextScale(sizes, lesson.useBias, box, scale, minGraphPx(size.screen)),
    };
  }, [presenting, size, sizesKey, lesson.useBias]);
}

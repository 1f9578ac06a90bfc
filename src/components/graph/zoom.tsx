import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { isHeld, useFirstScreenBox } from '../firstScreenBox';
import type { Translate } from './describe';
import './zoom.css';

/** Zoom factors: each button press multiplies or divides by STEP, between 1 (the whole net) and MAX. */
const STEP = 1.5;
const MAX = 4;

interface Pan {
  k: number;
  x: number;
  y: number;
}

export interface GraphZoom {
  /** The box the graph is laid out in: the visible size times the zoom factor. */
  box: { width: number; height: number };
  /** The part of that box on screen (the SVG viewBox), in the same px units. */
  view: { x: number; y: number; width: number; height: number };
  k: number;
  zoomIn: () => void;
  zoomOut: () => void;
  reset: () => void;
  /** Pans so that a point of the box is on screen (the focused item). */
  reveal: (p: { x: number; y: number } | null) => void;
  stageRef: (el: HTMLDivElement | null) => void;
  panHandlers: {
    onPointerDown: (ev: ReactPointerEvent) => void;
    onPointerMove: (ev: ReactPointerEvent) => void;
    onPointerUp: (ev: ReactPointerEvent) => void;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The size a graph's stage last measured (see useGraphZoom). */
let lastSize: { width: number; height: number } | null = null;

/**
 * Semantic zoom of the graph: the stage's size is measured (so one unit of the drawing is one CSS pixel), a
 * zoom factor k lays the net out in a box k times larger, text keeping its size, and the view pans over it
 * (drag, or the keyboard focus moving off screen). Without a measurable stage (tests) the fallback size is used.
 */
export function useGraphZoom(fallbackWidth: number, fallbackHeight: number): GraphZoom {
  // a graph drawn anew (another lesson opened) starts at the size the last stage measured: its first layout is
  // then most likely its last (a 10 × 64 net's costs a tenth of a second), else its measure corrects it
  const [size, setSize] = useState<{ width: number; height: number } | null>(() => lastSize);
  const [pan, setPan] = useState<Pan>({ k: 1, x: 0, y: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);

  const stageRef = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0)
        setSize((s) =>
          s && Math.abs(s.width - r.width) < 1 && Math.abs(s.height - r.height) < 1
            ? (lastSize = s)
            : (lastSize = { width: Math.floor(r.width), height: Math.floor(r.height) }),
        );
    };
    observer.current = new ResizeObserver(measure);
    observer.current.observe(el);
    // A graph drawn afresh is measured at once, before its first frame. A hydrated first screen keeps the
    // build's box (firstScreenBox.ts): its size comes with the observer's first notice, after the frame's own
    // layout. Measured here it laid the page out in the middle of the hydration's commit, and its update then
    // made React render again and run every effect of the hydrated tree in that same task.
    if (!isHeld()) measure();
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  const laidOut = useFirstScreenBox(size); // the prerendered first screen keeps its box until left
  const width = laidOut?.width ?? fallbackWidth;
  const height = laidOut?.height ?? fallbackHeight;
  const fit = useCallback(
    (p: Pan): Pan => ({
      k: p.k,
      x: clamp(p.x, 0, width * (p.k - 1)),
      y: clamp(p.y, 0, height * (p.k - 1)),
    }),
    [width, height],
  );
  const view = fit(pan);
  /** Zooms by factor f about the middle of the view. */
  const zoomBy = (f: number) =>
    setPan((p) => {
      const k = clamp(p.k * f, 1, MAX);
      const cx = (p.x + width / 2) / p.k;
      const cy = (p.y + height / 2) / p.k;
      return fit({ k, x: cx * k - width / 2, y: cy * k - height / 2 });
    });
  const reveal = (pt: { x: number; y: number } | null) => {
    if (!pt || pan.k === 1) return;
    const m = 40;
    setPan((p) => {
      const v = fit(p);
      const x = pt.x < v.x + m ? pt.x - m : pt.x > v.x + width - m ? pt.x - width + m : v.x;
      const y = pt.y < v.y + m ? pt.y - m : pt.y > v.y + height - m ? pt.y - height + m : v.y;
      return x === v.x && y === v.y ? p : fit({ k: p.k, x, y });
    });
  };
  const onItem = (ev: ReactPointerEvent) => !!(ev.target as Element).closest?.('[data-id],[data-for]');
  const panHandlers = {
    onPointerDown: (ev: ReactPointerEvent) => {
      if (pan.k === 1 || onItem(ev) || ev.button !== 0) return;
      drag.current = { id: ev.pointerId, x: ev.clientX, y: ev.clientY };
      (ev.currentTarget as Element).setPointerCapture?.(ev.pointerId);
    },
    onPointerMove: (ev: ReactPointerEvent) => {
      const d = drag.current;
      if (!d || d.id !== ev.pointerId) return;
      const dx = ev.clientX - d.x;
      const dy = ev.clientY - d.y;
      drag.current = { id: d.id, x: ev.clientX, y: ev.clientY };
      setPan((p) => fit({ k: p.k, x: fit(p).x - dx, y: fit(p).y - dy }));
    },
    onPointerUp: () => {
      drag.current = null;
    },
  };
  return {
    box: { width: width * pan.k, height: height * pan.k },
    view: { x: view.x, y: view.y, width, height },
    k: pan.k,
    zoomIn: () => zoomBy(STEP),
    zoomOut: () => zoomBy(1 / STEP),
    reset: () => setPan({ k: 1, x: 0, y: 0 }),
    reveal,
    stageRef,
    panHandlers,
  };
}

/** The zoom buttons beside the graph: zoom in, zoom out, back to the whole net. */
export function ZoomButtons({ zoom, t }: { zoom: GraphZoom; t: Translate }) {
  const buttons = [
    { name: t('graph.zoomIn'), onClick: zoom.zoomIn, disabled: false, sign: '+' },
    { name: t('graph.zoomOut'), onClick: zoom.zoomOut, disabled: zoom.k <= 1, sign: '−' },
    { name: t('graph.zoomReset'), onClick: zoom.reset, disabled: zoom.k === 1, sign: '⤢' },
  ];
  return (
    <div className="graph-zoom">
      {buttons.map(({ name, onClick, disabled, sign }) => (
        <button key={sign} type="button" aria-label={name} title={name} onClick={onClick} disabled={disabled}>
          {sign}
        </button>
      ))}
    </div>
  );
}

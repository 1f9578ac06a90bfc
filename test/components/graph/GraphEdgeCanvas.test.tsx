// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CANVAS_EDGES,
  fitBox,
  GraphEdgeCanvas,
  paint,
  pickEdge,
  sameLooks,
} from '../../../src/components/graph/GraphEdgeCanvas';
import type { EdgeView } from '../../../src/components/graph/views';
import { NetworkGraph } from '../../../src/components/graph/NetworkGraph';
import { en } from '../../../src/i18n/en';
import { lesson004 } from '../../support/lesson004';
import { eId, nId } from '../../support/ids';

const t = (key: string, params: Record<string, unknown> = {}) =>
  ((en as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) =>
    String(params[k] ?? m),
  );

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A view with only what picking reads: the line and its width. */
const edge = (id: string, x1: number, y1: number, x2: number, y2: number, width = 1) =>
  ({ geom: { id, x1, y1, x2, y2 }, width }) as unknown as EdgeView;

describe('the canvas of a large net’s edges', () => {
  it('maps the drawing into its box as the SVG’s xMidYMid meet does', () => {
    // 800 × 480 into 1000 × 480: scaled by 1, centred with 100 on each side
    expect(fitBox({ width: 800, height: 480 }, { width: 1000, height: 480 })).toEqual({
      scale: 1,
      dx: 100,
      dy: 0,
    });
    // into 400 × 400: scaled by ½, 120 above and below
    expect(fitBox({ width: 800, height: 480 }, { width: 400, height: 400 })).toEqual({
      scale: 0.5,
      dx: 0,
      dy: 80,
    });
  });

  it('gives the edge nearest the pointer, within reach of its line', () => {
    const views = [edge('a', 0, 0, 100, 0), edge('b', 0, 10, 100, 10, 4), edge('c', 0, 0, 0, 100)];
    expect(pickEdge(views, 50, 1, 3)).toBe('a');
    // 4 from b's centre line, 2 from its stroke (width 4); 6 from a's, 5.5 from its stroke
    expect(pickEdge(views, 50, 6, 4)).toBe('b');
    expect(pickEdge(views, 2, 50, 3)).toBe('c');
    // beyond the end of a segment the distance is to its end point
    expect(pickEdge(views, 104, 0, 3)).toBeNull();
    expect(pickEdge(views, 50, 40, 3)).toBeNull();
  });

  it('is used only above CANVAS_EDGES edges: a small net keeps its edges as SVG buttons', () => {
    const shown = Object.create(null) as Record<string, number>;
    const { container } = render(
      <NetworkGraph lesson={lesson004()} shown={shown} highlight={null} format={String} t={t} />,
    );
    expect(container.querySelector('canvas')).toBeNull();
    expect(container.querySelectorAll('.graph-edge')).toHaveLength(3 * 3 + 3 * 2);
    expect(CANVAS_EDGES).toBeGreaterThan(9 * 32 * 32 + 9 * 32); // the 10 × 32 bench net stays SVG
  });

  it('draws a larger net’s edges beneath on a canvas, and the step’s edges on top as SVG', () => {
    // 64-64-64-64 with biases: 3 × 64 × 64 + 3 × 64 = 12,480 edges
    const sizes = [64, 64, 64, 64];
    const lesson = {
      ...lesson004(),
      layers: sizes.map((size, i) => (i === 0 ? { size } : { size, activation: 'sigmoid' as const })),
      useBias: true,
      weights: sizes
        .slice(1)
        .map((n, i) =>
          Array.from({ length: n }, (_, j) =>
            Array.from({ length: sizes[i] }, (_, k) => ((j + k) % 7) / 7 - 0.4),
          ),
        ),
      biases: sizes.slice(1).map((n) => Array<number>(n).fill(0.1)),
      sample: { input: Array<number>(64).fill(0.5), target: Array<number>(64).fill(0) },
    };
    const shown = Object.create(null) as Record<string, number>;
    const lit = ['e:2:5:0', 'e:2:5:1', 'e:2:5:63'].map(eId);
    const { container } = render(
      <NetworkGraph
        lesson={lesson}
        shown={shown}
        highlight={{ nodes: [nId('n:2:5')], edges: lit, backward: false }}
        format={String}
        t={t}
      />,
    );
    expect(container.querySelectorAll('canvas[data-testid="edge-canvas"]')).toHaveLength(1);
    expect(container.querySelector('.graph-edge')).toBeNull();
    expect(
      [...container.querySelectorAll('[data-copy-of]')].map((e) => e.getAttribute('data-copy-of')),
    ).toEqual(lit);
  });
});

describe('sameLooks', () => {
  const view = (width: number, sign: string, dash?: string) => ({ width, sign, dash }) as unknown as EdgeView;
  it('compares the stroke width, sign and dash of each edge in turn', () => {
    const a = [view(1, 'pos'), view(2.5, 'neg', '10.3 6.8')];
    expect(sameLooks(a, a)).toBe(true);
    expect(sameLooks(a, [view(1, 'pos', ''), view(2.5, 'neg', '10.3 6.8')])).toBe(true);
    expect(sameLooks(a, [view(1, 'pos'), view(2.25, 'neg', '10.3 6.8')])).toBe(false);
    expect(sameLooks(a, [view(1, 'pos'), view(2.5, 'pos', '10.3 6.8')])).toBe(false);
    expect(sameLooks(a, [view(1, 'pos'), view(2.5, 'neg', '1 3')])).toBe(false);
    expect(sameLooks(a, [view(1, 'pos')])).toBe(false);
    expect(sameLooks(a, undefined)).toBe(false);
  });
});

/** A 2-D context that records what is drawn: each stroke's colour and its segments. */
function recordingContext() {
  const strokes: Array<{ colour: string; segments: number }> = [];
  let colour = '';
  let segments = 0;
  const ctx = {
    setTransform: () => {},
    clearRect: () => {},
    setLineDash: () => {},
    beginPath: () => (segments = 0),
    moveTo: () => segments++,
    lineTo: () => {},
    stroke: () => strokes.push({ colour, segments }),
    set strokeStyle(c: string) {
      colour = c;
    },
    lineWidth: 1,
    lineCap: 'butt',
  };
  return { ctx, strokes };
}

/** Counts reads of the page's layout and computed style (each forces the page to be laid out or styled). */
function layoutReads() {
  const reads = { layout: 0, style: 0 };
  for (const key of ['clientWidth', 'clientHeight', 'offsetWidth', 'offsetHeight'] as const) {
    const own =
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, key) ??
      Object.getOwnPropertyDescriptor(Element.prototype, key);
    vi.spyOn(HTMLElement.prototype, key, 'get').mockImplementation(function (this: HTMLElement) {
      reads.layout++;
      return (own?.get?.call(this) as number | undefined) ?? 0;
    });
  }
  const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  const style = vi.spyOn(window, 'getComputedStyle');
  return {
    get layout() {
      return reads.layout + rect.mock.calls.length;
    },
    get style() {
      return style.mock.calls.length;
    },
  };
}

const line = (id: string, sign: 'pos' | 'neg', y: number) =>
  ({ geom: { id, x1: 0, y1: y, x2: 100, y2: y }, width: 1, sign }) as unknown as EdgeView;

describe('painting the canvas', () => {
  it('takes its size and colours as given: it reads neither layout nor style', () => {
    const canvas = document.createElement('canvas');
    const { ctx, strokes } = recordingContext();
    vi.spyOn(canvas, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
    const reads = layoutReads();
    paint(
      canvas,
      [line('a', 'pos', 10), line('b', 'neg', 20), line('c', 'pos', 30)],
      { x: 0, y: 0, width: 800, height: 480 },
      { width: 400, height: 240 },
      (sign) => (sign === 'pos' ? 'blue' : 'orange'),
    );
    expect(reads.layout).toBe(0);
    expect(reads.style).toBe(0);
    // the pixel size is the size given (device pixel ratio 1 in jsdom), the strokes one per colour
    expect([canvas.width, canvas.height]).toEqual([400, 240]);
    expect(strokes).toEqual([
      { colour: 'blue', segments: 2 },
      { colour: 'orange', segments: 1 },
    ]);
  });

  it('draws a new lesson’s edges at the size its ResizeObserver saw, reading the theme’s colours once', () => {
    let resize: ((entries: Array<{ contentRect: { width: number; height: number } }>) => void) | null = null;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: typeof resize) {
          resize = cb;
        }
        observe() {}
        disconnect() {}
      },
    );
    const { ctx, strokes } = recordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      ctx as unknown as CanvasRenderingContext2D,
    );
    const props = { width: 800, height: 480, onActive: () => {}, onChoose: () => {} };
    const first = [[line('a', 'pos', 10), line('b', 'neg', 20)]];
    const { container, rerender } = render(<GraphEdgeCanvas groups={first} {...props} />);
    act(() => resize!([{ contentRect: { width: 600, height: 360 } }]));
    const canvas = container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([600, 360]);
    expect(strokes).toHaveLength(2);
    // the next lesson: the same edges with other signs
    const reads = layoutReads();
    rerender(<GraphEdgeCanvas groups={[[line('a', 'neg', 10), line('b', 'neg', 20)]]} {...props} />);
    expect(strokes.slice(2)).toEqual([{ colour: expect.any(String), segments: 2 }]);
    expect(reads.layout).toBe(0);
    expect(reads.style).toBe(0);
  });
});

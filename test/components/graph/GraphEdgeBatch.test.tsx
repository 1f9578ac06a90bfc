// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  arrowAt,
  BATCHED_EDGES,
  GraphEdgeCopies,
  GraphFlows,
} from '../../../src/components/graph/GraphEdgeBatch';
import type { EdgeView } from '../../../src/components/graph/views';
import { createRng } from '../../../src/engine/rng';

afterEach(cleanup);

/** A random straight edge `e:1:j:k` and its view (width, sign, dash, mark as GraphViews makes them). */
function randomViews(n: number, seed: number): EdgeView[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const [x1, y1, x2, y2] = [rng() * 800, rng() * 480, rng() * 800, rng() * 480].map(
      (x) => Math.round(x * 100) / 100,
    );
    const w = rng() * 2 - 1;
    return {
      geom: { id: `e:1:${i}:0`, x1, y1, x2, y2, d: `M${x1},${y1}L${x2},${y2}` },
      w,
      width: 0.5 + Math.abs(w) * 3,
      sign: w < 0 ? 'neg' : 'pos',
      dash: w < 0 ? '4 2' : undefined,
      mark: 'highlighted',
      onPath: i % 7 === 0,
      selected: false,
    } as unknown as EdgeView;
  });
}

/** The subpaths of every path matching `selector` (each edge's path is one move-to and one line-to). */
const subpaths = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].flatMap((p) =>
    (p.getAttribute('d') ?? '')
      .split('M')
      .filter(Boolean)
      .map((s) => `M${s}`),
  );

describe('edges drawn again on top, batched past BATCHED_EDGES', () => {
  it('draw one copy per edge up to the limit, as before', () => {
    const views = randomViews(20, 1);
    const { container } = render(
      <svg>
        <GraphEdgeCopies copies={views} active={null} />
      </svg>,
    );
    expect(container.querySelectorAll('[data-copy-of]')).toHaveLength(20);
  });

  it('past it, draw every edge’s line and halo in a few paths, and the active edge on its own', () => {
    const views = randomViews(BATCHED_EDGES * 3, 2);
    const active = views[5].geom.id;
    const { container } = render(
      <svg>
        <GraphEdgeCopies copies={views} active={active} />
      </svg>,
    );
    const others = views.filter((v) => v.geom.id !== active);
    // the same set of lines and halos as one copy per edge would draw, each once
    expect(subpaths(container, '.graph-edge-copy:not([data-copy-of]) .graph-edge__line').sort()).toEqual(
      others.map((v) => v.geom.d).sort(),
    );
    expect(subpaths(container, '.graph-edge-copy:not([data-copy-of]) .graph-edge__halo').sort()).toEqual(
      others.map((v) => v.geom.d).sort(),
    );
    // the path's halos carry is-path, the others not
    expect(subpaths(container, '.is-path .graph-edge__halo').sort()).toEqual(
      others
        .filter((v) => v.onPath)
        .map((v) => v.geom.d)
        .sort(),
    );
    // each line's batch has its sign's class and dash, and its width within ⅛ unit
    for (const v of others) {
      const path = [...container.querySelectorAll('.graph-edge__line')].find((p) =>
        (p.getAttribute('d') ?? '').includes(v.geom.d),
      )!;
      expect(path.closest('g')!.classList.contains(`graph-edge--${v.sign}`)).toBe(true);
      expect(path.getAttribute('stroke-dasharray')).toBe(v.dash ?? null);
      expect(Math.abs(Number(path.getAttribute('stroke-width')) - v.width)).toBeLessThanOrEqual(0.125);
    }
    const single = container.querySelector(`[data-copy-of="${active}"]`)!;
    expect(single.classList.contains('is-active')).toBe(true);
    expect(container.querySelectorAll('path').length).toBeLessThan(100);
  });
});

describe('the error’s flow, batched past BATCHED_EDGES', () => {
  it('puts each arrowhead where the marker would: its tip 2 stroke widths back along the edge', () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const g = { x1: rng() * 800, y1: rng() * 480, x2: rng() * 800, y2: rng() * 480 };
      const sw = 1 + rng() * 4;
      const [a, tip, b] = arrowAt(g, sw)
        .replace(/[MZ]/g, '')
        .split('L')
        .map((p) => p.split(',').map(Number));
      const len = Math.hypot(g.x2 - g.x1, g.y2 - g.y1);
      const back = [(g.x1 - g.x2) / len, (g.y1 - g.y2) / len];
      // marker units: 0.4 × stroke width each; the tip at (10, 5), the base corners at (0, 0) and (0, 10)
      expect(tip[0]).toBeCloseTo(g.x1 + 2 * sw * back[0], 1);
      expect(tip[1]).toBeCloseTo(g.y1 + 2 * sw * back[1], 1);
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      expect(mid[0]).toBeCloseTo(g.x1 - 2 * sw * back[0], 1);
      expect(mid[1]).toBeCloseTo(g.y1 - 2 * sw * back[1], 1);
      expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(4 * sw, 1);
    }
  });

  it('draws one flow per edge with the marker up to the limit, one path past it', () => {
    const few = randomViews(10, 4).map((v) => v.geom);
    const { container, rerender } = render(
      <svg>
        <GraphFlows geoms={few} strokeWidth={2} markerId="m" animated />
      </svg>,
    );
    expect(container.querySelectorAll('.graph-flow--animated[marker-start="url(#m)"]')).toHaveLength(10);
    const many = randomViews(BATCHED_EDGES + 1, 5).map((v) => v.geom);
    rerender(
      <svg>
        <GraphFlows geoms={many} strokeWidth={2} markerId="m" animated={false} />
      </svg>,
    );
    expect(container.querySelectorAll('.graph-flow')).toHaveLength(1);
    expect(container.querySelector('.graph-flow--animated')).toBeNull();
    expect(subpaths(container, '.graph-flow').sort()).toEqual(many.map((g) => g.d).sort());
    expect(subpaths(container, '.graph-flow__arrow')).toHaveLength(many.length);
  });
});

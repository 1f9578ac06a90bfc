import { describe, expect, it } from 'vitest';
import { GraphViews, markOf, marksOf, type EdgeView } from '../../../src/components/graph/views';
import { layoutNetwork, weightWidthScale } from '../../../src/layout';
import { en } from '../../../src/i18n/en';
import { eId, nId, vId } from '../../support/ids';

const t = (key: string, params: Record<string, unknown> = {}) =>
  ((en as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) =>
    String(params[k] ?? m),
  );
const format = (x: number) => x.toFixed(2);

// A 3-3-2 net without biases: weights w:l:j:k = 0.1 · (j + 1) + 0.01 · k (all positive).
const sizes = [3, 3, 2];
const weights = sizes
  .slice(1)
  .map((n, i) =>
    Array.from({ length: n }, (_, j) => Array.from({ length: sizes[i] }, (_, k) => 0.1 * (j + 1) + 0.01 * k)),
  );
const biases = sizes.slice(1).map((n) => Array<number>(n).fill(0));
const givens: Record<string, number> = {};
weights.forEach((m, i) => m.forEach((row, j) => row.forEach((w, k) => (givens[`w:${i + 1}:${j}:${k}`] = w))));

function setup() {
  const layout = layoutNetwork(sizes, false, { width: 800, height: 480 });
  const layers = sizes.map((size) => ({ size, activation: 'sigmoid' as const }));
  const conventions = { update: 'minusEta', vectors: 'column', symbols: 'standard' } as const;
  const lesson = { weights, biases, layers, conventions };
  return new GraphViews(layout, lesson, weightWidthScale(1, layout.radius), format, t);
}
const none = marksOf(null, null, null);
/** A view as a plain record, its texts (made when first read) included. */
const texts = (v: EdgeView) => ({ ...v, value: v.value, nextText: v.nextText });
const ids = (groups: { geom: { id: string } }[][]) => groups.map((g) => g.map((v) => v.geom.id));

describe('GraphViews', () => {
  it('groups edges by the neuron they lead into, in layout order', () => {
    expect(ids(setup().edges(givens, none))).toEqual([
      ['e:1:0:0', 'e:1:0:1', 'e:1:0:2'],
      ['e:1:1:0', 'e:1:1:1', 'e:1:1:2'],
      ['e:1:2:0', 'e:1:2:1', 'e:1:2:2'],
      ['e:2:0:0', 'e:2:0:1', 'e:2:0:2'],
      ['e:2:1:0', 'e:2:1:1', 'e:2:1:2'],
    ]);
  });

  it('gives the same objects back when nothing changed (memoised components skip them)', () => {
    const views = setup();
    const a = views.edges(givens, none);
    const b = views.edges({ ...givens }, marksOf(null, null, null));
    b.forEach((g, i) => expect(g).toBe(a[i]));
    const n1 = views.nodes(givens, none);
    views.nodes({ ...givens }, none).forEach((v, i) => expect(v).toBe(n1[i]));
  });

  it('renews only the groups and nodes a step changes', () => {
    const views = setup();
    const before = views.edges(givens, none);
    const nodesBefore = views.nodes(givens, none);
    const shown = { ...givens, [vId('w+:2:1:0')]: 0.5, [vId('z:1:2')]: 1.5 };
    const after = views.edges(shown, none);
    after.forEach((g, i) => (i === 4 ? expect(g).not.toBe(before[i]) : expect(g).toBe(before[i])));
    expect(after[4][0]).not.toBe(before[4][0]);
    expect(after[4][1]).toBe(before[4][1]);
    expect(after[4][0].nextText).toBe('0.50');
    expect(after[4][0].aria).toContain('after update: 0.50');
    const nodesAfter = views.nodes(shown, none);
    nodesAfter.forEach((v) =>
      v.geom.id === 'n:1:2' ? expect(v).not.toBe(nodesBefore[5]) : expect(nodesBefore).toContain(v),
    );
    expect(nodesAfter.find((v) => v.geom.id === 'n:1:2')!.z).toBe('1.50');
  });

  it('marks the step’s edges and dims the rest; moving the step renews only the groups involved', () => {
    const views = setup();
    const step1 = marksOf(
      { nodes: ['n:1:0'].map(nId), edges: ['e:1:0:0', 'e:1:0:1', 'e:1:0:2'].map(eId), backward: false },
      null,
      null,
    );
    const a = views.edges(givens, step1);
    expect(a[0].map((v) => v.mark)).toEqual(['highlighted', 'highlighted', 'highlighted']);
    expect(
      a
        .slice(1)
        .flat()
        .every((v) => v.mark === 'dimmed'),
    ).toBe(true);
    const step2 = marksOf(
      { nodes: ['n:1:1'].map(nId), edges: ['e:1:1:0', 'e:1:1:1', 'e:1:1:2'].map(eId), backward: false },
      null,
      null,
    );
    const b = views.edges(givens, step2);
    expect(b[0]).not.toBe(a[0]);
    expect(b[1]).not.toBe(a[1]);
    b.slice(2).forEach((g, i) => expect(g).toBe(a[i + 2]));
    expect(b[0][0].aria).toBe(a[0][0].aria);
  });

  it('keeps the selected edge and the chain-rule path bright while a step dims the rest', () => {
    const m = marksOf(
      { nodes: ['n:1:0'].map(nId), edges: ['e:1:0:0'].map(eId), backward: false },
      { nodes: ['n:0:0', 'n:1:1'].map(nId), edges: ['e:1:1:0'].map(eId) },
      eId('e:2:1:2'),
    );
    expect(markOf(m, eId('e:1:0:0'))).toBe('highlighted');
    expect(markOf(m, eId('e:1:1:0'))).toBe('plain');
    expect(markOf(m, eId('e:2:1:2'))).toBe('plain');
    expect(markOf(m, eId('e:2:0:0'))).toBe('dimmed');
    expect(markOf(marksOf(null, null, eId('e:2:1:2')), eId('e:2:0:0'))).toBe('plain');
  });
});

describe('GraphViews after a step', () => {
  it('looking only at the edges a step can change gives what a full look gives, over a random walk', async () => {
    const { lesson001 } = await import('../../../src/lessons');
    const { initialState, selectShownValues, selectTimeline, shownSlots } =
      await import('../../../src/store');
    const { createRng } = await import('../../../src/engine');
    const base = initialState(lesson001);
    const layout = layoutNetwork(
      lesson001.layers.map((l) => l.size),
      lesson001.useBias,
      { width: 800, height: 480 },
    );
    const make = (spoken = true) =>
      new GraphViews(layout, lesson001, weightWidthScale(1, layout.radius), format, t, spoken);
    const steps = selectTimeline(base)!.steps;
    const incremental = make();
    // a net drawn on a canvas: the same views, with no spoken names
    const unspoken = make(false);
    const rng = createRng(7);
    let cursor = 0;
    for (let k = 0; k < 120; k++) {
      // mostly single steps, sometimes a jump, a selected edge or a chain-rule path
      cursor =
        rng() < 0.8
          ? Math.min(steps.length - 1, Math.max(0, cursor + (rng() < 0.7 ? 1 : -1)))
          : Math.floor(rng() * steps.length);
      const shown = selectShownValues({ ...base, cursor });
      const edgeIds = layout.edges.map((e) => e.id);
      const selected = rng() < 0.2 ? edgeIds[Math.floor(rng() * edgeIds.length)] : null;
      const path = rng() < 0.2 ? { nodes: [], edges: edgeIds.filter(() => rng() < 0.3) } : null;
      const marks = marksOf(steps[cursor].highlight, path, selected);
      const plain = (groups: ReturnType<GraphViews['edges']>) =>
        groups.map((g) => g.map((v) => ({ ...texts(v), id: v.geom.id, geom: undefined })));
      const full = plain(make().edges(shown, marks));
      // the shown values read by slot (the store's view) and by id (a plain copy) give the same views
      expect(shownSlots(shown)).toBeDefined();
      expect(shownSlots({ ...shown })).toBeUndefined();
      expect(plain(make().edges({ ...shown }, marks))).toEqual(full);
      expect(plain(incremental.edges(shown, marks))).toEqual(full);
      expect(plain(unspoken.edges(shown, marks))).toEqual(
        full.map((g) => g.map((v) => ({ ...v, aria: '' }))),
      );
    }
  });
});

describe('GraphViews across a change of layout', () => {
  it('views kept through resizes equal views computed from scratch in the new layout, over a random walk', async () => {
    const { lesson001 } = await import('../../../src/lessons');
    const { initialState, selectShownValues, selectTimeline } = await import('../../../src/store');
    const { createRng } = await import('../../../src/engine');
    const base = initialState(lesson001);
    const sizes = lesson001.layers.map((l) => l.size);
    const layoutIn = (width: number, height: number) =>
      layoutNetwork(sizes, lesson001.useBias, { width, height });
    // the width scale is remade with each layout, as the graph does (it follows the neuron radius)
    const scaleOf = (layout: ReturnType<typeof layoutIn>) => weightWidthScale(1.2, layout.radius);
    const steps = selectTimeline(base)!.steps;
    const rng = createRng(11);
    let layout = layoutIn(800, 480);
    let widthOf = scaleOf(layout);
    const kept = new GraphViews(layout, lesson001, widthOf, format, t);
    const radii = new Set([layout.radius]);
    let relayouts = 0;
    let cursor = 0;
    const plainEdges = (groups: ReturnType<GraphViews['edges']>) =>
      groups.map((g) => g.map((v) => ({ ...texts(v), geom: { ...v.geom } })));
    for (let k = 0; k < 80; k++) {
      if (rng() < 0.35) {
        // a new size: sometimes narrower (the chain-rule panel), sometimes smaller all round (new radius)
        layout = layoutIn(300 + Math.floor(rng() * 900), 200 + Math.floor(rng() * 500));
        // sometimes the same scale object is kept (the graph keeps it while the radius does not change)
        widthOf = rng() < 0.3 ? widthOf : scaleOf(layout);
        radii.add(layout.radius);
        relayouts++;
      }
      cursor =
        rng() < 0.8 ? Math.min(steps.length - 1, Math.max(0, cursor + 1)) : Math.floor(rng() * steps.length);
      const shown = selectShownValues({ ...base, cursor });
      const edgeIds = layout.edges.map((e) => e.id);
      const selected = rng() < 0.2 ? edgeIds[Math.floor(rng() * edgeIds.length)] : null;
      const marks = marksOf(steps[cursor].highlight, null, selected);
      const fresh = new GraphViews(layout, lesson001, widthOf, format, t);
      const before = kept.edges(shown, marks);
      const edges = kept.withLayout(layout, widthOf).edges(shown, marks);
      expect(plainEdges(edges)).toEqual(plainEdges(fresh.edges(shown, marks)));
      // the geometry is the new layout's own, and the edge looked up by id is the one drawn
      edges.flat().forEach((v) => expect(v.geom).toBe(layout.edgeById[v.geom.id]));
      expect(kept.edgeView(edgeIds[0])).toBe(edges[0][0]);
      expect(kept.nodes(shown, marks)).toEqual(fresh.nodes(shown, marks));
      kept.nodes(shown, marks).forEach((v) => expect(v.geom).toBe(layout.nodeById[v.geom.id]));
      // unchanged layout and values: the very same arrays back
      if (before !== edges) kept.edges(shown, marks).forEach((g, i) => expect(g).toBe(edges[i]));
    }
    expect(relayouts).toBeGreaterThan(10);
    // the walk met layouts with different neuron radii, so different stroke widths
    expect(radii.size).toBeGreaterThan(2);
  });

  it('keeps the text of every edge through a resize (not recomputed) and renews only the geometry', () => {
    const layout = layoutNetwork(sizes, false, { width: 800, height: 480 });
    const layers = sizes.map((size) => ({ size, activation: 'sigmoid' as const }));
    const conventions = { update: 'minusEta', vectors: 'column', symbols: 'standard' } as const;
    let calls = 0;
    const counting = (x: number) => (calls++, format(x));
    const widthOf = weightWidthScale(1, layout.radius);
    const views = new GraphViews(layout, { weights, biases, layers, conventions }, widthOf, counting, t);
    const a = views.edges(givens, none);
    const formatted = calls;
    expect(formatted).toBeGreaterThan(0);
    const narrow = layoutNetwork(sizes, false, { width: 400, height: 480 });
    const b = views.withLayout(narrow, widthOf).edges(givens, none);
    expect(calls).toBe(formatted);
    b.flat().forEach((v, i) => {
      const old = a.flat()[i];
      expect(v).not.toBe(old);
      expect(v.geom).toBe(narrow.edges[i]);
      expect({ ...texts(v), geom: null }).toEqual({ ...texts(old), geom: null });
    });
    expect(() =>
      views.withLayout(layoutNetwork([3, 2, 2], false, { width: 400, height: 480 }), widthOf),
    ).toThrow();
  });

  it('formats an edge’s w and w⁺ only when its text is read (a canvas-drawn net reads a few)', () => {
    const layout = layoutNetwork(sizes, false, { width: 800, height: 480 });
    const layers = sizes.map((size) => ({ size, activation: 'sigmoid' as const }));
    const conventions = { update: 'minusEta', vectors: 'column', symbols: 'standard' } as const;
    const formatted: number[] = [];
    const counting = (x: number) => (formatted.push(x), format(x));
    const widthOf = weightWidthScale(1, layout.radius);
    const lesson = { weights, biases, layers, conventions };
    const views = new GraphViews(layout, lesson, widthOf, counting, t, false);
    const shown = { ...givens, [vId('w+:2:1:0')]: 0.5 };
    const edges = views.edges(shown, none);
    expect(formatted).toEqual([]);
    const e = edges[4][0];
    expect(e.geom.id).toBe('e:2:1:0');
    expect([e.value, e.nextText]).toEqual(['0.20', '0.50']);
    expect([e.value, e.nextText]).toEqual(['0.20', '0.50']);
    expect(formatted).toEqual([weights[1][1][0], 0.5]);
    expect(edges[0][0].nextText).toBeNull();
    // a change of marks or layout keeps the texts made
    const marked = views.edges(shown, marksOf(null, null, eId('e:2:1:0')))[4][0];
    expect(marked.selected).toBe(true);
    expect(marked.value).toBe('0.20');
    expect(formatted).toHaveLength(2);
  });

  it('draws another lesson of the same net (new weights) as views made from scratch for it', () => {
    const layout = layoutNetwork(sizes, false, { width: 800, height: 480 });
    const layers = sizes.map((size) => ({ size, activation: 'sigmoid' as const }));
    const conventions = { update: 'minusEta', vectors: 'column', symbols: 'standard' } as const;
    const widthOf = weightWidthScale(1, layout.radius);
    const first = { weights, biases, layers, conventions };
    const moved = weights.map((m) => m.map((row) => row.map((w, k) => (k === 0 ? w + 0.5 : w))));
    const second = { weights: moved, biases, layers, conventions };
    const givensOf = (ws: number[][][]) =>
      Object.fromEntries(
        ws.flatMap((m, i) => m.flatMap((row, j) => row.map((w, k) => [`w:${i + 1}:${j}:${k}`, w]))),
      );
    const kept = new GraphViews(layout, first, widthOf, format, t);
    const before = kept.edges(givensOf(weights), none);
    // the weights shown come from the values (here none: the lesson's own weights are drawn)
    const after = kept.withLesson(second).edges({}, none);
    const fresh = new GraphViews(layout, second, widthOf, format, t).edges({}, none);
    expect(after.map((g) => g.map(texts))).toEqual(fresh.map((g) => g.map(texts)));
    expect(after[0][0].value).toBe(format(moved[0][0][0]));
    // an edge whose weight did not move keeps its view
    expect(after[0][1]).toBe(before[0][1]);
    expect(kept.withLesson(second)).toBe(kept);
    expect(() =>
      kept.withLesson({ ...second, conventions: { ...conventions, symbols: 'alpha' as never } }),
    ).toThrow();
  });

  it('after a new lesson, a new layout and a new width scale, styles each edge once, as views made from scratch', () => {
    const layers = sizes.map((size) => ({ size, activation: 'sigmoid' as const }));
    const conventions = { update: 'minusEta', vectors: 'column', symbols: 'standard' } as const;
    const layout = layoutNetwork(sizes, false, { width: 800, height: 480 });
    const first = { weights, biases, layers, conventions };
    // the second lesson moves the weights out of neuron 0 of each layer only, and the largest |w| with them
    const moved = weights.map((m) => m.map((row, j) => row.map((w) => (j === 0 ? w + 0.75 : w))));
    const second = { weights: moved, biases, layers, conventions };
    const kept = new GraphViews(layout, first, weightWidthScale(0.32, layout.radius), format, t);
    const before = kept.edges({}, none);
    // Next iteration: a new lesson, then (as the graph does) a new layout and a new scale for the new largest |w|
    const narrow = layoutNetwork(sizes, false, { width: 700, height: 480 });
    let calls = 0;
    const scale = weightWidthScale(1.07, narrow.radius);
    const counted = (w: number) => (calls++, scale(w));
    const after = kept.withLesson(second).withLayout(narrow, counted).edges({}, none);
    // each of the 15 edges styled once (the old table restyled all 15, then styled the 6 moved ones again)
    expect(calls).toBe(15);
    const fresh = new GraphViews(narrow, second, scale, format, t).edges({}, none);
    const plain = (groups: EdgeView[][]) => groups.map((g) => g.map((v) => ({ ...texts(v), geom: v.geom })));
    expect(plain(after)).toEqual(plain(fresh));
    after.flat().forEach((v) => expect(v.geom).toBe(narrow.edgeById[v.geom.id]));
    // unmoved weights with the new scale: new stroke widths, new views
    expect(after[1][0]).not.toBe(before[1][0]);
    expect(after[1][0].width).toBe(scale(weights[0][1][0]));
    expect(after[1][0].width).not.toBe(before[1][0].width);
    expect(kept.edgeView(after[1][0].geom.id)).toBe(after[1][0]);
    // and then a plain resize moves them all at once again
    const wide = layoutNetwork(sizes, false, { width: 900, height: 480 });
    const resized = kept.withLayout(wide, counted).edges({}, none);
    expect(calls).toBe(15);
    resized.flat().forEach((v) => expect(v.geom).toBe(wide.edgeById[v.geom.id]));
    expect(plain(resized).map((g) => g.map((v) => ({ ...v, geom: null })))).toEqual(
      plain(after).map((g) => g.map((v) => ({ ...v, geom: null }))),
    );
  });
});

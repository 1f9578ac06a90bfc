import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import {
  LABEL_EDGE_LIMIT,
  layoutNetwork,
  nodeFootprint,
  overlapArea,
  placeSomeLabels,
  rectAround,
  textWidth,
  type Box,
  type NetworkLayout,
} from '../../src/layout';
import { nId } from '../support/ids';

const box = { width: 800, height: 480 };
const CASES: [string, number[], boolean][] = [
  ['3-3-2', [3, 3, 2], false],
  ['3-3-2 with biases', [3, 3, 2], true],
  ['2-1', [2, 1], true],
  ['4-8-8-3', [4, 8, 8, 3], true],
  ['10 layers of 32', Array(10).fill(32), true],
];

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe.each(CASES)('layoutNetwork %s', (_, sizes, useBias) => {
  const layout: NetworkLayout = layoutNetwork(sizes, useBias, box);

  it('draws each edge as d3-shape’s line from its start to its end, through its source and target', () => {
    const segment = line();
    for (const e of layout.edges) {
      expect(e.d).toBe(
        segment([
          [e.x1, e.y1],
          [e.x2, e.y2],
        ]),
      );
      expect(e.target).toBe(nId(`n:${e.layer}:${e.to}`));
      expect(e.source).toBe(nId(e.from < 0 ? `bn:${e.layer}` : `n:${e.layer - 1}:${e.from}`));
    }
  });

  it('has one node per neuron and bias node, one edge per weight and bias', () => {
    const neurons = sizes.reduce((s, n) => s + n, 0);
    const weights = sizes.slice(1).reduce((s, n, i) => s + n * sizes[i], 0);
    const biases = useBias ? sizes.length - 1 : 0;
    expect(layout.nodes).toHaveLength(neurons + biases);
    expect(layout.edges).toHaveLength(weights + (useBias ? sizes.slice(1).reduce((s, n) => s + n, 0) : 0));
    expect(Object.keys(layout.nodeById)).toHaveLength(layout.nodes.length);
    expect(layout.nodeById[nId('n:0:0')]).toMatchObject({ layer: 0, index: 0, bias: false });
    if (useBias) expect(layout.nodeById[nId('bn:1')]).toMatchObject({ layer: 1, index: -1, bias: true });
  });

  it('keeps every circle inside the box', () => {
    for (const n of layout.nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(box.width);
      expect(n.y + n.r).toBeLessThanOrEqual(box.height);
    }
  });

  it('never overlaps two nodes', () => {
    const { nodes } = layout;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++)
        expect(dist(nodes[i], nodes[j])).toBeGreaterThan(nodes[i].r + nodes[j].r);
  });

  it('puts layers left to right and edges from rim to rim', () => {
    for (let l = 1; l < sizes.length; l++) expect(layout.columns[l]).toBeGreaterThan(layout.columns[l - 1]);
    for (const e of layout.edges) {
      const s = layout.nodeById[e.source];
      const t = layout.nodeById[e.target];
      expect(dist({ x: e.x1, y: e.y1 }, s)).toBeGreaterThanOrEqual(s.r);
      expect(dist({ x: e.x2, y: e.y2 }, t)).toBeGreaterThanOrEqual(t.r);
      expect(e.d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    }
  });

  it('is deterministic', () => {
    expect(layoutNetwork([...sizes], useBias, { ...box })).toEqual(layout);
  });
});

describe('node size', () => {
  it('draws a small net with big nodes that hold their values, a large one small but whole', () => {
    const small = layoutNetwork([3, 3, 2], false, box);
    const large = layoutNetwork(Array(10).fill(32), true, box);
    expect(small.radius).toBeGreaterThanOrEqual(36);
    expect(small.detail).toBe('full');
    expect(large.radius).toBeLessThan(small.radius);
    expect(large.radius).toBeGreaterThan(2);
    expect(large.detail).toBe('none');
  });

  it('scales with the box', () => {
    const a = layoutNetwork([3, 3, 2], false, box);
    const b = layoutNetwork([3, 3, 2], false, { width: 1600, height: 960 });
    expect(b.radius).toBeCloseTo(a.radius * 2, 1);
  });
});

describe('weight labels', () => {
  const overlaps = (layout: NetworkLayout) => {
    const { width: w, height: h } = layout.labelSize;
    // only labels with a place of their own are drawn at rest
    const boxes = layout.edges.map((e) =>
      e.labelled ? rectAround(e.label, w, h) : rectAround(e.label, 0, 0),
    );
    const hits: string[] = [];
    boxes.forEach((b, i) => {
      if (b.x0 < 0 || b.y0 < 0 || b.x1 > layout.width || b.y1 > layout.height)
        hits.push(`${layout.edges[i].id} outside`);
      boxes
        .slice(i + 1)
        .forEach(
          (c, j) => overlapArea(b, c) > 0 && hits.push(`${layout.edges[i].id}/${layout.edges[i + 1 + j].id}`),
        );
      layout.nodes.forEach(
        (n) => overlapArea(b, nodeFootprint(layout, n)) > 0 && hits.push(`${layout.edges[i].id}/${n.id}`),
      );
    });
    return hits;
  };

  it.each([
    ['3-3-2', [3, 3, 2], false, box],
    ['3-3-2 with biases', [3, 3, 2], true, box],
    ['2-2-1 with biases', [2, 2, 1], true, box],
    ['3-3-2 in a narrow box', [3, 3, 2], false, { width: 600, height: 420 }],
  ])('of a %s net overlap neither each other nor the nodes', (name, sizes, useBias, b) => {
    const layout = layoutNetwork(sizes as number[], useBias as boolean, b as typeof box);
    // at 12 px the narrow box has room for the labels of one layer pair only
    expect(layout.showLabels).toBe(!name.includes('narrow'));
    expect(layout.edges.some((e) => e.labelled)).toBe(true);
    expect(overlaps(layout)).toEqual([]);
  });

  it('sit on their edge, away from its ends', () => {
    const layout = layoutNetwork([3, 3, 2], false, box);
    for (const e of layout.edges) {
      const f = (e.label.x - e.x1) / (e.x2 - e.x1);
      expect(f).toBeGreaterThan(0.1);
      expect(f).toBeLessThan(0.9);
      expect(e.y1 + (e.y2 - e.y1) * f).toBeCloseTo(e.label.y, 1);
    }
  });

  it('are left to be placed on demand in a layer pair too dense for them', () => {
    expect(layoutNetwork([4, 8, 3], false, box).showLabels).toBe(4 * 8 + 8 * 3 <= LABEL_EDGE_LIMIT);
    // 32 edges into 8 neurons: not tried at all by default; tried and found too dense when asked
    const tried = layoutNetwork([4, 8, 3], false, box, { labels: true });
    expect(tried.edges.filter((e) => e.layer === 1).some((e) => e.labelled)).toBe(false);
    expect(tried.showLabels).toBe(false);
  });
});

describe('text size', () => {
  // the presets' shapes, in the boxes the graph has at 1280×720 and on a 390 px phone
  const SHAPES: [number[], boolean][] = [
    [[2, 3, 1], false],
    [[2, 3, 2, 1], true],
    [[2, 3, 2], true],
    [[3, 3, 2], false],
    [[4, 5, 3], true],
    [[2, 2, 2], true],
    [[2, 2, 1], true],
  ];
  const BOXES: [Box, number][] = [
    [{ width: 675, height: 447 }, 12],
    [{ width: 341, height: 270 }, 11],
  ];
  it.each(SHAPES)('of a %j net (biases %s) is never under minFont', (sizes, useBias) => {
    for (const [b, minFont] of BOXES) {
      const layout = layoutNetwork(sizes, useBias, b, {
        minFont,
        symbolChars: 3,
        valueChars: 7,
        targetChars: 8,
      });
      expect(Math.min(layout.fontSize, layout.valueFontSize, layout.labelFontSize)).toBeGreaterThanOrEqual(
        minFont,
      );
      // a neuron drawn with its values is wide enough for "a −0.1234" at valueFontSize
      if (layout.detail === 'full' || layout.detail === 'value')
        expect(2 * layout.radiusX).toBeGreaterThanOrEqual(textWidth(9, layout.valueFontSize));
      // the targets sit right of their output neuron, inside the box
      for (const t of layout.targets) {
        const n = layout.nodeById[t.node];
        expect(t.x).toBeGreaterThan(n.x + n.rx);
        expect(t.x + textWidth(8, minFont)).toBeLessThanOrEqual(b.width);
      }
    }
  });
});

describe('targets beside the output neurons', () => {
  const opts = { minFont: 12, symbolChars: 3, valueChars: 7, targetChars: 8 };
  it.each([
    [[4, 5, 3], { width: 675, height: 447 }],
    [[2, 16], { width: 675, height: 447 }],
    [Array(10).fill(64), { width: 675, height: 447 }],
    [[4, 64], { width: 341, height: 270 }],
    [[3, 33], { width: 675, height: 300 }],
  ])('of a %j net are a line apart, the first and the last among them', (sizes, b) => {
    const layout = layoutNetwork(sizes, true, b, opts);
    const outputs = layout.nodes.filter((n) => n.layer === sizes.length - 1 && !n.bias);
    const ys = layout.targets.map((t) => t.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(opts.minFont * 1.25);
    // the first output far enough below the word "targets" has its own
    const heading = layout.targetHeading!.y;
    expect(layout.targets[0].index).toBe(outputs.findIndex((n) => n.y >= heading + 15 - 0.01));
    expect(layout.targets[layout.targets.length - 1].index).toBe(outputs.length - 1);
    // each beside its own neuron
    for (const t of layout.targets) expect(t.y).toBe(layout.nodeById[t.node].y);
    // as many as fit: never fewer than the outputs' span holds lines, less one for the last's adjustment
    const span = outputs[outputs.length - 1].y - outputs[0].y;
    expect(layout.targets.length).toBeGreaterThanOrEqual(
      Math.min(outputs.length - 1, Math.floor(span / (opts.minFont * 1.25) / 2)),
    );
  });

  it('are all written when the outputs are a line apart', () => {
    const layout = layoutNetwork([4, 5, 3], true, { width: 675, height: 447 }, opts);
    expect(layout.targets.map((t) => t.index)).toEqual([0, 1, 2]);
  });
});

describe('placeSomeLabels', () => {
  const segments = [
    { x1: 0, y1: 50, x2: 200, y2: 50 },
    { x1: 0, y1: 52, x2: 200, y2: 52 },
    { x1: 0, y1: 54, x2: 200, y2: 54 },
  ];
  const frame = { x0: 0, y0: 0, x1: 200, y1: 100 };
  it('places labels that overlap nothing, and leaves out the ones without room', () => {
    const at = placeSomeLabels(segments, [], frame, 30, 20);
    const boxes = at.flatMap((p) => (p ? [rectAround(p, 30, 20)] : []));
    // three 30-wide labels fit side by side on 200 units (15% to 85% of the way along)
    expect(boxes).toHaveLength(3);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlapArea(a, b)).toBe(0)));
    // an obstacle over the whole middle leaves no room at all
    expect(placeSomeLabels(segments, [{ x0: 20, y0: 0, x1: 180, y1: 100 }], frame, 30, 20)).toEqual([
      null,
      null,
      null,
    ]);
  });
});

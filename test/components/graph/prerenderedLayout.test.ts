import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptPrerenderedLayouts,
  layoutOf,
  recordPrerenderedLayouts,
  type PlainLayout,
} from '../../../src/components/graph/graphLayout';
import { layoutNetwork } from '../../../src/layout';

// The page hydrates the prerendered graph with the layout the build computed (carried in the HTML as JSON),
// not by placing nodes and weight labels again.

const ARGS = [[3, 3, 2], true, { width: 309, height: 226 }, { minFont: 11, labelChars: 9 }] as const;
const args = () => structuredClone(ARGS) as unknown as Parameters<typeof layoutNetwork>;

afterEach(() => {
  recordPrerenderedLayouts(false);
});

describe('the prerendered graph’s layout', () => {
  it('is recorded as plain JSON under its arguments while the build renders, nothing outside that', () => {
    layoutOf(...args()); // before recording: not kept
    recordPrerenderedLayouts(true);
    const layout = layoutOf(...args());
    const recorded = recordPrerenderedLayouts(false);
    expect(Object.keys(recorded)).toEqual([JSON.stringify(ARGS)]);
    const plain = JSON.parse(JSON.stringify(recorded))[JSON.stringify(ARGS)] as PlainLayout;
    expect(plain).not.toHaveProperty('nodeById');
    const { nodeById: _n, edgeById: _e, ...rest } = layout;
    expect(plain).toEqual(JSON.parse(JSON.stringify(rest)));
    // each edge's path (written when first read) is in the record
    plain.edges.forEach((e, i) => expect(e.d).toBe(layout.edges[i].d));
    expect(recordPrerenderedLayouts(false)).toEqual({}); // the recording ended
  });

  it('is taken from the page for the same arguments, its lookups rebuilt; other arguments are laid out', () => {
    recordPrerenderedLayouts(true);
    layoutOf(...args());
    const json = JSON.stringify(recordPrerenderedLayouts(false));
    // a record the page's own computation could not give: proof that it is taken, not recomputed
    const page = JSON.parse(json) as Record<string, PlainLayout>;
    const key = JSON.stringify(ARGS);
    page[key].nodes[0].x = 123.45;
    adoptPrerenderedLayouts(page);
    const taken = layoutOf(...args());
    expect(taken.nodes[0].x).toBe(123.45);
    expect(taken.nodeById[taken.nodes[0].id]).toBe(taken.nodes[0]);
    for (const e of taken.edges) expect(taken.edgeById[e.id]).toBe(e);
    expect(layoutOf(...args())).toBe(taken); // the same object on every render (React's memo keeps it too)
    // another box: laid out afresh, as layoutNetwork lays it out
    const other = [[3, 3, 2], true, { width: 400, height: 226 }, { minFont: 11, labelChars: 9 }] as const;
    const fresh = layoutOf(...(structuredClone(other) as unknown as Parameters<typeof layoutNetwork>));
    expect(fresh).toEqual(
      layoutNetwork(...(structuredClone(other) as unknown as Parameters<typeof layoutNetwork>)),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseEdgeId, parseNodeId } from '../../src/engine';
import { edgesAlong, layoutNetwork, pathsGeometry } from '../../src/layout';
import { nId } from '../support/ids';

describe('paths', () => {
  it('names the edges along a path of nodes, bias edges included', () => {
    expect(edgesAlong(['n:0:1', 'n:1:0', 'n:2:1'].map(nId))).toEqual(['e:1:0:1', 'e:2:1:0']);
    expect(edgesAlong(['bn:2', 'n:2:0'].map(nId))).toEqual(['eb:2:0']);
    expect(edgesAlong(['n:0:0', 'n:2:0'].map(nId))).toEqual([]);
  });

  it('gives each path its edges and one polyline through the node centres', () => {
    const layout = layoutNetwork([3, 3, 2], false, { width: 800, height: 480 });
    const [p] = pathsGeometry(layout, [['n:0:0', 'n:1:2', 'n:2:1'].map(nId)]);
    expect(p.edges).toEqual(['e:1:2:0', 'e:2:1:2']);
    const a = layout.nodeById[nId('n:0:0')];
    expect(p.d.startsWith(`M${a.x},${a.y}L`)).toBe(true);
    expect(p.d.split('L')).toHaveLength(3);
  });

  it('parses ids', () => {
    expect(parseNodeId('n:2:1')).toEqual({ layer: 2, index: 1, bias: false });
    expect(parseNodeId('bn:1')).toEqual({ layer: 1, index: -1, bias: true });
    expect(parseEdgeId('e:1:0:2')).toEqual({ layer: 1, to: 0, from: 2 });
    expect(parseEdgeId('eb:2:1')).toEqual({ layer: 2, to: 1, from: -1 });
    expect(parseEdgeId('x:0')).toBeNull();
  });
});

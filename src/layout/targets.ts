/** Where the targets are written: beside each output neuron, the word "targets" above the first. */
import type { Point } from './labels';
import { round, symbolAbove, textWidth, type NetworkLayout, type TargetGeom } from './networkTypes';

/** The targets' places (none when targetChars is 0) and the heading's, from the laid-out output neurons. */
export function placeTargets(
  layout: Pick<NetworkLayout, 'nodes' | 'detail' | 'fontSize' | 'radius' | 'minFont' | 'symbolChars'>,
  last: number,
  targetChars: number,
): { targets: TargetGeom[]; targetHeading: Point | null } {
  const { detail, fontSize, radius, minFont, symbolChars } = layout;
  const symbolHalf = symbolAbove(detail) ? textWidth(symbolChars, fontSize) / 2 : 0;
  const targets: TargetGeom[] =
    targetChars > 0
      ? layout.nodes
          .filter((n) => n.layer === last && !n.bias && last > 0)
          .map((n) => ({
            node: n.id,
            index: n.index,
            x: round(n.x + Math.max(n.rx, symbolHalf) + 6),
            y: n.y,
          }))
      : [];
  // the word "targets" above the first, level with the output neurons' symbols
  const targetHeading =
    targets.length > 0
      ? { x: targets[0].x, y: round(Math.max(minFont, targets[0].y - radius - fontSize * 0.8)) }
      : null;
  return { targets, targetHeading };
}

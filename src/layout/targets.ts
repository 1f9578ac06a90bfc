/**
 * Where the targets are written: beside each output neuron, the word "targets" above the first. Output neurons
 * closer together than a line of text (a 64-wide output layer) get every k-th target, the first and the last
 * always, so no two overlap (nor the word above them); each neuron's tooltip still gives its own.
 */
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
  const all: TargetGeom[] =
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
  // the word "targets" above the first, level with the output neurons' symbols (a line above at least); the
  // targets a line below it
  const targetHeading =
    all.length > 0
      ? {
          x: all[0].x,
          y: round(Math.max(minFont, all[0].y - Math.max(radius + fontSize * 0.8, minFont * LINE))),
        }
      : null;
  const below = targetHeading ? all.filter((t) => t.y >= targetHeading.y + minFont * LINE - 0.01) : all;
  const targets = spaced(below, minFont * LINE);
  return { targets, targetHeading };
}

/** A line of target text, in font sizes: the least distance between two targets' middles. */
const LINE = 1.25;

/** Every k-th target (from the first, equally spaced outputs) so that neighbours are `gap` apart, and the last. */
function spaced(targets: TargetGeom[], gap: number): TargetGeom[] {
  if (targets.length < 2) return targets;
  const step = Math.abs(targets[1].y - targets[0].y);
  const k = step >= gap ? 1 : Math.ceil(gap / Math.max(step, 1e-9));
  if (k === 1) return targets;
  const kept = targets.filter((_, i) => i % k === 0);
  const last = targets[targets.length - 1];
  if (kept[kept.length - 1] !== last) {
    // the last replaces the one before it when the two would be too close
    if (Math.abs(last.y - kept[kept.length - 1].y) < gap) kept.pop();
    kept.push(last);
  }
  return kept;
}

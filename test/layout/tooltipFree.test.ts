import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeTooltipPlace, overlapArea, placeTooltip, type Rect } from '../../src/layout';

// Presenter mode's step callout takes only a place that covers nothing (issue 13): freeTooltipPlace.

const box = { width: 800, height: 600 };
const anchor = { left: 380, right: 420, y: 300 };
const W = 200;
const H = 100;
const rectAt = (p: { x: number; y: number }, w = W, h = H): Rect => ({
  x0: p.x,
  y0: p.y,
  x1: p.x + w,
  y1: p.y + h,
});
/** The element's own strip, which no tooltip covers either. */
const own: Rect = { x0: anchor.left, y0: anchor.y - 1, x1: anchor.right, y1: anchor.y + 1 };

describe('freeTooltipPlace', () => {
  it('is where placeTooltip puts a tooltip when that place is free', () => {
    expect(freeTooltipPlace(anchor, W, H, box, [])).toEqual(placeTooltip(anchor, W, H, box, []));
    const taken = [{ x0: 430, y0: 200, x1: 700, y1: 400 }];
    expect(freeTooltipPlace(anchor, W, H, box, taken)).toEqual({ x: 174, y: 250 });
  });

  it('finds the one free corner', () => {
    // everything taken but a 230 × 125 hole at the bottom right (x 570–800, y 475–600)
    const taken: Rect[] = [
      { x0: 0, y0: 0, x1: 800, y1: 475 },
      { x0: 0, y0: 475, x1: 570, y1: 600 },
    ];
    const at = freeTooltipPlace(anchor, W, H, box, taken)!;
    expect(at).not.toBeNull();
    expect(at.x).toBeGreaterThanOrEqual(570);
    expect(at.y).toBeGreaterThanOrEqual(475);
    expect(at.x + W).toBeLessThanOrEqual(box.width);
    expect(at.y + H).toBeLessThanOrEqual(box.height);
  });

  it('is null when every place covers something, or the box is too small', () => {
    const taken = [
      { x0: 0, y0: 0, x1: 800, y1: 300 },
      { x0: 0, y0: 300, x1: 500, y1: 600 },
      { x0: 500, y0: 320, x1: 800, y1: 600 },
    ];
    expect(freeTooltipPlace(anchor, W, H, box, taken)).toBeNull();
    expect(freeTooltipPlace(anchor, 900, H, box, [])).toBeNull();
    expect(freeTooltipPlace(anchor, W, 598, box, [])).toBeNull();
  });

  it('never covers an obstacle or the element, and stays inside the box (random boxes)', () => {
    const rect = fc
      .tuple(
        fc.integer({ min: 0, max: 780 }),
        fc.integer({ min: 0, max: 580 }),
        fc.integer({ min: 5, max: 300 }),
      )
      .map(([x, y, s]) => ({ x0: x, y0: y, x1: x + s, y1: y + s / 2 }));
    fc.assert(
      fc.property(
        fc.array(rect, { maxLength: 12 }),
        fc.integer({ min: 40, max: 400 }),
        fc.integer({ min: 20, max: 300 }),
        (obstacles, w, h) => {
          const at = freeTooltipPlace(anchor, w, h, box, obstacles);
          if (!at) return;
          const r = rectAt(at, w, h);
          for (const o of [...obstacles, own]) expect(overlapArea(r, o)).toBe(0);
          expect(r.x0).toBeGreaterThanOrEqual(0);
          expect(r.y0).toBeGreaterThanOrEqual(0);
          expect(r.x1).toBeLessThanOrEqual(box.width);
          expect(r.y1).toBeLessThanOrEqual(box.height);
        },
      ),
    );
  });
});

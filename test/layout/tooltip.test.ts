import { describe, expect, it } from 'vitest';
import { overlapArea, placeTooltip, type Rect } from '../../src/layout';

const box = { width: 800, height: 600 };
const anchor = { left: 380, right: 420, y: 300 };
const W = 200;
const H = 100;
const rectAt = (p: { x: number; y: number }): Rect => ({ x0: p.x, y0: p.y, x1: p.x + W, y1: p.y + H });
const covers = (p: { x: number; y: number }, obstacles: Rect[]) =>
  obstacles.reduce((sum, o) => sum + overlapArea(rectAt(p), o), 0);

describe('placeTooltip', () => {
  it('puts the tooltip right of its element, level with its middle, when nothing is there', () => {
    // right side 420 + 6; middle 300 − 100 / 2
    expect(placeTooltip(anchor, W, H, box, [])).toEqual({ x: 426, y: 250 });
  });

  it('goes left of the element when its right is taken, or the box ends there', () => {
    const taken = [{ x0: 430, y0: 200, x1: 700, y1: 400 }];
    // left side 380 − 6 − 200
    expect(placeTooltip(anchor, W, H, box, taken)).toEqual({ x: 174, y: 250 });
    const nearEdge = { left: 650, right: 700, y: 300 };
    expect(placeTooltip(nearEdge, W, H, box, [])).toEqual({ x: 444, y: 250 });
  });

  it('moves to the nearest free place when both sides are taken, and stays inside the box', () => {
    const taken = [
      { x0: 0, y0: 180, x1: 800, y1: 420 },
      { x0: 0, y0: 0, x1: 300, y1: 180 },
    ];
    const p = placeTooltip(anchor, W, H, box, taken);
    expect(covers(p, taken)).toBe(0);
    expect(p.x).toBeGreaterThanOrEqual(2);
    expect(p.y).toBeGreaterThanOrEqual(2);
    expect(p.x + W).toBeLessThanOrEqual(box.width - 2);
    expect(p.y + H).toBeLessThanOrEqual(box.height - 2);
    // free: above the band right of x = 300 (y ≤ 80) or below it (y ≥ 420); the nearest is one of those
    const above = p.y + H <= 180;
    const below = p.y >= 420;
    expect(above || below).toBe(true);
    expect(Math.abs(p.y + H / 2 - 300)).toBeLessThanOrEqual(300 - 80 + 1e-9);
  });

  it('covers the least it can when no place is free', () => {
    const everywhere = [{ x0: 0, y0: 0, x1: 800, y1: 500 }];
    const p = placeTooltip(anchor, W, H, box, everywhere);
    // only the strip y > 500 is free: the tooltip reaches as far into it as the box allows (bottom at 598)
    expect(p.y).toBe(598 - H);
    expect(covers(p, everywhere)).toBeCloseTo(W * (500 - p.y), 6);
  });

  it('covers a faint box (a dimmed neuron) before any other when no place is free', () => {
    // everything taken but two strips: one under a faint box, one under a hard box
    const hard = [
      { x0: 0, y0: 0, x1: 800, y1: 250 },
      { x0: 0, y0: 350, x1: 800, y1: 600 },
      { x0: 426, y0: 250, x1: 800, y1: 350 },
    ];
    const faint = [{ x0: 0, y0: 250, x1: 374, y1: 350 }];
    // left of the element, level with it: covers only the faint box
    expect(placeTooltip(anchor, W, H, box, hard, faint)).toEqual({ x: 174, y: 250 });
  });
});

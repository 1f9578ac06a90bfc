import { describe, expect, it } from 'vitest';
import {
  bucketPoints,
  decimate,
  decimateGrowing,
  indexAt,
  lineChart,
  samePixels,
  xEnd,
  xEndGrowing,
  type GrowingMemo,
} from '../../src/layout/chart';

const BOX = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

describe('decimate', () => {
  it('keeps every point of a short series, skipping missing values', () => {
    expect(decimate([3, undefined, 1, NaN, 2], 10)).toEqual([
      { i: 0, v: 3 },
      { i: 2, v: 1 },
      { i: 4, v: 2 },
    ]);
  });

  it('keeps each column’s extremes and always the last point of a long series', () => {
    // 10,001 values: a spike at 5,000, a dip at 7,777, the last value distinct from its neighbours
    const values = Array.from({ length: 10001 }, (_, i) => Math.sin(i / 50));
    values[5000] = 40;
    values[7777] = -40;
    values[10000] = 0.123;
    const kept = decimate(values, 100);
    expect(kept.length).toBeLessThanOrEqual(4 * 100 + 1);
    expect(kept.at(-1)).toEqual({ i: 10000, v: 0.123 });
    expect(kept).toContainEqual({ i: 5000, v: 40 });
    expect(kept).toContainEqual({ i: 7777, v: -40 });
    expect(kept[0]).toEqual({ i: 0, v: 0 });
    // in order, no index twice
    for (let k = 1; k < kept.length; k++) expect(kept[k].i).toBeGreaterThan(kept[k - 1].i);
  });
});

describe('decimateGrowing', () => {
  it('grown bit by bit in one buffer, keeps the extremes and the last point, as a fresh pass does', () => {
    const all = Array.from({ length: 10001 }, (_, i) => Math.sin(i / 50));
    all[5000] = 40;
    all[7777] = -40;
    all[3] = NaN;
    const buffer = new Float64Array(16384);
    let kept: { i: number; v: number }[] = [];
    const memo: GrowingMemo = {};
    // as the Train view grows its columns: some values each frame, the view over the start of one buffer
    for (let n = 0; n < all.length;) {
      const next = Math.min(all.length, n + 1 + ((n * 7) % 97));
      for (let i = n; i < next; i++) buffer[i] = all[i];
      n = next;
      kept = decimateGrowing(buffer.subarray(0, n), 100, memo);
      // the incremental version is the plain one with power-of-two buckets, summarised afresh
      let size = 1;
      while (n / size > 100) size *= 2;
      expect(kept).toEqual(n <= 400 ? decimate(all.slice(0, n), 100) : bucketPoints(all.slice(0, n), size));
      const last = n - 1;
      expect(kept.at(-1)).toEqual({ i: last, v: all[last] });
      expect(kept.length).toBeLessThanOrEqual(4 * 100 + 1);
    }
    expect(kept).toContainEqual({ i: 5000, v: 40 });
    expect(kept).toContainEqual({ i: 7777, v: -40 });
    for (let k = 1; k < kept.length; k++) expect(kept[k].i).toBeGreaterThan(kept[k - 1].i);
    // the same values decimated at once, in a buffer of their own, give the same points
    expect(decimateGrowing(Float64Array.from(all), 100, {})).toEqual(kept);
    // and a memo kept for another buffer starts afresh on this one
    expect(decimateGrowing(Float64Array.from(all), 100, memo)).toEqual(kept);
    // and every column's lowest and highest are among them: check against a plain scan per 128-value bucket
    for (let start = 0; start + 128 <= all.length; start += 128) {
      const slice = all
        .slice(start, start + 128)
        .map((v, j) => ({ i: start + j, v }))
        .filter((p) => Number.isFinite(p.v));
      const lo = slice.reduce((a, b) => (b.v < a.v ? b : a));
      const hi = slice.reduce((a, b) => (b.v > a.v ? b : a));
      expect(kept).toContainEqual(lo);
      expect(kept).toContainEqual(hi);
    }
  });
});

describe('lineChart', () => {
  it('spans 1 … count on x with integer ticks and the given y domain', () => {
    const g = lineChart([{ key: 'a', values: [0.5, 0.25, 1] }], BOX, { yDomain: [0, 1] });
    expect(g.count).toBe(3);
    expect(g.x(1)).toBe(50);
    expect(g.x(3)).toBe(390);
    expect(g.xTicks.every((t) => Number.isInteger(t.value) && t.value >= 1 && t.value <= 3)).toBe(true);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // the last point: x = 390, y = 170 − 1 × 160 = 10
    expect(g.paths[0].last).toEqual({ x: 390, y: 10 });
    expect(g.paths[0].d.startsWith('M50,90')).toBe(true);
  });

  it('maps a position back to the nearest index, clamped', () => {
    const g = lineChart([{ key: 'a', values: [1, 2, 3, 4, 5] }], BOX);
    expect(indexAt(g, 50)).toBe(0);
    expect(indexAt(g, 390)).toBe(4);
    expect(indexAt(g, 50 + 340 * 0.6)).toBe(2); // x = 3.4 → epoch 3
    expect(indexAt(g, 9999)).toBe(4);
    expect(indexAt(lineChart([{ key: 'a', values: [] }], BOX), 100)).toBeNull();
  });
});

describe('lineChart on a canvas', () => {
  // BOX: x over 1 … n onto 50 … 390, y over [-40, 40] (ticks 20 apart) onto 170 … 10: 2 px per unit
  const px = (i: number, n: number) => 50 + ((i + 1 - 1) / (n - 1)) * 340;
  const py = (v: number) => 170 - ((v + 40) / 80) * 160;

  it('gives the pixels of a long series instead of a path, its extremes and last point included', () => {
    const n = 10000;
    const values = Array.from({ length: n }, (_, i) => Math.sin(i / 50));
    values[4321] = 40;
    values[n - 1] = -12.5;
    const short = [1, 2, 3];
    const g = lineChart(
      [
        { key: 'long', values },
        { key: 'short', values: short },
      ],
      BOX,
      { yDomain: [-40, 40], canvasAbove: 500 },
    );
    const [long, few] = g.paths;
    expect(long.d).toBe('');
    expect(few.pixels).toBeNull();
    expect(few.d).not.toBe('');
    const p = long.pixels!;
    expect(p.length).toBe(2 * long.drawn);
    expect(long.drawn).toBeLessThan(4 * 114 + 4);
    // the first point, the spike and the last point, at the pixels worked out from the box by hand
    expect(p[0]).toBeCloseTo(50, 9);
    expect(p[1]).toBeCloseTo(py(0), 9);
    expect(p.at(-2)).toBeCloseTo(390, 9);
    expect(p.at(-1)).toBeCloseTo(py(-12.5), 9);
    expect(py(-12.5)).toBeCloseTo(115, 9);
    const pairs = Array.from({ length: p.length / 2 }, (_, k) => [p[2 * k], p[2 * k + 1]]);
    expect(pairs.some(([x, y]) => Math.abs(x - px(4321, n)) < 1e-9 && Math.abs(y - py(40)) < 1e-9)).toBe(
      true,
    );
    // x never goes back
    for (let k = 1; k < pairs.length; k++) expect(pairs[k][0]).toBeGreaterThan(pairs[k - 1][0]);
    expect(long.last).toEqual({ x: p.at(-2), y: p.at(-1) });
  });

  it('draws no more points than the plot has pixel columns, every value within 8 px of a point as high and as low', () => {
    // noise (a seeded linear congruential generator): each bucket's first, lowest, highest and last are apart
    let seed = 12345;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const n = 10000;
    const buffer = Float64Array.from({ length: n }, (_, i) => Math.exp(-i / 3000) + 0.3 * noise());
    buffer[n - 1] = 0.123;
    const plotWidth = BOX.width - BOX.margin.left - BOX.margin.right; // 340
    const memo: GrowingMemo = {};
    for (const length of [600, 3001, 7777, n]) {
      for (const s of [
        { key: 'plain', values: Array.from(buffer.subarray(0, length)) },
        { key: 'growing', values: buffer.subarray(0, length), growing: memo },
      ]) {
        const g = lineChart([s], BOX, { yDomain: [-2, 2], canvasAbove: 500 });
        const p = g.paths[0].pixels!;
        const pairs = Array.from({ length: p.length / 2 }, (_, k) => [p[2 * k], p[2 * k + 1]]);
        expect(pairs.length, `${s.key} ${length}`).toBeLessThanOrEqual(plotWidth);
        // the last point is the last value, at its x
        expect(pairs.at(-1)![0]).toBeCloseTo(g.x(length), 9);
        expect(pairs.at(-1)![1]).toBeCloseTo(g.y(buffer[length - 1]), 9);
        // every value has a drawn point within 8 px (two buckets of at most 4 px) at least as high, and one
        // at least as low (y grows downwards)
        for (let i = 0; i < length; i++) {
          const x = g.x(i + 1);
          const y = g.y(buffer[i]);
          const near = pairs.filter(([px]) => Math.abs(px - x) <= 8);
          expect(near.some(([, py]) => py <= y + 1e-9)).toBe(true);
          expect(near.some(([, py]) => py >= y - 1e-9)).toBe(true);
        }
      }
    }
  });

  it('keeps the path up to the threshold and switches one value past it', () => {
    const at = (n: number) =>
      lineChart([{ key: 's', values: Array.from({ length: n }, (_, i) => i % 7) }], BOX, { canvasAbove: 500 })
        .paths[0];
    expect(at(500).pixels).toBeNull();
    expect(at(501).pixels).not.toBeNull();
    expect(at(501).d).toBe('');
  });
});

describe('xEnd', () => {
  it('ends the axis at the data while a pixel spans under two x units', () => {
    // 599 units over 410 px: 1.46 a pixel
    expect(xEnd(1, 600, 410)).toBe(600);
    expect(xEnd(1, 2, 410)).toBe(2);
  });

  it('rounds a long axis up to a power of two under a pixel’s span, at most a pixel past the data', () => {
    // 10,000 units over 410 px: 24.4 a pixel, so steps of 16; 10,001 → 626 × 16
    expect(xEnd(1, 10001, 410)).toBe(10016);
    expect(xEnd(1, 10000, 410)).toBe(10000);
    // 1,000 over 410: 2.44 a pixel, steps of 2
    expect(xEnd(1, 1001, 410)).toBe(1002);
    for (const last of [900, 4321, 10007, 65537]) {
      const end = xEnd(1, last, 410);
      expect(end).toBeGreaterThanOrEqual(last);
      expect(end - last).toBeLessThan((last - 1) / 410);
    }
  });

  it('while the data grows, ends on a round number about a third past it at most, stepping rarely', () => {
    // steps of 1, 2 or 5 × 10ᵏ about a third of the axis: 10,001 → steps of 5,000 → 15,000
    expect(xEndGrowing(1, 10001)).toBe(15000);
    expect(xEndGrowing(1, 10000)).toBe(10000);
    expect(xEndGrowing(1, 600)).toBe(600);
    expect(xEndGrowing(1, 601)).toBe(800);
    expect(xEndGrowing(1, 2)).toBe(2);
    expect(xEndGrowing(1, 7)).toBe(8);
    for (let last = 2; last <= 70000; last += 7) {
      const end = xEndGrowing(1, last);
      expect(end).toBeGreaterThanOrEqual(last);
      expect(end - last).toBeLessThanOrEqual(0.4 * (end - 1));
      // a round number: one significant digit of 1, 2, 4, 5, 6 or 8, or a multiple of a step of 1
      const lead = end / 10 ** Math.floor(Math.log10(end));
      if (end > 20) expect([1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8]).toContain(lead);
    }
    // a run at full speed, 100 epochs a frame from 0 to 10,000: the axis moves on 16 frames of 100; ending
    // within a pixel (paused) it moves on every one
    const moves = (end: (last: number) => number) => {
      let n = 0;
      for (let last = 100; last <= 10000; last += 100) if (end(last) !== end(last - 100)) n++;
      return n;
    };
    expect(moves((last) => xEndGrowing(1, last))).toBe(16);
    expect(moves((last) => xEnd(1, last, 410))).toBe(100);
    // 90 epochs a frame from 10,000 to 19,000: twice (to 15,000, then to 20,000)
    let after = 0;
    for (let last = 10090; last <= 19000; last += 90)
      if (xEndGrowing(1, last) !== xEndGrowing(1, last - 90)) after++;
    expect(after).toBe(2);
  });

  it('keeps a growing history’s axis and ticks still between its steps', () => {
    const values = Float64Array.from({ length: 10100 }, (_, i) => 1 / (i + 1));
    const box = { width: 480, height: 220, margin: { top: 10, right: 14, bottom: 38, left: 56 } };
    const memo: GrowingMemo = {};
    const domains = new Set<string>();
    for (let n = 10000; n <= 10100; n++) {
      const g = lineChart([{ key: 's', values: values.subarray(0, n), growing: memo }], box, {
        canvasAbove: 500,
      });
      domains.add(g.x.domain().join());
      // the last point at most a pixel before the axis' end (466)
      const px = g.paths[0].pixels!;
      expect(466 - px[px.length - 2]).toBeGreaterThanOrEqual(0);
      expect(466 - px[px.length - 2]).toBeLessThan(1);
      expect(px[px.length - 1]).toBeCloseTo(g.y(1 / n), 9);
    }
    // 101 frames of one epoch each, steps of 16 epochs (10,000 / 410 px = 24.4 a pixel): 10000, 10016, …, 10112
    expect([...domains]).toEqual([0, 16, 32, 48, 64, 80, 96, 112].map((k) => `1,${10000 + k}`));
  });
});

describe('samePixels', () => {
  it('compares each series’ pixels by value', () => {
    const a = Float64Array.of(1, 2, 3, 4);
    expect(samePixels([a, null], [Float64Array.of(1, 2, 3, 4), null])).toBe(true);
    expect(samePixels([a], [Float64Array.of(1, 2, 3, 4.5)])).toBe(false);
    expect(samePixels([a], [Float64Array.of(1, 2)])).toBe(false);
    expect(samePixels([a], [null])).toBe(false);
    expect(samePixels([a], [a, a])).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SIGN_PALETTE,
  contrastRatio,
  dashFor,
  edgeStyle,
  maxAbsWeight,
  signOf,
  weightWidthScale,
} from '../../src/layout';

describe('weight width scale', () => {
  const width = weightWidthScale(2, 40);

  it('grows with |w| and treats both signs alike', () => {
    const ws = [0, 0.1, 0.5, 1, 1.5, 2].map(width);
    ws.slice(1).forEach((w, i) => expect(w).toBeGreaterThan(ws[i]));
    expect(width(-0.7)).toBe(width(0.7));
  });

  it('keeps zero visible and clamps beyond the domain', () => {
    expect(width(0)).toBeGreaterThan(0);
    expect(width(5)).toBe(width(2));
  });

  it('takes its domain from the largest |w|, biases included', () => {
    expect(maxAbsWeight([[[0.5, -3]], [[1]]])).toBe(3);
    expect(maxAbsWeight([[[0.5]]], [[-4]])).toBe(4);
    expect(maxAbsWeight([[[0]]])).toBe(1);
  });
});

describe('sign cue', () => {
  it('dashes negative weights, not positive ones', () => {
    const width = weightWidthScale(1, 30);
    expect(signOf(0.3)).toBe('pos');
    expect(signOf(-0.3)).toBe('neg');
    expect(signOf(0)).toBe('zero');
    expect(edgeStyle(0.3, width).dash).toBeUndefined();
    expect(edgeStyle(-0.3, width).dash).toMatch(/^[\d.]+ [\d.]+$/);
    expect(dashFor('zero', 1)).toBeDefined();
  });

  it('has dashes longer than a thick stroke is wide, so they read as dashes', () => {
    const [dash] = dashFor('neg', 8)!.split(' ').map(Number);
    expect(dash).toBeGreaterThan(8);
  });
});

describe('palette', () => {
  it.each(Object.entries(SIGN_PALETTE))(
    '%s: signs stand out from the background (≥ 3:1) and differ',
    (_, p) => {
      expect(contrastRatio(p.pos, p.bg)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(p.neg, p.bg)).toBeGreaterThanOrEqual(3);
      expect(p.pos).not.toBe(p.neg);
    },
  );

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('is the palette graph.css uses', () => {
    const css = readFileSync(new URL('../../src/components/graph/graph.css', import.meta.url), 'utf8');
    for (const [theme, p] of Object.entries(SIGN_PALETTE)) {
      const block =
        theme === 'light' ? css.split("[data-theme='dark']")[0] : css.split(`[data-theme='${theme}'] {`)[1];
      const rule = block.slice(0, block.indexOf('}'));
      for (const key of ['bg', 'pos', 'neg', 'zero'] as const)
        expect(rule).toContain(`--graph-${key}: ${p[key]};`);
    }
  });

  it('is deterministic', () => {
    const a = weightWidthScale(1.5, 20);
    const b = weightWidthScale(1.5, 20);
    expect([0, 0.5, 1].map(a)).toEqual([0, 0.5, 1].map(b));
  });
});

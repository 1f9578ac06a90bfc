import { scaleLinear } from './linearScale';

/** The sign of a weight, as drawn: positive solid, negative dashed, zero dotted and neutral. */
export type Sign = 'pos' | 'neg' | 'zero';

/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies) by sign, with the background they are
 * checked against. graph.css carries the same values as custom properties; a test keeps them in step.
 */
export const SIGN_PALETTE = {
  light: { bg: '#ffffff', pos: '#0072b2', neg: '#d55e00', zero: '#6b6b6b' },
  dark: { bg: '#0f172a', pos: '#56b4e9', neg: '#e69f00', zero: '#a3a3a3' },
  projector: { bg: '#000000', pos: '#56b4e9', neg: '#ffb000', zero: '#bdbdbd' },
} as const;

export const signOf = (w: number): Sign => (w > 0 ? 'pos' : w < 0 ? 'neg' : 'zero');

/** The largest |w| over weights (and biases when given); 1 when there is none. */
export function maxAbsWeight(weights: number[][][], biases?: number[][]): number {
  let m = 0;
  for (const layer of [...weights, ...(biases ? [biases] : [])])
    for (const row of layer) for (const w of row) m = Math.max(m, Math.abs(w));
  return m > 0 && Number.isFinite(m) ? m : 1;
}

/** Stroke width by |w|: linear from a hairline at 0 to a stroke proportional to the node radius at max |w|. */
export function weightWidthScale(maxAbs: number, radius: number): (w: number) => number {
  const widest = Math.min(10, Math.max(1.5, radius * 0.2));
  const scale = scaleLinear()
    .domain([0, maxAbs > 0 ? maxAbs : 1])
    .range([Math.max(0.6, widest * 0.1), widest])
    .clamp(true);
  return (w: number) => scale(Math.abs(w));
}

/** SVG stroke-dasharray for a sign (the non-colour cue): dashes for negative, dots for zero, none for positive. */
export function dashFor(sign: Sign, width: number): string | undefined {
  if (sign === 'neg') return `${(width * 2.5 + 4).toFixed(1)} ${(width * 1.5 + 3).toFixed(1)}`;
  if (sign === 'zero') return '1 3';
  return undefined;
}

export interface EdgeStyle {
  width: number;
  sign: Sign;
  dash: string | undefined;
}

/** Everything a weight's stroke needs: width by |w|, sign class, dash pattern. */
export const edgeStyle = (w: number, width: (w: number) => number): EdgeStyle => {
  const sign = signOf(w);
  const px = width(w);
  return { width: px, sign, dash: dashFor(sign, px) };
};

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

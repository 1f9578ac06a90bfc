// Comparing and measuring the pixels of a chart's drawn points (x, y pairs), for the canvas that draws them.

/** Whether two lists of pixels hold the same numbers. */
export function samePixels(
  a: readonly (Float64Array | null)[],
  b: readonly (Float64Array | null)[],
): boolean {
  if (a.length !== b.length) return false;
  for (let n = 0; n < a.length; n++) {
    const p = a[n];
    const q = b[n];
    if (p === q) continue;
    if (!p || !q || p.length !== q.length) return false;
    for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return false;
  }
  return true;
}

/** Whether the first `points` points (x, y pairs) of two pixel lists are the same. */
export function samePrefix(a: Float64Array, b: Float64Array, points: number): boolean {
  if (a.length < 2 * points || b.length < 2 * points) return false;
  for (let k = 0; k < 2 * points; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The length of the polyline through the first `points` points of a pixel list. */
export function polylineLength(px: Float64Array, points: number): number {
  let length = 0;
  for (let k = 2; k < 2 * points; k += 2) length += Math.hypot(px[k] - px[k - 2], px[k + 1] - px[k - 1]);
  return length;
}

import { useCallback } from 'react';
import { formatPlain } from '../formulas';
import { useLessonStore } from '../store';

/** Formats a number for display with the chosen significant digits (the formula layer's one formatter). */
export function useFormatNumber(): (x: number) => string {
  const digits = useLessonStore((s) => s.digits);
  return useCallback((x: number) => formatPlain(x, digits), [digits]);
}

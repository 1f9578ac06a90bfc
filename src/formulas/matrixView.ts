import type { ValueId } from '../steps';
import { formatNumber } from './format';
import { matrix } from './tex';

/** Entries of a matrix view: their value ids, and which of them to box (the current step's). */
export interface MatrixPanel {
  /** TeX name, e.g. `W^{2}`. */
  name: string;
  tex: string;
}

const MAX_ROWS = 10;
const MAX_COLS = 8;

/**
 * TeX of one matrix (or column vector) of values by id: entries not yet computed show as a dot, entries of
 * the current step are boxed (so the highlight does not rely on colour), and large matrices are cut with ⋮ / ⋯.
 */
export function matrixTex(
  ids: ValueId[][],
  values: Record<ValueId, number>,
  shown: Record<ValueId, number>,
  current: ReadonlySet<ValueId>,
  digits: number,
): string {
  const rows = ids.length > MAX_ROWS ? [...ids.slice(0, MAX_ROWS - 1), null, ids[ids.length - 1]] : ids;
  const cut = (row: ValueId[]) =>
    row.length > MAX_COLS ? [...row.slice(0, MAX_COLS - 1), null, row[row.length - 1]] : row;
  const cells = rows.map((row) =>
    row === null
      ? cut(ids[0]).map((id) => (id === null ? '\\ddots' : '\\vdots'))
      : cut(row).map((id) => {
          if (id === null) return '\\cdots';
          if (!(id in shown)) return '\\cdot';
          const v = formatNumber(values[id], digits);
          return current.has(id) ? `\\boxed{${v}}` : v;
        }),
  );
  return matrix(cells);
}

import { valueKind, vid, weightGrid, type Step, type ValueId } from '../steps';
import type { FormulaContext } from './context';
import type { Notation } from './notation';
import { equation, list, matrix, partial, renewed } from './tex';

/** Symbols of the written quantities shown whole in a layer step's result (loss terms e_j are left out). */
const RESULT_SYMBOLS: Record<string, (n: Notation, l: number) => string> = {
  z: (n, l) => n.Z(l),
  a: (n, l) => n.A(l),
  dA: (n, l) => partial(n.E, n.A(l)),
  fp: (n, l) => n.Fp(l),
  d: (n, l) => n.Delta(l),
  E: (n) => n.E,
  dW: (n, l) => partial(n.E, n.W(l)),
  db: (n, l) => partial(n.E, n.B(l)),
  'w+': (n, l) => renewed(n.W(l)),
  'b+': (n, l) => renewed(n.B(l)),
};

/** A layer step's result: each written vector or matrix as a bmatrix (matrices shaped as displayed). */
export function layerResult(c: FormulaContext, step: Step): string {
  const groups = new Map<string, ValueId[]>();
  for (const id of step.writes) {
    const kind = valueKind(id);
    if (RESULT_SYMBOLS[kind]) groups.set(kind, [...(groups.get(kind) ?? []), id]);
  }
  const l = step.layer;
  const vector = (ids: ValueId[]) =>
    c.shape.vectors === 'column' ? ids.map((id) => [c.shown(id)]) : [ids.map((id) => c.shown(id))];
  return list(
    [...groups].map(([kind, ids]) => {
      const symbol = RESULT_SYMBOLS[kind](c.n, l);
      if (kind === 'E') return equation(symbol, c.shown(ids[0]));
      const rows =
        kind === 'dW' || kind === 'w+'
          ? weightGrid(c.shape, l, (j, k) => (kind === 'dW' ? vid.dW(l, j, k) : vid.wNew(l, j, k))).map(
              (row) => row.map((id) => c.shown(id)),
            )
          : vector(ids);
      return equation(symbol, matrix(rows));
    }),
  );
}

// The one loss history as the Train view's charts read it: each record's x, η's changes, and columns grown in place.
// Pure.

/**
 * Where each record of the loss history sits on the Train view's epoch axis: an epoch at its number, the step
 * view's iterations handed to the run after epoch e spread evenly between e and e + 1 (each is one update, not
 * an epoch).
 */
export function epochXs(records: readonly { epoch: number; iteration?: true }[]): number[] {
  const xs = new Array<number>(records.length);
  for (let i = 0; i < records.length;) {
    if (!records[i].iteration) {
      xs[i] = records[i].epoch;
      i++;
      continue;
    }
    let j = i;
    while (j < records.length && records[j].iteration && records[j].epoch === records[i].epoch) j++;
    for (let k = i; k < j; k++) xs[k] = records[i].epoch + (k - i + 1) / (j - i + 1);
    i = j;
  }
  return xs;
}

/**
 * Where η changed, from the history's records (each keeps the η it ended with): the x of the last record before
 * each change (the change took effect after it) and the new value.
 */
export function rateChanges(
  records: readonly { learningRate?: number }[],
  xs: ArrayLike<number>,
): { x: number; eta: number }[] {
  const out: { x: number; eta: number }[] = [];
  for (let i = 1; i < records.length; i++) {
    const a = records[i - 1].learningRate;
    const b = records[i].learningRate;
    if (a !== undefined && b !== undefined && a !== b) out.push({ x: xs[i - 1], eta: b });
  }
  return out;
}

/** The loss history as columns for the charts: x on the epoch axis and the four figures (NaN where none). */
export interface HistoryColumns {
  /** The records the first `n` entries of each column hold. */
  records: readonly HistoryRecordLike[];
  n: number;
  xs: Float64Array;
  trainLoss: Float64Array;
  validationLoss: Float64Array;
  trainAccuracy: Float64Array;
  validationAccuracy: Float64Array;
  /** Indices of the records whose η differs from the one before (a new array only when one is added). */
  rateChanges: readonly number[];
}

interface HistoryRecordLike {
  learningRate?: number;
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss?: number;
  validationAccuracy?: number;
  iteration?: true;
}

/**
 * The history's columns, built on `prev` when the records only grew since (the usual case while training: only
 * the new records are read, into arrays grown by doubling), else anew. Entries past `n` belong to no record.
 */
export function historyColumns(
  records: readonly HistoryRecordLike[],
  prev: HistoryColumns | null,
): HistoryColumns {
  const n = records.length;
  const grew =
    prev !== null &&
    n >= prev.n &&
    (prev.n === 0 || records[prev.n - 1] === prev.records[prev.n - 1]) &&
    !(prev.n > 0 && records[prev.n - 1].iteration);
  const from = grew ? prev.n : 0;
  let cols: HistoryColumns;
  if (grew && prev.xs.length >= n) cols = { ...prev, records, n };
  else {
    const capacity = Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
    const grow = (a: Float64Array | undefined) => {
      const b = new Float64Array(capacity);
      if (a && grew) b.set(a.subarray(0, prev.n));
      return b;
    };
    cols = {
      records,
      n,
      xs: grow(prev?.xs),
      trainLoss: grow(prev?.trainLoss),
      validationLoss: grow(prev?.validationLoss),
      trainAccuracy: grow(prev?.trainAccuracy),
      validationAccuracy: grow(prev?.validationAccuracy),
      rateChanges: grew ? prev.rateChanges : [],
    };
  }
  const added: number[] = [];
  for (let i = Math.max(1, from); i < n; i++) {
    const a = records[i - 1].learningRate;
    const b = records[i].learningRate;
    if (a !== undefined && b !== undefined && a !== b) added.push(i);
  }
  if (added.length > 0) cols.rateChanges = cols.rateChanges.concat(added);
  let spread = false;
  for (let i = from; i < n; i++) {
    const h = records[i];
    if (h.iteration) spread = true;
    cols.xs[i] = h.epoch;
    cols.trainLoss[i] = h.trainLoss;
    cols.validationLoss[i] = h.validationLoss ?? NaN;
    cols.trainAccuracy[i] = h.trainAccuracy;
    cols.validationAccuracy[i] = h.validationAccuracy ?? NaN;
  }
  // iterations between epochs: their x depends on how many share the gap
  if (spread) {
    cols.xs.set(epochXs(records));
    // the marks' x may have moved with them
    cols.rateChanges = [...cols.rateChanges];
  }
  return cols;
}

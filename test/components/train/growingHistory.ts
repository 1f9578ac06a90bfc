import type { LineSeries } from '../../../src/components/train/LineChart';

/**
 * A loss history growing as the Train view grows its columns: views over the start of one buffer of `size`
 * values per series, decimated incrementally (training loss 1/epoch + 0.1 sin, validation 2/epoch, dashed).
 * `series(n)` is its first n epochs.
 */
export function growingHistory(size: number) {
  const train = new Float64Array(size);
  const validation = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    train[i] = 1 / (i + 1) + 0.1 * Math.sin(i);
    validation[i] = 2 / (i + 1);
  }
  const memos = [{}, {}];
  const series = (n: number): LineSeries[] => [
    { key: 'train', label: 'Training loss', values: train.subarray(0, n), growing: memos[0] },
    {
      key: 'validation',
      label: 'Validation loss',
      values: validation.subarray(0, n),
      growing: memos[1],
      dashed: true,
    },
  ];
  return { train, validation, series };
}

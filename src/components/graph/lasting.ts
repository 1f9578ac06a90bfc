/**
 * A one-entry memo outside React: the value for the same inputs (compared by identity) as last time. A large
 * net's drawing is rendered in the background (useDeferredDrawing); when React discards such a render (an
 * urgent update came meanwhile) and renders again, its useMemo values are gone with it, while these are kept,
 * so the pieces already computed (a 10 × 64 net's layout, its table of views) are not computed again.
 */
export class Lasting<T> {
  private inputs: readonly unknown[] | null = null;
  private value: T | undefined;

  get(inputs: readonly unknown[], make: () => T): T {
    const last = this.inputs;
    if (last && last.length === inputs.length && last.every((x, i) => Object.is(x, inputs[i])))
      return this.value as T;
    this.value = make();
    this.inputs = inputs;
    return this.value;
  }
}

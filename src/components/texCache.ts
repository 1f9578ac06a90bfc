/**
 * A least-recently-used map bounded by count and by size: entries beyond `maxEntries`, or beyond `maxSize` in
 * all (the size of each entry as `sizeOf` gives it), go, the least recently used first. The entry just set is
 * always kept, whatever its size. Tex keeps its rendered formulas in one (a cap by count alone let a few
 * hundred large formulas hold hundreds of megabytes).
 */
export class SizedCache<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxSize: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  /** The value for `key`, made the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }

  /** Sets `key` (as the most recently used), dropping the least recently used beyond the bounds. */
  set(key: string, value: V): V {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.total -= this.sizeOf(key, old);
    }
    const size = this.sizeOf(key, value);
    for (const [k, v] of this.entries) {
      if (this.entries.size < this.maxEntries && this.total + size <= this.maxSize) break;
      this.entries.delete(k);
      this.total -= this.sizeOf(k, v);
    }
    this.entries.set(key, value);
    this.total += size;
    return value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Entries held, and their size in all. */
  get usage(): { entries: number; size: number } {
    return { entries: this.entries.size, size: this.total };
  }

  /** Keys, least recently used first. */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}

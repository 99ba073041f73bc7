/**
 * The one cache policy of the analysis: a bounded map that forgets the least recently used
 * entry once full. Every long-lived cache (compiled configurations, alias tables, glob
 * matchers, anchors of linked files, analyses of open documents) is one of these, keyed by
 * what the value was computed from (content and configuration), and cleared by its owner when
 * the configuration changes.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError(`a cache holds at least one entry, not ${maxSize}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    // A miss costs one look-up; `has` only tells an absent key from a stored undefined.
    if (value === undefined && !this.entries.has(key)) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value as V);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxSize) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  /** The cached value, or the computed one (then cached). */
  getOrCreate(key: K, create: () => V): V {
    if (this.entries.has(key)) return this.get(key) as V;
    const value = create();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  /** Every entry, least recently used first, without making any of them more recent. */
  items(): IterableIterator<[K, V]> {
    return this.entries.entries();
  }
}

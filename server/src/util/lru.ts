/**
 * The one cache policy of the analysis: a bounded map that forgets the least recently used
 * entry once full. Every long-lived cache (compiled configurations, alias tables, glob
 * matchers, anchors of linked files, analyses of open documents) is one of these, keyed by
 * what the value was computed from (content and configuration), and cleared by its owner when
 * the configuration changes.
 *
 * The order of use is a doubly linked list beside the map, so a hit costs one look-up and a
 * few pointer moves. (Re-inserting the key to move it to the end of a Map costs two more
 * look-ups, each comparing the key in full: a long sentence text is compared three times per
 * hit, and the caches of the statement layer are asked thousands of times per document.) It
 * also keeps the key as it was first stored: callers store a detached copy of a substring, and
 * re-inserting on every hit would replace it with the caller's substring, which keeps its whole
 * document alive.
 */
interface Node<K, V> {
  readonly key: K;
  value: V;
  older: Node<K, V> | undefined;
  newer: Node<K, V> | undefined;
}

export class LruCache<K, V> {
  private readonly nodes = new Map<K, Node<K, V>>();
  private oldest: Node<K, V> | undefined;
  private newest: Node<K, V> | undefined;

  constructor(readonly maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError(`a cache holds at least one entry, not ${maxSize}`);
  }

  get size(): number {
    return this.nodes.size;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const node = this.nodes.get(key);
    if (!node) return undefined;
    this.makeNewest(node);
    return node.value;
  }

  has(key: K): boolean {
    return this.nodes.has(key);
  }

  set(key: K, value: V): this {
    const node = this.nodes.get(key);
    if (node) {
      node.value = value;
      this.makeNewest(node);
      return this;
    }
    const added: Node<K, V> = { key, value, older: undefined, newer: undefined };
    this.nodes.set(key, added);
    this.append(added);
    if (this.nodes.size > this.maxSize && this.oldest) this.remove(this.oldest);
    return this;
  }

  /** The cached value, or the computed one (then cached). */
  getOrCreate(key: K, create: () => V): V {
    const node = this.nodes.get(key);
    if (node) {
      this.makeNewest(node);
      return node.value;
    }
    const value = create();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    const node = this.nodes.get(key);
    if (!node) return false;
    this.remove(node);
    return true;
  }

  clear(): void {
    this.nodes.clear();
    this.oldest = undefined;
    this.newest = undefined;
  }

  keys(): IterableIterator<K> {
    return this.snapshot().map((node) => node.key)[Symbol.iterator]();
  }

  /**
   * Every entry, least recently used first, without making any of them more recent. The list is
   * taken when asked, so the caller may delete entries while it goes through them.
   */
  items(): IterableIterator<[K, V]> {
    return this.snapshot().map((node): [K, V] => [node.key, node.value])[Symbol.iterator]();
  }

  private snapshot(): Array<Node<K, V>> {
    const nodes: Array<Node<K, V>> = [];
    for (let node = this.oldest; node; node = node.newer) nodes.push(node);
    return nodes;
  }

  private makeNewest(node: Node<K, V>): void {
    if (node === this.newest) return;
    this.unlink(node);
    this.append(node);
  }

  private remove(node: Node<K, V>): void {
    this.nodes.delete(node.key);
    this.unlink(node);
  }

  private append(node: Node<K, V>): void {
    node.older = this.newest;
    node.newer = undefined;
    if (this.newest) this.newest.newer = node;
    else this.oldest = node;
    this.newest = node;
  }

  private unlink(node: Node<K, V>): void {
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = undefined;
    node.newer = undefined;
  }
}

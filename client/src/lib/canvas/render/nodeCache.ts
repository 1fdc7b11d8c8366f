// Nodes that left the screen, kept detached for a while: panning back to where one just was
// reattaches its cards instead of building them again (building a card means laying out its
// text, the costly part). Least recently used first out, destroyed beyond the capacity.

export interface Destroyable {
  destroy(): unknown;
}

export class NodeCache<K, N extends Destroyable> {
  /** Map order is insertion order: the first entry is the one detached longest ago. */
  readonly #nodes = new Map<K, N>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#nodes.size;
  }

  /** Takes the node kept for `key` out of the cache, if there is one. */
  take(key: K): N | undefined {
    const node = this.#nodes.get(key);
    if (node) this.#nodes.delete(key);
    return node;
  }

  /** Keeps a detached node; the oldest ones beyond the capacity are destroyed. */
  put(key: K, node: N): void {
    const old = this.#nodes.get(key);
    if (old && old !== node) old.destroy();
    this.#nodes.delete(key);
    this.#nodes.set(key, node);
    for (const [oldest, stale] of this.#nodes) {
      if (this.#nodes.size <= this.#capacity) break;
      this.#nodes.delete(oldest);
      stale.destroy();
    }
  }

  /** Destroys the node kept for `key` (its item is gone). */
  drop(key: K): void {
    this.#nodes.get(key)?.destroy();
    this.#nodes.delete(key);
  }

  clear(): void {
    for (const node of this.#nodes.values()) node.destroy();
    this.#nodes.clear();
  }
}

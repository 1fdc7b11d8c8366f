// Konva nodes only for what is in view: the renderer says which keys (items, links) its window
// holds, and this keeps exactly those on the stage. Nodes leaving the window are detached and
// kept in a cache (coming back costs nothing); nodes entering it are built nearest-first, a
// few per frame within a time budget, so that no frame stalls however many enter at once.
import type Konva from 'konva';
import { NodeCache } from './nodeCache.js';

/** How to build and update the nodes of one sort of thing (cards, links). */
export interface NodeFactory<K, N extends Konva.Node> {
  /** A new node for `key`, not yet on a layer; undefined when it cannot be drawn (gone). */
  create(key: K): N | undefined;
  /**
   * Brings the node up to date and onto its layer (it may be detached, or on another layer);
   * false when the key can no longer be drawn, and the node is then destroyed.
   */
  update(key: K, node: N): boolean;
  /** A node that must stay on the stage whatever the window, e.g. one being dragged. */
  pinned(key: K, node: N): boolean;
  /** Told when a node leaves the stage for the cache, e.g. to free what it holds meanwhile. */
  detached?(key: K, node: N): void;
}

export class VirtualNodes<K, N extends Konva.Node> {
  /** The nodes on the stage now. */
  readonly attached = new Map<K, N>();
  readonly #factory: NodeFactory<K, N>;
  readonly #cache: NodeCache<K, N>;
  /** Keys to build, farthest first, so that the nearest is popped off the end. */
  #pending: K[] = [];

  constructor(factory: NodeFactory<K, N>, cacheCapacity: number) {
    this.#factory = factory;
    this.#cache = new NodeCache(cacheCapacity);
  }

  /** Keys in the window without a node yet (the overview draws them meanwhile). */
  get pending(): readonly K[] {
    return this.#pending;
  }

  /**
   * Makes `wanted` the keys to show: detaches the others (unless pinned) and queues the
   * missing ones, those with the smallest `distance` first. Answers whether anything left.
   */
  want(wanted: ReadonlySet<K>, distance: (key: K) => number): boolean {
    let left = false;
    for (const [key, node] of this.attached) {
      if (wanted.has(key) || this.#factory.pinned(key, node)) continue;
      node.remove();
      this.attached.delete(key);
      this.#factory.detached?.(key, node);
      this.#cache.put(key, node);
      left = true;
    }
    const missing: { key: K; d: number }[] = [];
    for (const key of wanted) if (!this.attached.has(key)) missing.push({ key, d: distance(key) });
    missing.sort((a, b) => b.d - a.d);
    this.#pending = missing.map((entry) => entry.key);
    return left;
  }

  /** Builds (or takes from the cache) queued nodes until `deadline`; answers how many. */
  build(deadline: number, now: () => number): number {
    let built = 0;
    while (this.#pending.length > 0) {
      // At least one node per call, so that even a slow frame makes progress.
      if (built > 0 && now() >= deadline) break;
      const key = this.#pending.pop() as K;
      if (this.attached.has(key)) continue;
      const node = this.#cache.take(key) ?? this.#factory.create(key);
      if (!node) continue;
      if (this.#factory.update(key, node)) {
        this.attached.set(key, node);
        built += 1;
      } else node.destroy();
    }
    return built;
  }

  /**
   * After a change to `key`: updates its node if it is on the stage. A node in the cache is
   * brought up to date when it comes back (build calls `update`), so it costs nothing now.
   */
  refresh(key: K): void {
    const node = this.attached.get(key);
    if (!node || this.#factory.update(key, node)) return;
    node.destroy();
    this.attached.delete(key);
  }

  /** Forgets a key that is gone for good (its item or link was deleted). */
  forget(key: K): void {
    this.attached.get(key)?.destroy();
    this.attached.delete(key);
    this.#cache.drop(key);
    this.#pending = this.#pending.filter((other) => other !== key);
  }

  /** Takes every node off the stage (kept in the cache) and drops the queue. */
  detachAll(): void {
    this.want(new Set(), () => 0);
  }

  destroy(): void {
    for (const node of this.attached.values()) node.destroy();
    this.attached.clear();
    this.#cache.clear();
    this.#pending = [];
  }
}

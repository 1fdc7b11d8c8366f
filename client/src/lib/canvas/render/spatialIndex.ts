// Where things are on the board, for asking "what lies in this rectangle?" in O(log n + k)
// instead of walking every item: the renderer asks it for what the viewport shows, the
// overview draws what it answers. An R-tree (rbush) keyed by id, updated one entry at a time
// from the mirror's change reports, or rebuilt in bulk when most of the board changed at once
// (the first sync of a large board).
import RBush from 'rbush';
import type { Rect } from '../viewport.js';

export interface IndexEntry<K> {
  readonly key: K;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

function entryOf<K>(key: K, rect: Rect): IndexEntry<K> {
  // A zero-sized rect still occupies its point, so that a vertical link is found.
  return { key, minX: rect.x, minY: rect.y, maxX: rect.x + Math.max(rect.w, 0), maxY: rect.y + Math.max(rect.h, 0) };
}

function isBox(value: unknown): value is { minX: number; minY: number; maxX: number; maxY: number } {
  if (typeof value !== 'object' || value === null) return false;
  const box = value as Record<string, unknown>;
  return [box.minX, box.minY, box.maxX, box.maxY].every((n) => typeof n === 'number' && Number.isFinite(n));
}

export class SpatialIndex<K> {
  readonly #tree = new RBush<IndexEntry<K>>();
  /** The tree removes by reference, so every key's current entry is kept. */
  readonly #entries = new Map<K, IndexEntry<K>>();

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Adds `key` at `rect`, or moves it there. */
  set(key: K, rect: Rect): void {
    const old = this.#entries.get(key);
    if (old && old.minX === rect.x && old.minY === rect.y && old.maxX === rect.x + rect.w && old.maxY === rect.y + rect.h) return;
    if (old) this.#tree.remove(old);
    const entry = entryOf(key, rect);
    this.#entries.set(key, entry);
    this.#tree.insert(entry);
  }

  delete(key: K): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#tree.remove(old);
    this.#entries.delete(key);
  }

  /** Replaces everything at once: a bulk load builds a better tree, several times faster. */
  reset(entries: Iterable<readonly [K, Rect]>): void {
    this.#tree.clear();
    this.#entries.clear();
    const all: IndexEntry<K>[] = [];
    for (const [key, rect] of entries) {
      const entry = entryOf(key, rect);
      this.#entries.set(key, entry);
      all.push(entry);
    }
    this.#tree.load(all);
  }

  /** The entries whose rect overlaps (or touches) `area`. */
  search(area: Rect): IndexEntry<K>[] {
    return this.#tree.search({ minX: area.x, minY: area.y, maxX: area.x + area.w, maxY: area.y + area.h });
  }

  /** The keys whose rect overlaps (or touches) `area`. */
  keysIn(area: Rect): K[] {
    return this.search(area).map((entry) => entry.key);
  }

  /** The rect that holds every entry; undefined when empty. */
  bounds(): Rect | undefined {
    if (this.#entries.size === 0) return undefined;
    // The root node's box is the union of all entries (rbush keeps it current).
    const root: unknown = this.#tree.toJSON();
    if (!isBox(root)) return undefined;
    return { x: root.minX, y: root.minY, w: root.maxX - root.minX, h: root.maxY - root.minY };
  }
}

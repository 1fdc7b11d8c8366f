// The spatial indexes of one board: items by their box, links by the box around both of their
// cards (which holds the arrow, its head and its label wherever the arrow is drawn between
// them). Kept current from the mirror's change reports; a report touching much of the board
// (the first sync) rebuilds both in bulk, which is several times faster than one by one.
import type { ItemId, ItemView, LinkId, LinkView } from '@interlink/model';
import type { Rect } from '../viewport.js';
import { SpatialIndex } from './spatialIndex.js';

/** The part of the BoardMirror the indexes read. */
export interface IndexSource {
  readonly items: ReadonlyMap<ItemId, ItemView>;
  readonly links: ReadonlyMap<LinkId, LinkView>;
  linkEnds(link: LinkView): readonly [ItemView, ItemView] | undefined;
}

export interface IndexChange {
  readonly items: ReadonlySet<ItemId>;
  readonly links: ReadonlySet<LinkId>;
}

/** Canvas units around a link's box, for the arrowhead and the label above its middle. */
const LINK_PAD = 24;
/** A report this large (or a quarter of the board) is applied by rebuilding. */
const BULK_CHANGES = 500;

export function linkBox(from: Rect, to: Rect): Rect {
  const left = Math.min(from.x, to.x) - LINK_PAD;
  const top = Math.min(from.y, to.y) - LINK_PAD;
  const right = Math.max(from.x + from.w, to.x + to.w) + LINK_PAD;
  const bottom = Math.max(from.y + from.h, to.y + to.h) + LINK_PAD;
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/**
 * Whether the line between the centres of `from` and `to` passes through `area` (grown by the
 * pad for arrowheads and labels). A long link's box covers much of the board; its line crosses
 * far less of it, so this keeps the arrows that merely span a window from being built there.
 */
export function linkCrosses(area: Rect, from: Rect, to: Rect): boolean {
  const left = area.x - LINK_PAD;
  const top = area.y - LINK_PAD;
  const right = area.x + area.w + LINK_PAD;
  const bottom = area.y + area.h + LINK_PAD;
  const x1 = from.x + from.w / 2;
  const y1 = from.y + from.h / 2;
  const dx = to.x + to.w / 2 - x1;
  const dy = to.y + to.h / 2 - y1;
  // Liang-Barsky: clip the segment's parameter range [0, 1] against each edge.
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, x1 - left],
    [dx, right - x1],
    [-dy, y1 - top],
    [dy, bottom - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

export class BoardIndex {
  readonly items = new SpatialIndex<ItemId>();
  /** Only links with both ends on the board: the others are not drawn. */
  readonly links = new SpatialIndex<LinkId>();
  readonly #source: IndexSource;

  constructor(source: IndexSource) {
    this.#source = source;
    this.rebuild();
  }

  rebuild(): void {
    this.items.reset(this.#source.items);
    const links: [LinkId, Rect][] = [];
    for (const [id, link] of this.#source.links) {
      const ends = this.#source.linkEnds(link);
      if (ends) links.push([id, linkBox(ends[0], ends[1])]);
    }
    this.links.reset(links);
  }

  /** The links whose line passes through `area` (candidates from the index, then the exact test). */
  linksCrossing(area: Rect): LinkId[] {
    const crossing: LinkId[] = [];
    for (const entry of this.links.search(area)) {
      const link = this.#source.links.get(entry.key);
      const ends = link && this.#source.linkEnds(link);
      if (ends && linkCrosses(area, ends[0], ends[1])) crossing.push(entry.key);
    }
    return crossing;
  }

  /** Brings the indexes up to date with a change report (the mirror already holds the change). */
  apply(change: IndexChange): void {
    const size = change.items.size + change.links.size;
    if (size >= BULK_CHANGES && size * 4 >= this.items.size + this.links.size) {
      this.rebuild();
      return;
    }
    for (const id of change.items) {
      const item = this.#source.items.get(id);
      if (item) this.items.set(id, item);
      else this.items.delete(id);
    }
    for (const id of change.links) {
      const link = this.#source.links.get(id);
      const ends = link && this.#source.linkEnds(link);
      if (ends) this.links.set(id, linkBox(ends[0], ends[1]));
      else this.links.delete(id);
    }
  }
}

// Boxes on the canvas, for the commands that lay items out (frames, align, distribute, paste).
// A peer may have written a negative width or height; the box is then normalised so that
// `left <= right` and `top <= bottom`, and layout works on what the renderer actually covers.
import type * as Y from 'yjs';
import { boardMaps } from './document.js';
import type { ItemId } from './ids.js';
import type { Problem } from './problems.js';
import { readItem } from './read.js';

/** Where an item is and how big it is, as the tolerant reader reads it. */
export interface ItemGeometry {
  readonly id: ItemId;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Anything with items that have a geometry: a BoardView, or the cheaper `readGeometry`. */
export interface BoardGeometry {
  readonly items: ReadonlyMap<ItemId, ItemGeometry>;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Delta {
  readonly dx: number;
  readonly dy: number;
}

export function itemBox(item: Pick<ItemGeometry, 'x' | 'y' | 'w' | 'h'>): Box {
  return {
    left: Math.min(item.x, item.x + item.w),
    top: Math.min(item.y, item.y + item.h),
    right: Math.max(item.x, item.x + item.w),
    bottom: Math.max(item.y, item.y + item.h),
  };
}

/** Whether `inner` lies entirely inside `outer`; touching edges count as inside. */
export function boxContains(outer: Box, inner: Box): boolean {
  return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
}

/** The smallest box around all the given boxes; undefined for none. */
export function boundsOf(boxes: Iterable<Box>): Box | undefined {
  let bounds: Box | undefined;
  for (const box of boxes) {
    bounds = bounds
      ? {
          left: Math.min(bounds.left, box.left),
          top: Math.min(bounds.top, box.top),
          right: Math.max(bounds.right, box.right),
          bottom: Math.max(bounds.bottom, box.bottom),
        }
      : box;
  }
  return bounds;
}

export const isFiniteDelta = (delta: Delta): boolean => Number.isFinite(delta.dx) && Number.isFinite(delta.dy);

/** The geometry of one item as the tolerant reader reads it; undefined if there is no readable item. */
export function readItemGeometry(doc: Y.Doc, id: ItemId): ItemGeometry | undefined {
  const items = boardMaps(doc).items;
  if (!items.has(id)) return undefined;
  const ignored: Problem[] = [];
  const item = readItem(id, items.get(id), ignored);
  return item && { id: item.id, kind: item.kind, x: item.x, y: item.y, w: item.w, h: item.h };
}

/**
 * The geometry of every readable item, with the same fallbacks as readBoard (a missing or broken
 * `x` reads as 0, a missing `w` as the default width, so that what moves is what is drawn), but
 * without reading the links or validating the board.
 */
export function readGeometry(doc: Y.Doc): BoardGeometry {
  const items = new Map<ItemId, ItemGeometry>();
  for (const id of boardMaps(doc).items.keys()) {
    const item = readItemGeometry(doc, id as ItemId);
    if (item) items.set(item.id, item);
  }
  return { items };
}

/** The geometry of the given items that exist, each once, in the order given. */
export function readGeometryOf(doc: Y.Doc, ids: Iterable<ItemId>): ItemGeometry[] {
  const seen = new Set<ItemId>();
  const found: ItemGeometry[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const item = readItemGeometry(doc, id);
    if (item) found.push(item);
  }
  return found;
}

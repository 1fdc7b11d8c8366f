// Commands that arrange items: duplicate, align, distribute, resize, colour. Each runs in one
// transaction with the caller's origin (one gesture, one undo step) and writes only the fields
// that change, so that an item already in place is not written again: a concurrent move of it
// by someone else then stands instead of being overwritten with the old position.
import * as Y from 'yjs';
import { boardMaps, getItemMap } from './document.js';
import {
  boundsOf,
  isFiniteDelta,
  itemBox,
  readGeometryOf,
  readItemGeometry,
  type Box,
  type Delta,
  type ItemGeometry,
} from './geometry.js';
import { newItemId, newLinkId, type ItemId } from './ids.js';

/** A card or frame smaller than this cannot be read or grabbed on the canvas. */
export const MIN_ITEM_SIZE = { w: 40, h: 24 } as const;

export const ALIGN_EDGES = ['left', 'right', 'top', 'bottom', 'centerX', 'centerY'] as const;
export type AlignEdge = (typeof ALIGN_EDGES)[number];

export const DISTRIBUTE_AXES = ['x', 'y'] as const;
export type DistributeAxis = (typeof DISTRIBUTE_AXES)[number];

/**
 * A copy of one stored value that can be inserted elsewhere: a shared type is deep-copied (a
 * Y.Text keeps its formatting, a nested Y.Map its own nested types), since a Yjs type can live
 * in one place only. A sub-document is referenced again by its guid, as Yjs asks. Plain values
 * are immutable in Yjs and are inserted as they are.
 */
function copyValue(value: unknown): unknown {
  if (value instanceof Y.Doc) {
    return new Y.Doc({ guid: value.guid, collectionid: value.collectionid, gc: value.gc, meta: value.meta, autoLoad: value.autoLoad, shouldLoad: value.shouldLoad });
  }
  if (value instanceof Y.AbstractType) return value.clone();
  return value;
}

/** A new, not yet inserted map with a copy of every field of `source`, known or not. */
function copyMap(source: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of source.entries()) copy.set(key, copyValue(value));
  return copy;
}

/**
 * Copies items, shifted by `offset`, with new ids and `createdAt` now, and the links whose both
 * ends are copied; answers which copy each original became. Everything else is copied as it is,
 * fields and kinds of a newer client included, and `author` too: the copy stays on the same
 * board, before the same people, and its text is still its author's.
 * To duplicate a frame with its contents, pass `dragSet(view, ids)`.
 */
export function duplicateItems(doc: Y.Doc, ids: readonly ItemId[], offset: Delta, origin: unknown = null): Map<ItemId, ItemId> {
  const copies = new Map<ItemId, ItemId>();
  if (!isFiniteDelta(offset)) return copies;
  const createdAt = Date.now();
  doc.transact(() => {
    const { items, links } = boardMaps(doc);
    for (const id of ids) {
      const source = getItemMap(doc, id);
      const geometry = readItemGeometry(doc, id);
      if (!source || !geometry || copies.has(id)) continue;
      const copy = copyMap(source);
      copy.set('x', geometry.x + offset.dx);
      copy.set('y', geometry.y + offset.dy);
      copy.set('createdAt', createdAt);
      const copyId = newItemId();
      items.set(copyId, copy);
      copies.set(id, copyId);
    }
    // Collected first: adding to a Y.Map while iterating it would visit the new links too.
    const copiedLinks: Y.Map<unknown>[] = [];
    for (const link of links.values()) {
      if (!(link instanceof Y.Map)) continue;
      const from = copies.get(link.get('from') as ItemId);
      const to = copies.get(link.get('to') as ItemId);
      if (!from || !to) continue;
      const copy = copyMap(link);
      copy.set('from', from);
      copy.set('to', to);
      copiedLinks.push(copy);
    }
    for (const copy of copiedLinks) links.set(newLinkId(), copy);
  }, origin);
  return copies;
}

/** Shifts an item by a delta, writing only the coordinates that change. */
function shift(doc: Y.Doc, item: ItemGeometry, dx: number, dy: number): void {
  const map = getItemMap(doc, item.id);
  if (!map) return;
  if (dx !== 0) map.set('x', item.x + dx);
  if (dy !== 0) map.set('y', item.y + dy);
}

function edgeOf(box: Box, edge: AlignEdge): number {
  switch (edge) {
    case 'left': return box.left;
    case 'right': return box.right;
    case 'top': return box.top;
    case 'bottom': return box.bottom;
    case 'centerX': return (box.left + box.right) / 2;
    case 'centerY': return (box.top + box.bottom) / 2;
  }
}

const isHorizontal = (edge: AlignEdge): boolean => edge === 'left' || edge === 'right' || edge === 'centerX';

/**
 * Lines items up on one edge, or on one centre line, of the box around them all (as drawing
 * tools do: "align left" moves every item to the leftmost left edge). Fewer than two existing
 * items have nothing to align with: no transaction at all.
 */
export function alignItems(doc: Y.Doc, ids: readonly ItemId[], edge: AlignEdge, origin: unknown = null): void {
  const items = readGeometryOf(doc, ids);
  const bounds = boundsOf(items.map(itemBox));
  if (items.length < 2 || !bounds) return;
  const target = edgeOf(bounds, edge);
  doc.transact(() => {
    for (const item of items) {
      const offset = target - edgeOf(itemBox(item), edge);
      if (isHorizontal(edge)) shift(doc, item, offset, 0);
      else shift(doc, item, 0, offset);
    }
  }, origin);
}

interface Span {
  readonly item: ItemGeometry;
  readonly start: number;
  readonly size: number;
}

const spanOf = (item: ItemGeometry, axis: DistributeAxis): Span => {
  const box = itemBox(item);
  return axis === 'x'
    ? { item, start: box.left, size: box.right - box.left }
    : { item, start: box.top, size: box.bottom - box.top };
};

/** The new start of each span: equal gaps between first and last, or equal centre steps if they overlap. */
function distributedStarts(spans: readonly Span[]): number[] {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return [];
  const inner = spans.slice(1, -1);
  const free = last.start - (first.start + first.size) - inner.reduce((sum, span) => sum + span.size, 0);
  const gap = free / (spans.length - 1);
  if (gap >= 0) {
    let cursor = first.start + first.size + gap;
    return spans.map((span, index) => {
      if (index === 0 || index === spans.length - 1) return span.start;
      const start = cursor;
      cursor += span.size + gap;
      return start;
    });
  }
  // The items are wider than the room between the outer two: equal gaps would overlap them in
  // a pile, so their centres are spaced evenly instead.
  const firstCentre = first.start + first.size / 2;
  const step = (last.start + last.size / 2 - firstCentre) / (spans.length - 1);
  return spans.map((span, index) => firstCentre + step * index - span.size / 2);
}

/**
 * Spaces items evenly along an axis: the first and the last (by centre) stay, the others are
 * placed between them with equal gaps. Fewer than three existing items have nothing in between:
 * no transaction at all. Ties are broken by id, so that every replica orders the same way.
 */
export function distributeItems(doc: Y.Doc, ids: readonly ItemId[], axis: DistributeAxis, origin: unknown = null): void {
  const spans = readGeometryOf(doc, ids)
    .map((item) => spanOf(item, axis))
    .sort((a, b) => a.start + a.size / 2 - (b.start + b.size / 2) || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  if (spans.length < 3) return;
  const starts = distributedStarts(spans);
  doc.transact(() => {
    spans.forEach((span, index) => {
      const offset = (starts[index] ?? span.start) - span.start;
      if (axis === 'x') shift(doc, span.item, offset, 0);
      else shift(doc, span.item, 0, offset);
    });
  }, origin);
}

export interface ItemResize {
  readonly w: number;
  readonly h: number;
  /** Given only when the left edge moves (a left handle): see resizeItem. */
  readonly x?: number;
  /** Given only when the top edge moves (a top handle). */
  readonly y?: number;
}

/**
 * Resizes one item, to at least MIN_ITEM_SIZE. When `x` is given (a resize from a left handle)
 * and the width is raised to the minimum, the right edge stays where the gesture left it rather
 * than the card growing out to the right under the pointer; the same for `y` and the bottom.
 * Answers false, changing nothing, for a missing item or a size or position that is not finite.
 */
export function resizeItem(doc: Y.Doc, id: ItemId, size: ItemResize, origin: unknown = null): boolean {
  const map = getItemMap(doc, id);
  const values = [size.w, size.h, size.x ?? 0, size.y ?? 0];
  if (!map || !values.every(Number.isFinite)) return false;
  const w = Math.max(size.w, MIN_ITEM_SIZE.w);
  const h = Math.max(size.h, MIN_ITEM_SIZE.h);
  doc.transact(() => {
    setIfChanged(map, 'w', w);
    setIfChanged(map, 'h', h);
    if (size.x !== undefined) setIfChanged(map, 'x', size.x + size.w - w);
    if (size.y !== undefined) setIfChanged(map, 'y', size.y + size.h - h);
  }, origin);
  return true;
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (map.get(key) !== value) map.set(key, value);
}

/** Sets the colour of items, or removes it (`null`: the kind's own colour), in one transaction. */
export function setItemsColor(doc: Y.Doc, ids: readonly ItemId[], color: string | null, origin: unknown = null): void {
  doc.transact(() => {
    for (const id of new Set(ids)) {
      const map = getItemMap(doc, id);
      if (!map) continue;
      if (color === null) {
        if (map.has('color')) map.delete('color');
      } else {
        setIfChanged(map, 'color', color);
      }
    }
  }, origin);
}

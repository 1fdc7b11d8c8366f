// Which cards the accessible outline lists, and in which order: reading order (top to bottom,
// then left to right), so that a screen reader walks the board the way eyes would.
import type { ItemView } from '@interlink/model';
import { intersects, type Rect } from '../canvas/viewport.js';

/** Cards whose top edges are closer than this are read as one row, left to right. */
const ROW_TOLERANCE = 24;

export function readingOrder(a: ItemView, b: ItemView): number {
  if (Math.abs(a.y - b.y) > ROW_TOLERANCE) return a.y - b.y;
  return a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The items to list: those overlapping `area` (or all when `area` is undefined), in reading order. */
export function outlineItems(items: Iterable<ItemView>, area: Rect | undefined): ItemView[] {
  const shown: ItemView[] = [];
  for (const item of items) if (!area || intersects(area, item)) shown.push(item);
  return shown.sort(readingOrder);
}

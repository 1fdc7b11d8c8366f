// The marquee (Shift + drag on the board): the rectangle between where the drag started and
// where the pointer is, and the items it selects. Cards are selected when the rectangle touches
// them; a frame only when it lies wholly inside, since frames are large areas and a marquee
// drawn inside one (to pick some of its cards) would otherwise always pick the frame too.
import { boxContains, itemBox, type Box, type ItemGeometry, type ItemId } from '@interlink/model';
import type { Point, Rect } from '../viewport.js';

/** Touching edges count: a marquee drawn up to a card's border picks it. */
const overlaps = (a: Box, b: Box): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
}

/** The ids of the items the marquee selects, in the order the items are given. */
export function idsInMarquee(items: Iterable<ItemGeometry>, rect: Rect): ItemId[] {
  if (rect.w === 0 && rect.h === 0) return [];
  const area = { left: rect.x, top: rect.y, right: rect.x + rect.w, bottom: rect.y + rect.h };
  const ids: ItemId[] = [];
  for (const item of items) {
    const box = itemBox(item);
    if (item.kind === 'frame' ? boxContains(area, box) : overlaps(area, box)) ids.push(item.id);
  }
  return ids;
}

// Shapes shared by the layered part and the grid.
import type { ItemView } from '@interlink/model';

/** A card's box in a part of the layout, relative to that part's top-left corner. */
export interface Placed {
  readonly id: ItemView['id'];
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A card's own size, but never below one unit: a peer may have written a zero or negative size. */
export function sizeOf(item: ItemView): { w: number; h: number } {
  return { w: Math.max(1, item.w), h: Math.max(1, item.h) };
}

// The geometry of resizing a card by one of its handles, free of Konva: where each handle sits,
// the rect a drag of it makes, and the one model command that ends the gesture.
import { MIN_ITEM_SIZE, type ItemResize } from '@interlink/model';
import type { Point, Rect } from '../viewport.js';

/** A handle moves the edges it names: -1 the left (top) edge, 1 the right (bottom), 0 neither. */
export interface HandleSpec {
  readonly name: HandleName;
  readonly dx: -1 | 0 | 1;
  readonly dy: -1 | 0 | 1;
  /** The CSS cursor that says which way it drags. */
  readonly cursor: string;
}

export const HANDLE_NAMES = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as const;
export type HandleName = (typeof HANDLE_NAMES)[number];

export const HANDLES: { readonly [N in HandleName]: HandleSpec } = {
  nw: { name: 'nw', dx: -1, dy: -1, cursor: 'nwse-resize' },
  n: { name: 'n', dx: 0, dy: -1, cursor: 'ns-resize' },
  ne: { name: 'ne', dx: 1, dy: -1, cursor: 'nesw-resize' },
  e: { name: 'e', dx: 1, dy: 0, cursor: 'ew-resize' },
  se: { name: 'se', dx: 1, dy: 1, cursor: 'nwse-resize' },
  s: { name: 's', dx: 0, dy: 1, cursor: 'ns-resize' },
  sw: { name: 'sw', dx: -1, dy: 1, cursor: 'nesw-resize' },
  w: { name: 'w', dx: -1, dy: 0, cursor: 'ew-resize' },
};

/** Where a handle sits on a rect: its corner, or the middle of its edge. */
export function handlePoint(rect: Rect, handle: HandleSpec): Point {
  return { x: rect.x + (rect.w * (handle.dx + 1)) / 2, y: rect.y + (rect.h * (handle.dy + 1)) / 2 };
}

/**
 * The rect after dragging `handle` by `delta` (canvas units) from `start`: the named edges follow
 * the pointer, the opposite ones stay, and the size never goes under MIN_ITEM_SIZE (a left or top
 * edge then stops instead of pushing the card away).
 */
export function resizedRect(start: Rect, handle: HandleSpec, delta: Point): Rect {
  const w = Math.max(MIN_ITEM_SIZE.w, handle.dx === 0 ? start.w : start.w + handle.dx * delta.x);
  const h = Math.max(MIN_ITEM_SIZE.h, handle.dy === 0 ? start.h : start.h + handle.dy * delta.y);
  return {
    x: handle.dx === -1 ? start.x + start.w - w : start.x,
    y: handle.dy === -1 ? start.y + start.h - h : start.y,
    w,
    h,
  };
}

/** The resizeItem command for a gesture that ended at `rect`; x and y only when those edges moved. */
export function resizeCommand(rect: Rect, handle: HandleSpec): ItemResize {
  return {
    w: rect.w,
    h: rect.h,
    ...(handle.dx === -1 ? { x: rect.x } : {}),
    ...(handle.dy === -1 ? { y: rect.y } : {}),
  };
}

/**
 * The handles a card shows: not the middle of the right edge, where the link handle sits (a drag
 * from there draws an arrow); the other edge middles only when the card is big enough on screen.
 */
export function visibleHandles(screenW: number, screenH: number, minForEdges: number): HandleSpec[] {
  return HANDLE_NAMES.filter((name) => name !== 'e').map((name) => HANDLES[name]).filter(
    (handle) => (handle.dx !== 0 || screenW >= minForEdges) && (handle.dy !== 0 || screenH >= minForEdges),
  );
}

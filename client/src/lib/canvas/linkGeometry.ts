// Where an arrow between two cards starts and ends: on the border of each card, along the
// line between their centres, so that arrowheads are visible instead of hidden under cards.
import type { Point, Rect } from './viewport.js';

export function centre(rect: Rect): Point {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

/** The point where the ray from `rect`'s centre towards `target` leaves the rect. */
export function borderPoint(rect: Rect, target: Point): Point {
  const c = centre(rect);
  const dx = target.x - c.x;
  const dy = target.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : rect.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : rect.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** The arrow's [x1, y1, x2, y2] from border to border (centre to centre when cards overlap). */
export function arrowPoints(from: Rect, to: Rect): [number, number, number, number] {
  const start = borderPoint(from, centre(to));
  const end = borderPoint(to, centre(from));
  return [start.x, start.y, end.x, end.y];
}

/** The bounding box of a segment, for culling. */
export function segmentBounds(points: readonly [number, number, number, number]): Rect {
  const [x1, y1, x2, y2] = points;
  return { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1) || 1, h: Math.abs(y2 - y1) || 1 };
}

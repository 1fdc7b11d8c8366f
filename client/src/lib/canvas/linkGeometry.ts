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

/** The middle of a segment: where the arrow's label sits and the link editor opens. */
export function segmentMidpoint(points: readonly [number, number, number, number]): Point {
  const [x1, y1, x2, y2] = points;
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}

/**
 * How far `p` lies from the segment, in the segment's units. Links are hit-tested with this in
 * plain code rather than by a Konva hit graph: a listening layer would redraw a hit canvas of
 * every arrow on each change, which thousands of links make slow.
 */
export function distanceToSegment(p: Point, points: readonly [number, number, number, number]): number {
  const [x1, y1, x2, y2] = points;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - x1) * dx + (p.y - y1) * dy) / lengthSquared));
  return Math.hypot(p.x - (x1 + t * dx), p.y - (y1 + t * dy));
}

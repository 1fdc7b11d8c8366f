// Where things go on the exported map, as pure functions. The arrow geometry is the canvas's
// (client/src/lib/canvas/linkGeometry.ts), written again here because packages never import the
// client: an arrow leaves its card's border on the line between the two centres, so that its
// head is visible instead of hidden under the card it points at.
import { boundsOf, itemBox, type Box, type ItemView } from '@interlink/model';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A box as the renderer draws it: normalised (a negative width is drawn to the left). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Segment = readonly [number, number, number, number];

export function rectOf(item: Pick<ItemView, 'x' | 'y' | 'w' | 'h'>): Rect {
  const box = itemBox(item);
  return { x: box.left, y: box.top, w: box.right - box.left, h: box.bottom - box.top };
}

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

/** The arrow from border to border (centre to centre when the cards overlap). */
export function arrowPoints(from: Rect, to: Rect): Segment {
  const a = centre(from);
  const b = centre(to);
  const start = borderPoint(from, b);
  const end = borderPoint(to, a);
  // When each card holds the other's centre, the border points cross over and the arrow would
  // point backwards (client/src/lib/canvas/linkGeometry.ts does): draw it centre to centre.
  const forwards = (end.x - start.x) * (b.x - a.x) + (end.y - start.y) * (b.y - a.y) > 0;
  return forwards ? [start.x, start.y, end.x, end.y] : [a.x, a.y, b.x, b.y];
}

/** Arrowhead size, as the canvas's (pointerLength 10, pointerWidth 9). */
export const ARROW_HEAD = { length: 10, width: 9 } as const;

/** The line of an arrow stops where its head begins: the head's tip ends on the card's border. */
export function arrowShaft(points: Segment): Segment {
  const [x1, y1, x2, y2] = points;
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return points;
  const back = Math.min(ARROW_HEAD.length, length) / length;
  return [x1, y1, x2 - (x2 - x1) * back, y2 - (y2 - y1) * back];
}

/** The head's three corners: its tip on the segment's end, its base across the shaft's end. */
export function arrowHeadPolygon(points: Segment): readonly [Point, Point, Point] {
  const [x1, y1, x2, y2] = points;
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const baseX = x2 - ux * ARROW_HEAD.length;
  const baseY = y2 - uy * ARROW_HEAD.length;
  const half = ARROW_HEAD.width / 2;
  return [
    { x: x2, y: y2 },
    { x: baseX - uy * half, y: baseY + ux * half },
    { x: baseX + uy * half, y: baseY - ux * half },
  ];
}

export function segmentMidpoint(points: Segment): Point {
  const [x1, y1, x2, y2] = points;
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}

export function boxOfRect(rect: Rect): Box {
  return { left: rect.x, top: rect.y, right: rect.x + rect.w, bottom: rect.y + rect.h };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function growBox(box: Box, by: number): Box {
  return { left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by };
}

/**
 * Whether the segment passes through the box (Liang-Barsky clipping). A long arrow across the
 * board crosses a few of a PDF's tiles, while its bounding box would cover most of them.
 */
export function segmentTouchesBox(points: Segment, box: Box): boolean {
  const [x1, y1, x2, y2] = points;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, x1 - box.left],
    [dx, box.right - x1],
    [-dy, y1 - box.top],
    [dy, box.bottom - y1],
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

/** The box around every item of the view: the whole map, whatever part of it anyone looks at. */
export function mapBounds(items: Iterable<Pick<ItemView, 'x' | 'y' | 'w' | 'h'>>): Box | undefined {
  const boxes: Box[] = [];
  for (const item of items) boxes.push(itemBox(item));
  return boundsOf(boxes);
}

// Two-finger pinch on a touch screen: the board point first under the middle of the two fingers
// stays under their middle, and the zoom follows the distance between them, so the board moves
// with the fingers as if stuck to them (zoom and pan at once).
import { clampScale, toCanvas, type Point, type View } from '../canvas/viewport.js';

export interface PinchStart {
  readonly view: View;
  readonly a: Point;
  readonly b: Point;
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Fingers closer than this (screen pixels) are one touch as far as zoom goes. */
const MIN_SPREAD = 8;

/** The view for fingers now at `a` and `b`, having started as `start` describes. */
export function pinchView(start: PinchStart, a: Point, b: Point): View {
  const spread0 = Math.max(distance(start.a, start.b), MIN_SPREAD);
  const spread = Math.max(distance(a, b), MIN_SPREAD);
  const scale = clampScale(start.view.scale * (spread / spread0));
  const anchor = toCanvas(start.view, midpoint(start.a, start.b));
  const centre = midpoint(a, b);
  return { scale, x: centre.x - anchor.x * scale, y: centre.y - anchor.y * scale };
}

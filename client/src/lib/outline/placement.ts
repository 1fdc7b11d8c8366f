// Where a card added from the keyboard goes: centred in what is on screen, stepped down and to
// the right past cards already sitting exactly there, so that several cards added in a row do
// not hide one another (and each stays in view, hence in the outline's "in view" list).
import type { Point } from '../canvas/viewport.js';

/** How far each new card is offset from one already in the spot. */
export const CASCADE_STEP = 28;
const MAX_STEPS = 20;

/** The top-left corner for a card of `size` near `centre`, avoiding the corners in `taken`. */
export function placeNewCard(taken: Iterable<Point>, centre: Point, size: { w: number; h: number }): Point {
  const corners = new Set([...taken].map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
  const start = { x: Math.round(centre.x - size.w / 2), y: Math.round(centre.y - size.h / 2) };
  for (let step = 0; step < MAX_STEPS; step++) {
    const candidate = { x: start.x + step * CASCADE_STEP, y: start.y + step * CASCADE_STEP };
    if (!corners.has(`${candidate.x},${candidate.y}`)) return candidate;
  }
  return start;
}

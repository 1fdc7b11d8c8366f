// Which part of the board the renderer keeps as Konva nodes: what the screen shows plus a
// margin, so that a pan of a few frames reveals cards already built. The window is chosen
// again only when the screen leaves it or the zoom makes it far larger than needed, not every
// frame: a pan of 60 px a frame then asks the spatial index every few frames.
import { inflate, type Rect } from '../viewport.js';

/** Screen pixels kept beyond each edge of the screen. */
export const MARGIN_PX = 160;
/** Zooming in this much since the window was chosen makes it hold too many unseen nodes. */
const ZOOM_IN_FACTOR = 1.6;

export interface ViewWindow {
  /** Canvas units: the area whose items have nodes. */
  readonly area: Rect;
  /** The zoom it was chosen at. */
  readonly scale: number;
}

export function windowFor(visible: Rect, scale: number): ViewWindow {
  return { area: inflate(visible, MARGIN_PX / scale), scale };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** Whether the screen now needs a new window (none yet, out of it, or zoomed in far since). */
export function needsNewWindow(current: ViewWindow | undefined, visible: Rect, scale: number): boolean {
  if (!current) return true;
  return !contains(current.area, visible) || scale > current.scale * ZOOM_IN_FACTOR;
}

/** Squared distance from a rect's centre to a point: builds what is nearest the middle first. */
export function distanceSq(rect: Rect, x: number, y: number): number {
  const dx = rect.x + rect.w / 2 - x;
  const dy = rect.y + rect.h / 2 - y;
  return dx * dx + dy * dy;
}

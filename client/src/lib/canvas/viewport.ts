// Viewport math, free of Konva and the DOM so that it is unit-tested. A view maps canvas
// units to screen pixels: screen = canvas * scale + offset.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/**
 * 2%: zoom to fit must show a whole large board (a 28,800 x 13,440 workshop board needs 3% on a
 * laptop's canvas); zoomed that far out cards are drawn as blocks (canvas/render/levelOfDetail).
 */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;
/**
 * A view unchanged for this long has come to rest: what is costly to follow at 60 frames a
 * second (hit graphs, the outline's list of cards in view) catches up then.
 */
export const VIEW_SETTLE_MS = 150;
export const IDENTITY_VIEW: View = { x: 0, y: 0, scale: 1 };

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function toCanvas(view: View, screen: Point): Point {
  return { x: (screen.x - view.x) / view.scale, y: (screen.y - view.y) / view.scale };
}

export function toScreen(view: View, canvas: Point): Point {
  return { x: canvas.x * view.scale + view.x, y: canvas.y * view.scale + view.y };
}

export function rectToScreen(view: View, rect: Rect): Rect {
  const { x, y } = toScreen(view, rect);
  return { x, y, w: rect.w * view.scale, h: rect.h * view.scale };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Scales by `factor` keeping the canvas point under `screen` where it is (zoom at the pointer). */
export function zoomAt(view: View, screen: Point, factor: number): View {
  const scale = clampScale(view.scale * factor);
  const anchor = toCanvas(view, screen);
  return { scale, x: screen.x - anchor.x * scale, y: screen.y - anchor.y * scale };
}

/** The canvas area a screen of `width` x `height` pixels shows. */
export function visibleRect(view: View, width: number, height: number): Rect {
  const topLeft = toCanvas(view, { x: 0, y: 0 });
  return { x: topLeft.x, y: topLeft.y, w: width / view.scale, h: height / view.scale };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function inflate(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, w: rect.w + 2 * margin, h: rect.h + 2 * margin };
}

/** A view that shows `rect`'s centre in the middle of a `width` x `height` screen at `scale`. */
export function centreOn(rect: Rect, width: number, height: number, scale: number): View {
  const cx = rect.x + rect.w / 2;
  const cy = rect.y + rect.h / 2;
  return { scale, x: width / 2 - cx * scale, y: height / 2 - cy * scale };
}

/** The smallest rect holding every given rect; undefined for none. */
export function boundingBox(rects: Iterable<Rect>): Rect | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.w);
    bottom = Math.max(bottom, r.y + r.h);
  }
  return left === Infinity ? undefined : { x: left, y: top, w: right - left, h: bottom - top };
}

export interface FitOptions {
  /** Screen pixels kept free around the rect (less on a tiny screen). */
  readonly margin?: number;
  /**
   * The closest it zooms in: showing one small card at 400% would read as a jump, not as
   * "here it is", so by default a fit never magnifies beyond 100%.
   */
  readonly maxScale?: number;
}

/**
 * A view that shows all of `rect` centred on a `width` x `height` screen, as large as fits within
 * the margin, but no closer than `maxScale` and within the zoom limits (below MIN_SCALE a huge
 * rect is centred, not fully shown).
 */
export function fitView(rect: Rect, width: number, height: number, options: FitOptions = {}): View {
  const margin = Math.min(options.margin ?? 48, width / 8, height / 8);
  const fits = Math.min((width - 2 * margin) / Math.max(rect.w, 1), (height - 2 * margin) / Math.max(rect.h, 1));
  const scale = clampScale(Math.min(fits, options.maxScale ?? 1));
  return centreOn(rect, width, height, scale);
}

export interface WheelLike {
  readonly deltaX: number;
  readonly deltaY: number;
  readonly deltaMode: number;
  readonly shiftKey: boolean;
}

const LINE_HEIGHT_PX = 16;

/** Wheel deltas in pixels whatever the device reports (pixels, lines or pages). */
export function wheelPixels(event: WheelLike, pageHeight: number): Point {
  const unit = event.deltaMode === 1 ? LINE_HEIGHT_PX : event.deltaMode === 2 ? pageHeight : 1;
  let dx = event.deltaX * unit;
  let dy = event.deltaY * unit;
  // A mouse wheel with Shift scrolls sideways on every platform, not just where the OS maps it.
  if (event.shiftKey && dx === 0) [dx, dy] = [dy, 0];
  return { x: dx, y: dy };
}

/**
 * Past this many pixels in one event the wheel is not a gesture but a glitch (or a page-sized
 * step): one event never zooms by more than e^1.5, about 4.5 times.
 */
const MAX_WHEEL_ZOOM_PX = 1500;

/**
 * Zoom factor for a wheel step: smooth for trackpads, about 10% per mouse-wheel notch (100 px).
 * The whole delta counts: when the browser coalesces several notches into one event (it does
 * whenever the page is busy), the zoom is what the notches add up to, not one notch's worth.
 */
export function wheelZoomFactor(deltaPixelsY: number): number {
  const clamped = Math.max(-MAX_WHEEL_ZOOM_PX, Math.min(MAX_WHEEL_ZOOM_PX, deltaPixelsY));
  return Math.exp(-clamped * 0.001);
}

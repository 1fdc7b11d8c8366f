// The whole board as one picture, for the farthest zoom levels. There every card is a dot and
// all 10,000 of them are on screen: painting them one by one costs tens of milliseconds a
// frame, copying a picture of them painted once costs one. The picture is painted at a fixed
// resolution (a card a few pixels wide) and used whenever the screen shows the board at that
// resolution or coarser; it is repainted when the board changes, at most a few times a second
// (in between, frames paint live, so nothing stale is ever shown).
import type { Rect } from '../viewport.js';

/** Canvas units to cache pixels, at most: a 200 x 120 card is a 10 x 6 dot. */
export const CACHE_MAX_SCALE = 0.05;
/** The picture is at most this many pixels wide or high. */
const CACHE_MAX_PX = 2048;
/** Repaints of the picture start at least this far apart. */
const REPAINT_INTERVAL_MS = 300;

/** How finely to paint the cache for a board of this extent. */
export function cacheScaleFor(bounds: Rect): number {
  return Math.min(CACHE_MAX_SCALE, CACHE_MAX_PX / Math.max(bounds.w, 1), CACHE_MAX_PX / Math.max(bounds.h, 1));
}

/** Whether a picture at `cacheScale` is fine enough for the screen at `viewScale` (device pixels). */
export function cacheServes(viewScale: number, pixelRatio: number, cacheScale: number): boolean {
  return viewScale * pixelRatio <= cacheScale;
}

type Paint = (ctx: CanvasRenderingContext2D, scale: number) => void;

export class OverviewCache {
  #canvas: HTMLCanvasElement | undefined;
  #bounds: Rect | undefined;
  #stale = true;
  #paintedAt = -Infinity;

  /** The board (or the selection shown on it) changed: the picture must be painted again. */
  invalidate(): void {
    this.#stale = true;
  }

  /**
   * Draws the board from the picture onto `ctx` (in canvas units) if the picture serves this
   * zoom, painting it first when needed and allowed now; false when the caller must paint live.
   */
  draw(ctx: CanvasRenderingContext2D, viewScale: number, pixelRatio: number, bounds: Rect | undefined, paint: Paint, now: number): boolean {
    if (!bounds) return false;
    const scale = cacheScaleFor(bounds);
    if (!cacheServes(viewScale, pixelRatio, scale)) return false;
    const moved = !this.#bounds || this.#bounds.x !== bounds.x || this.#bounds.y !== bounds.y || this.#bounds.w !== bounds.w || this.#bounds.h !== bounds.h;
    if (this.#stale || moved || !this.#canvas) {
      if (now - this.#paintedAt < REPAINT_INTERVAL_MS) return false;
      this.#repaint(bounds, scale, paint, now);
    }
    if (!this.#canvas) return false;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(this.#canvas, bounds.x, bounds.y, this.#canvas.width / scale, this.#canvas.height / scale);
    return true;
  }

  #repaint(bounds: Rect, scale: number, paint: Paint, now: number): void {
    const canvas = this.#canvas ?? document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(bounds.w * scale));
    canvas.height = Math.max(1, Math.ceil(bounds.h * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(scale, 0, 0, scale, -bounds.x * scale, -bounds.y * scale);
    paint(ctx, scale);
    this.#canvas = canvas;
    this.#bounds = bounds;
    this.#stale = false;
    this.#paintedAt = now;
  }
}

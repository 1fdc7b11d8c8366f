// When the renderer's layers are drawn: at most once per animation frame, however many view
// changes and board changes arrived in between. While the view moves (a wheel pan or zoom)
// only the pictures are redrawn; the hit graphs (Konva's hidden canvases for pointer hit tests)
// are redrawn once the view has been still for a moment, or at once when a press needs them.
import Konva from 'konva';
import { VIEW_SETTLE_MS } from '../viewport.js';

/**
 * Runs `change` with Konva's automatic redraws off: every attribute Konva is told to change
 * would otherwise queue a redraw of its own (scene and hit graph) on top of ours.
 */
export function quietly<T>(change: () => T): T {
  const previous = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    return change();
  } finally {
    Konva.autoDrawEnabled = previous;
  }
}

export class DrawScheduler {
  readonly #onFrame: () => void;
  #frame = 0;
  #later: ReturnType<typeof setTimeout> | undefined;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #hitStale = new Set<Konva.Layer>();

  /** `onFrame` runs in the animation frame after a request. */
  constructor(onFrame: () => void) {
    this.#onFrame = onFrame;
  }

  /** A frame in `ms` (e.g. once the zoom has rested), unless one is requested sooner. */
  requestIn(ms: number): void {
    if (this.#later !== undefined) clearTimeout(this.#later);
    this.#later = setTimeout(() => {
      this.#later = undefined;
      this.request();
    }, ms);
  }

  request(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#onFrame();
    });
  }

  /**
   * Draws each visible layer now. `moving`: the view is changing, so hit graphs wait until it
   * settles. `konvaDraws`: Konva is dragging the stage and draws the layers itself this frame,
   * so ours only joins its queued draw instead of drawing a second time.
   */
  draw(layers: readonly Konva.Layer[], moving: boolean, konvaDraws: boolean): void {
    for (const layer of layers) {
      if (!layer.isVisible()) continue;
      if (konvaDraws) layer.batchDraw();
      else if (moving && layer.isListening()) {
        layer.drawScene();
        this.#hitStale.add(layer);
      } else {
        layer.draw();
        this.#hitStale.delete(layer);
      }
    }
    if (this.#hitStale.size === 0) return;
    if (this.#settleTimer !== undefined) clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      this.flushHit();
    }, VIEW_SETTLE_MS);
  }

  /** Redraws the hit graphs left stale by a gesture, e.g. before a press is hit-tested. */
  flushHit(): void {
    for (const layer of this.#hitStale) if (layer.isVisible()) layer.drawHit();
    this.#hitStale.clear();
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.#later !== undefined) clearTimeout(this.#later);
    if (this.#settleTimer !== undefined) clearTimeout(this.#settleTimer);
    this.#hitStale.clear();
  }
}

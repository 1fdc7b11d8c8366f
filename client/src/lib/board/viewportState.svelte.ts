// The view of the board (pan and zoom) and the size of the screen area, as runes: the canvas
// applies it, the outline lists what it shows, overlays position themselves with it.
import {
  IDENTITY_VIEW,
  centreOn,
  fitView,
  visibleRect,
  zoomAt,
  type Rect,
  type View,
} from '../canvas/viewport.js';

/** Zoom buttons step by this factor. */
const ZOOM_STEP = 1.25;

export class ViewportState {
  view = $state.raw<View>(IDENTITY_VIEW);
  width = $state(0);
  height = $state(0);
  readonly visible: Rect = $derived(visibleRect(this.view, this.width, this.height));
  readonly percent: number = $derived(Math.round(this.view.scale * 100));

  setSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  zoomIn(): void {
    this.view = zoomAt(this.view, this.#centre(), ZOOM_STEP);
  }

  zoomOut(): void {
    this.view = zoomAt(this.view, this.#centre(), 1 / ZOOM_STEP);
  }

  reset(): void {
    this.view = IDENTITY_VIEW;
  }

  /** Brings a rect into the middle of the screen at the current zoom. */
  reveal(rect: Rect): void {
    this.view = centreOn(rect, this.width, this.height, this.view.scale);
  }

  /** Fits the view to `rect` (see fitView); before the screen has a size there is nothing to fit. */
  show(rect: Rect): void {
    if (this.width <= 0 || this.height <= 0) return;
    this.view = fitView(rect, this.width, this.height);
  }

  #centre() {
    return { x: this.width / 2, y: this.height / 2 };
  }
}

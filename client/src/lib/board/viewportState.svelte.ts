// The view of the board (pan and zoom) and the size of the screen area, as runes: the canvas
// applies it, the outline lists what it shows, overlays position themselves with it.
import {
  IDENTITY_VIEW,
  VIEW_SETTLE_MS,
  centreOn,
  fitView,
  clampScale,
  toCanvas,
  visibleRect,
  zoomAt,
  type Point,
  type Rect,
  type View,
} from '../canvas/viewport.js';

/** Zoom buttons step by this factor. */
const ZOOM_STEP = 1.25;

/** A view given by what is in its middle (the same place whatever the screen's size). */
export interface CentredView {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export class ViewportState {
  #view = $state.raw<View>(IDENTITY_VIEW);
  /** Set by `centreAt`, kept until this person moves the view: a resize keeps that place in the middle. */
  #anchor: CentredView | undefined;
  readonly #userMoveListeners = new Set<() => void>();
  /** The view as of when it last came to rest (see `visible`). */
  #settled = $state.raw<View>(IDENTITY_VIEW);
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  width = $state(0);
  height = $state(0);
  /**
   * The canvas area on screen once the view has come to rest: a wheel pan or a pinch sets the
   * view dozens of times a second, and what follows this area (the outline's list of cards in
   * view) rebuilds once when the gesture pauses, not at every frame of it.
   */
  readonly visible: Rect = $derived(visibleRect(this.#settled, this.width, this.height));
  readonly percent: number = $derived(Math.round(this.#view.scale * 100));

  get view(): View {
    return this.#view;
  }

  /** The canvas point in the middle of the screen, and the zoom: what others follow. */
  get centre(): CentredView {
    const middle = toCanvas(this.#view, { x: this.width / 2, y: this.height / 2 });
    return { x: middle.x, y: middle.y, zoom: this.#view.scale };
  }

  /**
   * Told whenever this person moves the view (pan, zoom, fit, showing a card), never when
   * `centreAt` does: following someone stops at the first move of one's own.
   */
  onUserMove(listener: () => void): () => void {
    this.#userMoveListeners.add(listener);
    return () => this.#userMoveListeners.delete(listener);
  }

  /**
   * Puts `centre` (canvas units) in the middle of the screen at `zoom`: following someone, or
   * the facilitator's focus. Not a move of this person's own. Before the screen has a size, and
   * after any resize until the next move, the same place is kept in the middle.
   */
  centreAt(centre: Point, zoom: number): void {
    const anchor = { x: centre.x, y: centre.y, zoom: clampScale(zoom) };
    this.#anchor = anchor;
    if (this.width > 0 && this.height > 0) this.#place(anchor);
  }

  /** Gestures set the view continuously; `visible` follows VIEW_SETTLE_MS after the last change. */
  set view(next: View) {
    this.#userMoved();
    this.#view = next;
    if (this.#settleTimer !== undefined) clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      // After a long task the timer may run before the wheel events queued meanwhile: settle
      // only if the next frame, which handles those first, leaves the view as it is.
      const view = this.#view;
      requestAnimationFrame(() => {
        if (this.#view === view && this.#settleTimer === undefined) this.#settled = view;
      });
    }, VIEW_SETTLE_MS);
  }

  /** A view chosen in one step (a button, showing cards): `visible` follows at once. */
  #jump(next: View): void {
    if (this.#settleTimer !== undefined) clearTimeout(this.#settleTimer);
    this.#settleTimer = undefined;
    this.#view = next;
    this.#settled = next;
  }

  setSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    if (this.#anchor && width > 0 && height > 0) this.#place(this.#anchor);
  }

  zoomIn(): void {
    this.#userMoved();
    this.#jump(zoomAt(this.#view, this.#centre(), ZOOM_STEP));
  }

  zoomOut(): void {
    this.#userMoved();
    this.#jump(zoomAt(this.#view, this.#centre(), 1 / ZOOM_STEP));
  }

  reset(): void {
    this.#userMoved();
    this.#jump(IDENTITY_VIEW);
  }

  /** Brings a rect into the middle of the screen at the current zoom. */
  reveal(rect: Rect): void {
    this.#userMoved();
    this.#jump(centreOn(rect, this.width, this.height, this.#view.scale));
  }

  /** Fits the view to `rect` (see fitView); before the screen has a size there is nothing to fit. */
  show(rect: Rect): void {
    if (this.width <= 0 || this.height <= 0) return;
    this.#userMoved();
    this.#jump(fitView(rect, this.width, this.height));
  }

  #place(anchor: CentredView): void {
    this.#jump(centreOn({ x: anchor.x, y: anchor.y, w: 0, h: 0 }, this.width, this.height, anchor.zoom));
  }

  #userMoved(): void {
    this.#anchor = undefined;
    for (const listener of this.#userMoveListeners) listener();
  }

  #centre() {
    return { x: this.width / 2, y: this.height / 2 };
  }
}

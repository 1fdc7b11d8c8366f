// The interaction layer, drawn above the cards: the link handle on the hovered (or the one
// selected) card, the rubber-band arrow while a link is drawn, the marquee rectangle, and the
// halo around the selected link. Only the handle listens, so the layer's hit canvas holds one
// small circle however large the board. Sizes are in screen pixels, whatever the zoom.
import Konva from 'konva';
import { HIGHLIGHT_STROKE } from '../kindStyle.js';
import type { Point, Rect } from '../viewport.js';

/** Screen pixels. */
const HANDLE_RADIUS = 7;
/** Screen pixels around the handle that still grab it, for fingers and shaky hands. */
const HANDLE_HIT = 10;
const HALO_WIDTH = 10;

export const LINK_HANDLE_NAME = 'link-handle';

export type Segment = readonly [number, number, number, number];

export class InteractionOverlay {
  readonly layer = new Konva.Layer();
  readonly handle: Konva.Circle;
  readonly #rubberBand: Konva.Arrow;
  readonly #marquee: Konva.Rect;
  readonly #halo: Konva.Line;
  #scale = 1;

  constructor(stage: Konva.Stage) {
    this.#halo = new Konva.Line({
      points: [],
      stroke: HIGHLIGHT_STROKE,
      opacity: 0.3,
      strokeWidth: HALO_WIDTH,
      strokeScaleEnabled: false,
      lineCap: 'round',
      listening: false,
      visible: false,
    });
    this.#rubberBand = new Konva.Arrow({
      points: [],
      stroke: HIGHLIGHT_STROKE,
      fill: HIGHLIGHT_STROKE,
      strokeWidth: 2,
      strokeScaleEnabled: false,
      dash: [6, 4],
      listening: false,
      visible: false,
    });
    this.#marquee = new Konva.Rect({
      stroke: HIGHLIGHT_STROKE,
      strokeWidth: 1,
      strokeScaleEnabled: false,
      fill: 'rgba(26, 86, 219, 0.08)',
      dash: [4, 3],
      listening: false,
      visible: false,
    });
    this.handle = new Konva.Circle({
      name: LINK_HANDLE_NAME,
      fill: '#ffffff',
      stroke: HIGHLIGHT_STROKE,
      strokeWidth: 2,
      strokeScaleEnabled: false,
      draggable: true,
      visible: false,
    });
    this.layer.add(this.#halo, this.#rubberBand, this.#marquee, this.handle);
    stage.add(this.layer);
    this.setScale(stage.scaleX());
  }

  /** Keeps the handle and the arrowhead the same size on screen at any zoom. */
  setScale(scale: number): void {
    this.#scale = scale > 0 ? scale : 1;
    this.handle.radius(HANDLE_RADIUS / this.#scale);
    this.handle.hitStrokeWidth((2 * HANDLE_HIT) / this.#scale);
    this.#rubberBand.pointerLength(10 / this.#scale);
    this.#rubberBand.pointerWidth(9 / this.#scale);
    this.layer.batchDraw();
  }

  showHandle(at: Point | undefined): void {
    if (this.handle.isDragging()) return;
    const moved = at !== undefined && (at.x !== this.handle.x() || at.y !== this.handle.y());
    if (this.handle.visible() === (at !== undefined) && !moved) return;
    this.handle.visible(at !== undefined);
    if (at) this.handle.position(at);
    // Drawn now, not at the next frame: the hit canvas must hold the handle before the press
    // that follows the hover, or that press would grab the card under it instead.
    this.layer.draw();
  }

  showRubberBand(points: Segment | undefined): void {
    this.#rubberBand.visible(points !== undefined);
    if (points) this.#rubberBand.points([...points]);
    this.layer.batchDraw();
  }

  showMarquee(rect: Rect | undefined): void {
    this.#marquee.visible(rect !== undefined);
    if (rect) this.#marquee.setAttrs({ x: rect.x, y: rect.y, width: rect.w, height: rect.h });
    this.layer.batchDraw();
  }

  showLinkHalo(points: Segment | undefined): void {
    this.#halo.visible(points !== undefined);
    if (points) this.#halo.points([...points]);
    this.layer.batchDraw();
  }

  destroy(): void {
    this.layer.destroy();
  }
}

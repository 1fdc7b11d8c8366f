// Resize handles on the one selected card, on a layer of their own above the cards. Dragging a
// handle previews the new size locally (the renderer draws the card at it) and sends one
// resizeItem command when the gesture ends: one undo step, and no stream of half-sizes for peers
// to merge. Handles exist only while one card is selected, so a board of any size pays nothing.
import { asItemId, type ItemId, type ItemResize, type ItemView } from '@interlink/model';
import Konva from 'konva';
import { cardItemId } from '../cardNode.js';
import { SELECTION_STROKE } from '../kindStyle.js';
import type { Point, Rect } from '../viewport.js';
import { HANDLE_NAMES, HANDLES, handlePoint, resizeCommand, resizedRect, visibleHandles, type HandleName, type HandleSpec } from './resizeMath.js';

/** Screen pixels: a handle keeps this size at any zoom. */
const HANDLE_PX = 10;
/** A card narrower (shorter) than this on screen shows no handles in the middle of its sides. */
const EDGE_HANDLES_MIN_PX = 56;

export interface ResizeHost {
  readonly stage: Konva.Stage;
  /**
   * A layer above the cards to draw the handles in, e.g. the interaction overlay's; without one
   * they get a layer of their own (Konva advises against more than five on a stage).
   */
  readonly layer?: Konva.Layer;
  item(id: ItemId): ItemView | undefined;
  /** Draw the card at `rect` instead of its stored geometry; undefined ends the preview. */
  preview(id: ItemId, rect: Rect | undefined): void;
  /** The gesture's one command. */
  commit(id: ItemId, resize: ItemResize): void;
}

interface Gesture {
  readonly id: ItemId;
  readonly handle: HandleSpec;
  readonly start: Rect;
  readonly grab: Point;
  rect: Rect;
}

export class ResizeHandles {
  readonly #host: ResizeHost;
  readonly #layer: Konva.Layer;
  /** Holds the handles, so that they show and hide together whoever owns the layer. */
  readonly #group = new Konva.Group({ visible: false });
  readonly #ownsLayer: boolean;
  readonly #handles = new Map<HandleName, Konva.Rect>();
  #target: ItemId | undefined;
  #gesture: Gesture | undefined;

  constructor(host: ResizeHost) {
    this.#host = host;
    this.#ownsLayer = host.layer === undefined;
    this.#layer = host.layer ?? new Konva.Layer();
    if (this.#ownsLayer) host.stage.add(this.#layer);
    this.#layer.add(this.#group);
    for (const name of HANDLE_NAMES) {
      const handle = this.#createHandle(HANDLES[name]);
      this.#handles.set(name, handle);
      this.#group.add(handle);
    }
    host.stage.on('dragmove.resize', this.#followCard);
  }

  /** Shows handles on this card (undefined: on none). */
  show(id: ItemId | undefined): void {
    if (this.#gesture && this.#gesture.id !== id) this.#end(false);
    this.#target = id;
    this.refresh();
  }

  /** Puts the handles where the card is now, at the size the zoom asks: after a change or a zoom. */
  refresh(rect?: Rect): void {
    const item = this.#target ? this.#host.item(this.#target) : undefined;
    const box = rect ?? this.#gesture?.rect ?? item;
    if (!box) {
      if (this.#group.visible()) {
        this.#group.visible(false);
        this.#layer.batchDraw();
      }
      return;
    }
    const scale = this.#host.stage.scaleX() || 1;
    const size = HANDLE_PX / scale;
    const shown = new Set(visibleHandles(box.w * scale, box.h * scale, EDGE_HANDLES_MIN_PX).map((h) => h.name));
    for (const [name, node] of this.#handles) {
      const point = handlePoint(box, HANDLES[name]);
      node.setAttrs({ x: point.x - size / 2, y: point.y - size / 2, width: size, height: size, visible: shown.has(name) });
    }
    this.#group.visible(true);
    this.#layer.batchDraw();
  }

  destroy(): void {
    this.#host.stage.off('dragmove.resize', this.#followCard);
    this.#end(false);
    if (this.#ownsLayer) this.#layer.destroy();
    else this.#group.destroy();
  }

  #createHandle(spec: HandleSpec): Konva.Rect {
    const node = new Konva.Rect({
      name: `resize-handle resize-${spec.name}`,
      fill: '#ffffff',
      stroke: SELECTION_STROKE,
      strokeWidth: 1.5,
      strokeScaleEnabled: false,
      draggable: true,
      perfectDrawEnabled: false,
    });
    const container = (): HTMLDivElement => this.#host.stage.container();
    node.on('mouseenter', () => (container().style.cursor = spec.cursor));
    node.on('mouseleave', () => {
      if (!this.#gesture) container().style.cursor = '';
    });
    node.on('dragstart', () => this.#begin(spec, node));
    node.on('dragmove', () => this.#move(node));
    node.on('dragend', () => {
      this.#end(true);
      container().style.cursor = '';
    });
    return node;
  }

  #begin(handle: HandleSpec, node: Konva.Rect): void {
    const item = this.#target ? this.#host.item(this.#target) : undefined;
    if (!item || !this.#target) {
      node.stopDrag();
      return;
    }
    const start = { x: item.x, y: item.y, w: item.w, h: item.h };
    this.#gesture = { id: this.#target, handle, start, grab: node.position(), rect: start };
  }

  #move(node: Konva.Rect): void {
    const gesture = this.#gesture;
    if (!gesture) return;
    const at = node.position();
    gesture.rect = resizedRect(gesture.start, gesture.handle, { x: at.x - gesture.grab.x, y: at.y - gesture.grab.y });
    this.#host.preview(gesture.id, gesture.rect);
    this.refresh(gesture.rect);
  }

  #end(commit: boolean): void {
    const gesture = this.#gesture;
    if (!gesture) return;
    this.#gesture = undefined;
    const { start, rect } = gesture;
    const changed = rect.x !== start.x || rect.y !== start.y || rect.w !== start.w || rect.h !== start.h;
    // Committed before the preview ends, so the card never flashes back to its old size.
    if (commit && changed) this.#host.commit(gesture.id, resizeCommand(rect, gesture.handle));
    this.#host.preview(gesture.id, undefined);
    this.refresh();
  }

  /** Keeps the handles on the card while it is dragged (the model hears of the move only ~30 times a second). */
  #followCard = (event: Konva.KonvaEventObject<DragEvent>): void => {
    if (!this.#target || this.#gesture) return;
    const id = cardItemId(event.target);
    const item = id === undefined ? undefined : this.#host.item(asItemId(id));
    if (id !== this.#target || !item) return;
    this.refresh({ x: event.target.x(), y: event.target.y(), w: item.w, h: item.h });
  };
}

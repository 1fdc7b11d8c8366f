// Turns pointer and wheel input on the board into view changes and model commands. It knows
// nothing about Yjs: it reports intents (create here, edit that, move this) to its owner.
import { asItemId, type ItemId, type ItemMove } from '@interlink/model';
import type Konva from 'konva';
import { throttle } from '../util/throttle.js';
import type { BoardRenderer } from './BoardRenderer.js';
import { cardItemId } from './cardNode.js';
import { panBy, toCanvas, wheelPixels, wheelZoomFactor, zoomAt, type Point, type View } from './viewport.js';

export interface GestureTarget {
  readonly editable: boolean;
  getView(): View;
  setView(view: View): void;
  /** Double-click on empty canvas, in canvas units. */
  createAt(point: Point): void;
  /** Double-click on a card. */
  edit(id: ItemId): void;
  moveItems(moves: readonly ItemMove[]): void;
  /** A click on empty canvas (not the end of a pan: Konva drops the click after a drag). */
  clearSelection(): void;
  /** The pointer over the board in canvas units; undefined when it left. */
  pointer(point: Point | undefined): void;
}

/** ~30 position updates a second while dragging: smooth for peers, light on the wire. */
const DRAG_INTERVAL_MS = 33;

/**
 * `surface` is the element holding the canvas and its overlays: pointer tracking listens
 * there so that moving over an overlay (the text editor) does not count as leaving the board.
 */
export function attachGestures(surface: HTMLElement, renderer: BoardRenderer, target: GestureTarget): () => void {
  const stage = renderer.stage;
  const screenPoint = (event: { clientX: number; clientY: number }): Point => {
    const box = stage.container().getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const onWheel = (event: WheelEvent): void => {
    // The board is the scroll container: never let the page (or browser zoom) take the wheel.
    event.preventDefault();
    const delta = wheelPixels(event, stage.height());
    const view = target.getView();
    if (event.ctrlKey || event.metaKey) target.setView(zoomAt(view, screenPoint(event), wheelZoomFactor(delta.y)));
    else target.setView(panBy(view, -delta.x, -delta.y));
  };

  const onPointerMove = (event: PointerEvent): void => {
    const box = stage.container().getBoundingClientRect();
    const p = screenPoint(event);
    const inside = p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
    target.pointer(inside ? toCanvas(target.getView(), p) : undefined);
  };
  const onPointerLeave = (): void => target.pointer(undefined);

  const onDoubleClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>): void => {
    if (!target.editable) return;
    const id = cardItemId(event.target);
    if (id !== undefined) {
      target.edit(asItemId(id));
      return;
    }
    if (event.target !== stage) return;
    const pointer = stage.getPointerPosition();
    if (pointer) target.createAt(toCanvas(target.getView(), pointer));
  };

  const onClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent | PointerEvent>): void => {
    if (event.target === stage) target.clearSelection();
  };

  // Dragging the empty background pans; the stage's own position is the view's offset.
  stage.draggable(true);
  const onStageDrag = (event: Konva.KonvaEventObject<DragEvent>): void => {
    if (event.target !== stage) return;
    target.setView({ ...target.getView(), x: stage.x(), y: stage.y() });
  };

  const sendMove = throttle((id: ItemId, x: number, y: number) => target.moveItems([{ id, x, y }]), DRAG_INTERVAL_MS);
  const onCardDrag = (event: Konva.KonvaEventObject<DragEvent>): void => {
    if (event.target === stage || !target.editable) return;
    const id = cardItemId(event.target);
    if (id === undefined) return;
    sendMove(asItemId(id), event.target.x(), event.target.y());
    if (event.type === 'dragend') sendMove.flush();
  };

  surface.addEventListener('wheel', onWheel, { passive: false });
  surface.addEventListener('pointermove', onPointerMove);
  surface.addEventListener('pointerleave', onPointerLeave);
  stage.on('dblclick dbltap', onDoubleClick);
  stage.on('click tap', onClick);
  stage.on('dragmove dragend', onStageDrag);
  stage.on('dragmove dragend', onCardDrag);

  return () => {
    sendMove.flush();
    surface.removeEventListener('wheel', onWheel);
    surface.removeEventListener('pointermove', onPointerMove);
    surface.removeEventListener('pointerleave', onPointerLeave);
    stage.off('dblclick dbltap', onDoubleClick);
    stage.off('click tap', onClick);
    stage.off('dragmove dragend', onStageDrag);
    stage.off('dragmove dragend', onCardDrag);
  };
}

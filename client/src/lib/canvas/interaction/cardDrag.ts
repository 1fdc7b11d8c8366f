// Dragging cards: the selection moves together, and frames carry what lies inside them. Which
// items move is decided once, when the drag starts (dragSet), so a frame passing over a card
// does not pick it up. Konva moves the grabbed node; the other nodes of the set are moved here
// to the same offset, and the model gets at most ~30 updates a second (each moveItemsBy by what
// changed since the last one, so a peer's concurrent move of one of them still adds up), with
// the final position always sent on drop.
import { asItemId, dragSet, type Delta, type ItemId } from '@interlink/model';
import type Konva from 'konva';
import { throttle } from '../../util/throttle.js';
import { CARD_NAME, cardItemId } from '../cardNode.js';
import type { Point } from '../viewport.js';
import { atDragStart } from './selectionRules.js';
import type { EditorTarget } from './target.js';

/** ~30 position updates a second while dragging: smooth for peers, light on the wire. */
export const DRAG_INTERVAL_MS = 33;

/** The renderer's nodes, to move the rest of the drag set with the grabbed card. */
export interface CardNodes {
  cardNode(id: ItemId): Konva.Group | undefined;
}

interface Drag {
  readonly grabbed: ItemId;
  readonly ids: readonly ItemId[];
  readonly grabbedStart: Point;
  readonly starts: ReadonlyMap<ItemId, Point>;
  sent: Delta;
  readonly release: () => void;
}

export interface CardDragHooks {
  /** A drag started or ended (the link handle hides meanwhile). */
  onDragging(dragging: boolean): void;
}

export function attachCardDrag(stage: Konva.Stage, nodes: CardNodes, target: EditorTarget, hooks: CardDragHooks): () => void {
  let drag: Drag | undefined;

  const send = throttle((delta: Delta) => {
    if (!drag) return;
    const step = { dx: delta.dx - drag.sent.dx, dy: delta.dy - drag.sent.dy };
    drag.sent = delta;
    if (step.dx !== 0 || step.dy !== 0) target.moveBy(drag.ids, step);
  }, DRAG_INTERVAL_MS);

  const isGrabbed = (node: Konva.Node): boolean => node.hasName(CARD_NAME) && cardItemId(node) === drag?.grabbed;
  const offset = (node: Konva.Node): Delta | undefined =>
    drag && { dx: node.x() - drag.grabbedStart.x, dy: node.y() - drag.grabbedStart.y };

  const onDragStart = (event: Konva.KonvaEventObject<DragEvent>): void => {
    // Only the card itself: a draggable part of a card (a resize handle) is its own gesture.
    const id = event.target.hasName(CARD_NAME) ? cardItemId(event.target) : undefined;
    if (!target.editable || id === undefined || drag) return;
    const grabbed = asItemId(id);
    const additive = event.evt?.shiftKey ?? false;
    const selection = atDragStart(target.getSelection(), grabbed, additive);
    target.select(selection);
    const ids = dragSet(target.board, [grabbed, ...[...selection].filter((other) => other !== grabbed)]);
    const starts = new Map<ItemId, Point>();
    for (const other of ids) {
      const item = target.board.items.get(other);
      if (item) starts.set(other, { x: item.x, y: item.y });
    }
    drag = { grabbed, ids, grabbedStart: { x: event.target.x(), y: event.target.y() }, starts, sent: { dx: 0, dy: 0 }, release: target.holdStep() };
    hooks.onDragging(true);
  };

  const onDragMove = (event: Konva.KonvaEventObject<DragEvent>): void => {
    if (!drag || !isGrabbed(event.target)) return;
    const delta = offset(event.target);
    if (!delta) return;
    const layers = new Set<Konva.Layer>();
    for (const [id, start] of drag.starts) {
      if (id === drag.grabbed) continue;
      const node = nodes.cardNode(id);
      if (!node) continue;
      node.position({ x: start.x + delta.dx, y: start.y + delta.dy });
      const layer = node.getLayer();
      if (layer) layers.add(layer);
    }
    for (const layer of layers) layer.batchDraw();
    send(delta);
  };

  const onDragEnd = (event: Konva.KonvaEventObject<DragEvent>): void => {
    if (!drag || !isGrabbed(event.target)) return;
    const delta = offset(event.target);
    if (delta) send(delta);
    send.flush();
    drag.release();
    drag = undefined;
    hooks.onDragging(false);
  };

  stage.on('dragstart', onDragStart);
  stage.on('dragmove', onDragMove);
  stage.on('dragend', onDragEnd);
  return () => {
    send.flush();
    drag?.release();
    drag = undefined;
    stage.off('dragstart', onDragStart);
    stage.off('dragmove', onDragMove);
    stage.off('dragend', onDragEnd);
  };
}

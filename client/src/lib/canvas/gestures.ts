// Turns pointer and wheel input on the board into view changes and editing intents. It knows
// nothing about Yjs: it reports intents (create here, edit that, select these, move those by
// so much, link this to that) to its target. The editing gestures live in ./interaction:
//   click a card: select it (Shift + click: add or remove it); click a link: select it (its
//   editor opens); click empty canvas: clear; drag a card: move the selection, frames carrying
//   their contents; drag from a card's handle: draw a link; Shift + drag on empty canvas: marquee;
//   drag on empty canvas: pan; wheel: pan (Ctrl + wheel: zoom); double-click: create or edit.
import { asItemId, type ItemId, type LinkId } from '@interlink/model';
import type Konva from 'konva';
import type { BoardRenderer } from './BoardRenderer.js';
import { cardItemId } from './cardNode.js';
import { arrowPoints } from './linkGeometry.js';
import { attachCardDrag } from './interaction/cardDrag.js';
import { linkAt } from './interaction/hitTest.js';
import { attachLinkDrag } from './interaction/linkDrag.js';
import { LinkHandle } from './interaction/linkHandle.js';
import { attachMarquee } from './interaction/marqueeGesture.js';
import { InteractionOverlay } from './interaction/overlay.js';
import { afterClick } from './interaction/selectionRules.js';
import type { EditorTarget } from './interaction/target.js';
import { forwardWithheldMouseEvents } from './interaction/withheldMouseEvents.js';
import { panBy, toCanvas, wheelPixels, wheelZoomFactor, zoomAt, type Point, type View } from './viewport.js';

export interface GestureTarget extends EditorTarget {
  setView(view: View): void;
  /** Double-click on empty canvas, in canvas units. */
  createAt(point: Point): void;
  /** Double-click on a card. */
  edit(id: ItemId): void;
  /** The pointer over the board in canvas units; undefined when it left. */
  pointer(point: Point | undefined): void;
}

/** What the board page tells the gestures after they are attached. */
export interface CanvasGestures {
  /**
   * The interaction layer above the cards, for other gestures' handles (the resize handles):
   * sharing it keeps the stage within the few layers Konva advises.
   */
  readonly layer: Konva.Layer;
  /** The selection changed (from here, the outline, a finding...): the handle and halo follow. */
  sync(selection: ReadonlySet<ItemId>, link: LinkId | undefined): void;
  detach(): void;
}

/** Screen pixels from an arrow that still count as a click on it. */
const LINK_HIT_PX = 6;

/**
 * `surface` is the element holding the canvas and its overlays: pointer tracking listens
 * there so that moving over an overlay (the text editor) does not count as leaving the board.
 */
export function attachGestures(surface: HTMLElement, renderer: BoardRenderer, target: GestureTarget): CanvasGestures {
  const stage = renderer.stage;
  const board = target.board;
  const overlay = new InteractionOverlay(stage);
  const handle = new LinkHandle(stage, overlay, target);
  let selectedLink: LinkId | undefined;

  const screenPoint = (event: { clientX: number; clientY: number }): Point => {
    const box = stage.container().getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const canvasPointer = (): Point | undefined => {
    const p = stage.getPointerPosition();
    return p ? toCanvas(target.getView(), p) : undefined;
  };
  const linkUnder = (p: Point): LinkId | undefined => linkAt(board, p, LINK_HIT_PX / target.getView().scale);

  const showHalo = (): void => {
    const link = selectedLink && board.links.get(selectedLink);
    const ends = link && board.linkEnds(link);
    overlay.showLinkHalo(ends && arrowPoints(ends[0], ends[1]));
  };
  const unsubscribe = board.subscribe((change) => {
    if (selectedLink && change.links.has(selectedLink)) showHalo();
  });

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
  const onPointerLeave = (): void => {
    target.pointer(undefined);
    handle.leave();
  };

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

  // Konva drops the click that ends a drag, so a pan or a card drag never lands here.
  const onClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent | PointerEvent>): void => {
    if (event.target === overlay.handle) return;
    const toggle = event.evt.shiftKey;
    const id = cardItemId(event.target);
    const item = id === undefined ? undefined : board.items.get(asItemId(id));
    if (item && item.kind !== 'frame') {
      target.select(afterClick(target.getSelection(), item.id, toggle));
      return;
    }
    // Links are drawn above frames: a click on an arrow crossing a frame picks the arrow.
    const p = canvasPointer();
    const link = target.editable && p ? linkUnder(p) : undefined;
    if (link) target.selectLink(link);
    else if (item) target.select(afterClick(target.getSelection(), item.id, toggle));
    else if (event.target === stage && !toggle) target.clearSelection();
  };

  // Arrows do not listen (see hitTest.ts): the pointer cursor over one is set from here.
  const onHover = (event: Konva.KonvaEventObject<MouseEvent>): void => {
    const overFrameOrEmpty = event.target === stage || board.items.get(asItemId(cardItemId(event.target) ?? ''))?.kind === 'frame';
    const p = overFrameOrEmpty && target.editable ? canvasPointer() : undefined;
    const cursor = event.target === overlay.handle ? 'crosshair' : p && linkUnder(p) ? 'pointer' : '';
    if (stage.container().style.cursor !== cursor) stage.container().style.cursor = cursor;
  };

  // Dragging the empty background pans; the stage's own position is the view's offset.
  stage.draggable(true);
  const onStageDrag = (event: Konva.KonvaEventObject<DragEvent>): void => {
    if (event.target !== stage) return;
    target.setView({ ...target.getView(), x: stage.x(), y: stage.y() });
  };
  const onScale = (): void => overlay.setScale(stage.scaleX());

  const detachCardDrag = attachCardDrag(stage, renderer, target, { onDragging: (dragging) => handle.setSuppressed(dragging) });
  const detachLinkDrag = attachLinkDrag(stage, overlay, target, {
    handleOwner: () => handle.owner,
    onDragging: (dragging) => handle.setLinking(dragging),
  });
  const detachMarquee = attachMarquee(stage, overlay, target);
  // Without it a drag released over a disabled button never ends (see the module).
  const detachWithheld = forwardWithheldMouseEvents(window);

  surface.addEventListener('wheel', onWheel, { passive: false });
  surface.addEventListener('pointermove', onPointerMove);
  surface.addEventListener('pointerleave', onPointerLeave);
  stage.on('dblclick dbltap', onDoubleClick);
  stage.on('click tap', onClick);
  stage.on('mousemove', onHover);
  stage.on('dragmove dragend', onStageDrag);
  stage.on('scaleXChange', onScale);

  return {
    layer: overlay.layer,
    sync(selection, link) {
      handle.setSelection(selection);
      if (link !== selectedLink) {
        selectedLink = link;
        showHalo();
      }
    },
    detach() {
      detachWithheld();
      detachMarquee();
      detachLinkDrag();
      detachCardDrag();
      unsubscribe();
      handle.destroy();
      overlay.destroy();
      surface.removeEventListener('wheel', onWheel);
      surface.removeEventListener('pointermove', onPointerMove);
      surface.removeEventListener('pointerleave', onPointerLeave);
      stage.off('dblclick dbltap', onDoubleClick);
      stage.off('click tap', onClick);
      stage.off('mousemove', onHover);
      stage.off('dragmove dragend', onStageDrag);
      stage.off('scaleXChange', onScale);
    },
  };
}

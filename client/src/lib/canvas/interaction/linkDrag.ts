// Drawing a link: a drag from the handle on a card's right edge. A rubber-band arrow follows
// the pointer, snapping to the border of the card under it; dropping on a card links the two
// (the kind the model suggests for their kinds), dropping anywhere else or pressing Escape
// draws nothing. Frames are not drop targets: dropping on a frame's background reads as
// dropping on empty space, which is what it looks like. Nor is a card hidden under an overlay
// on the canvas (the zoom bar, the minimap, a toolbar): the pointer is over the overlay there,
// so a drop on it is a drop on nothing, and the rubber band does not snap to the card.
import type { ItemId, ItemView } from '@interlink/model';
import type Konva from 'konva';
import { arrowPoints, borderPoint } from '../linkGeometry.js';
import { toCanvas, type Point } from '../viewport.js';
import { itemAt } from './hitTest.js';
import type { InteractionOverlay, Segment } from './overlay.js';
import type { EditorTarget } from './target.js';

function* cardsOnly(items: Iterable<ItemView>): Iterable<ItemView> {
  for (const item of items) if (item.kind !== 'frame') yield item;
}

/** The card a drop at `p` would link to, if any. */
export function dropTarget(items: Iterable<ItemView>, p: Point, source: ItemId): ItemView | undefined {
  return itemAt(cardsOnly(items), p, source);
}

/** The rubber band: to the target's border when over a card, else to the pointer. */
export function rubberBand(source: ItemView, p: Point, target: ItemView | undefined): Segment {
  if (target) return arrowPoints(source, target);
  const start = borderPoint(source, p);
  return [start.x, start.y, p.x, p.y];
}

export interface LinkDragHooks {
  /** The card whose handle is shown, i.e. the one a drag from the handle starts at. */
  handleOwner(): ItemId | undefined;
  onDragging(dragging: boolean): void;
}

export function attachLinkDrag(stage: Konva.Stage, overlay: InteractionOverlay, target: EditorTarget, hooks: LinkDragHooks): () => void {
  const handle = overlay.handle;
  /** The card whose handle was pressed; the drag's first move may leave the card before the handle follows. */
  let pressed: ItemId | undefined;
  let source: ItemId | undefined;
  let cancelled = false;

  const pointer = (): Point | undefined => {
    const screen = stage.getPointerPosition();
    return screen ? toCanvas(target.getView(), screen) : undefined;
  };
  /**
   * The pointer is over the canvas itself, not over an overlay on top of it. Asked of the page
   * rather than read from the event's target, which for touch is where the touch began.
   */
  const overCanvas = (): boolean => {
    const screen = stage.getPointerPosition();
    const container = stage.container();
    if (!screen) return false;
    const box = container.getBoundingClientRect();
    const under = container.ownerDocument.elementFromPoint(box.left + screen.x, box.top + screen.y);
    return under !== null && container.contains(under);
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || source === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    cancelled = true;
    handle.stopDrag();
  };

  // A press on the handle that never became a drag (a click on it) lets the handle move again.
  const onRelease = (): void => {
    window.removeEventListener('pointerup', onRelease);
    if (pressed !== undefined && source === undefined) hooks.onDragging(false);
    pressed = undefined;
  };

  // The owner is taken at the press: by the first move the pointer may already be off the card,
  // and the hover would then have moved the handle's owner away.
  handle.on('mousedown touchstart', () => {
    pressed = target.editable ? hooks.handleOwner() : undefined;
    if (pressed === undefined) return;
    hooks.onDragging(true);
    window.addEventListener('pointerup', onRelease);
  });

  handle.on('dragstart', () => {
    source = pressed;
    pressed = undefined;
    if (source === undefined) {
      handle.stopDrag();
      return;
    }
    cancelled = false;
    window.addEventListener('keydown', onKey, true);
  });

  handle.on('dragmove', () => {
    const from = source && target.board.items.get(source);
    const p = pointer();
    if (!from || !p || cancelled) return;
    const over = overCanvas() ? dropTarget(target.board.items.values(), p, from.id) : undefined;
    overlay.showRubberBand(rubberBand(from, p, over));
  });

  handle.on('dragend', () => {
    window.removeEventListener('keydown', onKey, true);
    const from = source;
    const p = pointer();
    source = undefined;
    overlay.showRubberBand(undefined);
    const to = from && p && !cancelled && overCanvas() ? dropTarget(target.board.items.values(), p, from) : undefined;
    hooks.onDragging(false);
    if (from && to) target.link(from, to.id);
  });

  return () => {
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('pointerup', onRelease);
    handle.off('mousedown touchstart dragstart dragmove dragend');
  };
}

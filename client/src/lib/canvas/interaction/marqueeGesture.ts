// Shift + drag on empty canvas (or on a frame's background) draws a marquee: the cards it
// touches become the selection, replacing what was selected before, so that a Delete right
// after removes exactly what the marquee showed (never a card selected earlier, maybe off
// screen). A plain drag there still pans. The gesture is taken from
// the DOM in the capture phase, before Konva sees the press: otherwise Konva would start
// panning the stage (or moving the frame) under the marquee.
import type Konva from 'konva';
import { asItemId } from '@interlink/model';
import { cardItemId } from '../cardNode.js';
import { toCanvas, type Point } from '../viewport.js';
import { idsInMarquee, rectFromPoints } from './marquee.js';
import type { InteractionOverlay } from './overlay.js';
import type { EditorTarget } from './target.js';

export function attachMarquee(stage: Konva.Stage, overlay: InteractionOverlay, target: EditorTarget): () => void {
  const container = stage.container();
  let start: Point | undefined;
  let pointerId: number | undefined;

  const screenPoint = (event: PointerEvent): Point => {
    const box = container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  /** Empty canvas or a frame's background: where a Shift + drag means a marquee. */
  const startsMarquee = (p: Point): boolean => {
    const shape = stage.getIntersection(p);
    if (!shape) return true;
    const id = cardItemId(shape);
    return id !== undefined && target.board.items.get(asItemId(id))?.kind === 'frame';
  };

  const rectTo = (event: PointerEvent) => rectFromPoints(start ?? { x: 0, y: 0 }, toCanvas(target.getView(), screenPoint(event)));

  const onMove = (event: PointerEvent): void => {
    if (start === undefined || event.pointerId !== pointerId) return;
    overlay.showMarquee(rectTo(event));
  };

  const finish = (event: PointerEvent): void => {
    if (start === undefined || event.pointerId !== pointerId) return;
    const rect = rectTo(event);
    start = undefined;
    pointerId = undefined;
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', finish);
    window.removeEventListener('pointercancel', finish);
    overlay.showMarquee(undefined);
    if (event.type === 'pointerup') {
      target.select(idsInMarquee(target.board.items.values(), rect));
    }
  };

  const onDown = (event: PointerEvent): void => {
    if (!event.shiftKey || event.button !== 0 || event.pointerType === 'touch' || start !== undefined) return;
    const p = screenPoint(event);
    if (!startsMarquee(p)) return;
    // Konva must not see this press (see the top of this file); preventDefault also stops the
    // browser's compatibility mousedown, which Konva listens to as well.
    event.stopPropagation();
    event.preventDefault();
    start = toCanvas(target.getView(), p);
    pointerId = event.pointerId;
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', finish);
    window.addEventListener('pointercancel', finish);
  };

  container.addEventListener('pointerdown', onDown, { capture: true });
  return () => {
    container.removeEventListener('pointerdown', onDown, { capture: true });
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', finish);
    window.removeEventListener('pointercancel', finish);
    overlay.showMarquee(undefined);
  };
}

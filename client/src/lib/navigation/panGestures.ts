// Ways to move around the board besides dragging empty canvas and the wheel (canvas/gestures.ts):
// hold Space and drag anywhere, even over cards; drag with the middle button; on a touch screen,
// pinch with two fingers to zoom and move at once. Presses are taken from the DOM in the capture
// phase, before Konva sees them, so that a card under the pointer is not dragged instead.
import type Konva from 'konva';
import { asElement, isInsideModal, isTextEntry } from '../keyboard/focusContext.js';
import { panBy, type Point, type View } from '../canvas/viewport.js';
import { pinchView, type PinchStart } from './pinch.js';

export interface PanTarget {
  getView(): View;
  setView(view: View): void;
}

/** Set on the surface while Space is held ("ready") and while a pan drags ("active"), for the cursor. */
export const PAN_ATTRIBUTE = 'data-pan';

/** Space on these keeps its own meaning (pressing a button, ticking a box). */
const SPACE_TAKERS = 'button, a[href], summary, select, input, textarea, [role="button"], [role="checkbox"], [role="menuitem"], [role="option"], [contenteditable="true"]';

function spaceIsFree(target: EventTarget | null): boolean {
  if (isTextEntry(target) || isInsideModal(target)) return false;
  const element = asElement(target);
  return !element || element.closest(SPACE_TAKERS) === null;
}

export function attachPanGestures(surface: HTMLElement, stage: Konva.Stage, target: PanTarget): () => void {
  let pointerInside = false;
  let spaceHeld = false;
  /** The pointer dragging the board (Space + drag or the middle button) and where it was last. */
  let pan: { id: number; last: Point } | undefined;
  const touches = new Map<number, Point>();
  let pinch: (PinchStart & { ids: readonly [number, number] }) | undefined;

  const point = (event: { clientX: number; clientY: number }): Point => {
    const box = surface.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const showMode = (): void => {
    if (pan) surface.setAttribute(PAN_ATTRIBUTE, 'active');
    else if (spaceHeld) surface.setAttribute(PAN_ATTRIBUTE, 'ready');
    else surface.removeAttribute(PAN_ATTRIBUTE);
  };
  /** A drag Konva already started (the stage, or a card under the first finger) gives way. */
  const stopKonvaDrags = (): void => {
    if (stage.isDragging()) stage.stopDrag();
    for (const node of stage.find((node: Konva.Node) => node.isDragging())) node.stopDrag();
  };
  const take = (event: Event): void => {
    event.stopPropagation();
    event.preventDefault();
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.code !== 'Space' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!pointerInside || !spaceIsFree(event.target)) return;
    // Held down, Space would otherwise scroll the page (and repeat).
    event.preventDefault();
    spaceHeld = true;
    showMode();
  };
  const onKeyUp = (event: KeyboardEvent): void => {
    if (event.code !== 'Space' || !spaceHeld) return;
    spaceHeld = false;
    showMode();
  };
  const reset = (): void => {
    spaceHeld = false;
    pan = undefined;
    pinch = undefined;
    touches.clear();
    showMode();
  };

  const onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') {
      touches.set(event.pointerId, point(event));
      if (touches.size === 2 && !pinch) {
        const [[idA, a], [idB, b]] = [...touches] as [[number, Point], [number, Point]];
        stopKonvaDrags();
        take(event);
        pinch = { view: target.getView(), a, b, ids: [idA, idB] };
      }
      return;
    }
    const middle = event.button === 1;
    if (!middle && !(event.button === 0 && spaceHeld)) return;
    take(event);
    surface.setPointerCapture(event.pointerId);
    pan = { id: event.pointerId, last: point(event) };
    showMode();
  };

  const onPointerMove = (event: PointerEvent): void => {
    // A page that loads under a still pointer gets no pointerenter: any move over the board counts.
    pointerInside = true;
    if (pan && event.pointerId === pan.id) {
      const now = point(event);
      target.setView(panBy(target.getView(), now.x - pan.last.x, now.y - pan.last.y));
      pan.last = now;
      return;
    }
    if (event.pointerType !== 'touch' || !touches.has(event.pointerId)) return;
    touches.set(event.pointerId, point(event));
    if (!pinch) return;
    const a = touches.get(pinch.ids[0]);
    const b = touches.get(pinch.ids[1]);
    if (!a || !b) return;
    event.stopPropagation();
    target.setView(pinchView(pinch, a, b));
  };

  const onPointerEnd = (event: PointerEvent): void => {
    if (pan && event.pointerId === pan.id) {
      if (surface.hasPointerCapture(event.pointerId)) surface.releasePointerCapture(event.pointerId);
      pan = undefined;
      showMode();
    }
    touches.delete(event.pointerId);
    if (pinch && pinch.ids.includes(event.pointerId)) pinch = undefined;
  };

  const onEnter = (): void => {
    pointerInside = true;
  };
  const onLeave = (): void => {
    pointerInside = false;
  };
  // Chrome on Windows starts its autoscroll on a middle press that nothing prevented.
  const onMouseDown = (event: MouseEvent): void => {
    if (event.button === 1) event.preventDefault();
  };

  surface.addEventListener('pointerdown', onPointerDown, { capture: true });
  surface.addEventListener('pointermove', onPointerMove, { capture: true });
  surface.addEventListener('pointerup', onPointerEnd, { capture: true });
  surface.addEventListener('pointercancel', onPointerEnd, { capture: true });
  surface.addEventListener('pointerenter', onEnter);
  surface.addEventListener('pointerleave', onLeave);
  surface.addEventListener('mousedown', onMouseDown, { capture: true });
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', reset);
  return () => {
    surface.removeEventListener('pointerdown', onPointerDown, { capture: true });
    surface.removeEventListener('pointermove', onPointerMove, { capture: true });
    surface.removeEventListener('pointerup', onPointerEnd, { capture: true });
    surface.removeEventListener('pointercancel', onPointerEnd, { capture: true });
    surface.removeEventListener('pointerenter', onEnter);
    surface.removeEventListener('pointerleave', onLeave);
    surface.removeEventListener('mousedown', onMouseDown, { capture: true });
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', reset);
    reset();
  };
}

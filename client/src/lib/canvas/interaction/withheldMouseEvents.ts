// Konva follows and ends every drag on the board (a card, the stage's pan, a link or resize
// handle) from the window's mousemove and mouseup: the compatibility events a browser derives
// from pointer events. Chromium derives none at a disabled form control or anything inside one
// (the zoom bar's "Fit selection" while nothing is selected, a greyed "Distribute" button): it
// sends pointermove and pointerup there, but no mousemove and no mouseup. A drag released over
// such a control never ended, so a link's rubber band stayed on screen and the next click on the
// board was taken as the drop. Here the window gets the mouse event the browser withheld, which
// is all Konva needs. Touch is left alone: touch events go to where the touch began.
import { asElement } from '../../keyboard/focusContext.js';

/** Chromium sends no mouse events at a disabled form control, nor at anything inside one. */
export function withholdsMouseEvents(target: unknown): boolean {
  const element = asElement(target);
  return element !== undefined && element.closest(':disabled') !== null;
}

const WITHHELD: Readonly<Record<string, string>> = { pointermove: 'mousemove', pointerup: 'mouseup' };

/** Only the primary mouse or pen pointer has compatibility mouse events to miss. */
export function withheldMouseEvent(event: Pick<PointerEvent, 'type' | 'pointerType' | 'isPrimary' | 'target'>): string | undefined {
  if (event.pointerType === 'touch' || !event.isPrimary || !withholdsMouseEvents(event.target)) return undefined;
  return WITHHELD[event.type];
}

export function forwardWithheldMouseEvents(win: Window): () => void {
  const forward = (event: PointerEvent): void => {
    const type = withheldMouseEvent(event);
    if (!type) return;
    // Dispatched at the window only, where Konva listens: nothing at the disabled control
    // hears of it, as the browser intended.
    const { clientX, clientY, screenX, screenY, button, buttons, altKey, ctrlKey, metaKey, shiftKey } = event;
    win.dispatchEvent(new MouseEvent(type, { clientX, clientY, screenX, screenY, button, buttons, altKey, ctrlKey, metaKey, shiftKey }));
  };
  // Capture on the window: nothing on the page can stop the pointer event before it gets here.
  win.addEventListener('pointermove', forward, true);
  win.addEventListener('pointerup', forward, true);
  return () => {
    win.removeEventListener('pointermove', forward, true);
    win.removeEventListener('pointerup', forward, true);
  };
}

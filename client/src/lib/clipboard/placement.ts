// Where pasted cards land: centred on the pointer when it is over the board (where the person
// is looking), else on the middle of the view.
import { boundsOf, itemBox, type ClipboardPayload } from '@interlink/model';
import type { Point } from '../canvas/viewport.js';

/** The top-left corner that centres the payload's cards on `at`. */
export function pasteTopLeft(payload: ClipboardPayload, at: Point): Point {
  const bounds = boundsOf(payload.items.map(itemBox));
  if (!bounds) return at;
  return { x: at.x - (bounds.right - bounds.left) / 2, y: at.y - (bounds.bottom - bounds.top) / 2 };
}

// How big the update of a paste (or a duplicate) will be on the wire. The server closes a
// connection with 1009 when one frame exceeds 1 MiB, and the stock provider sends each
// transaction as one frame: a paste that large would cut this person off and the paste would
// never arrive. Splitting it over several transactions would let peers (and the undo history)
// see half a paste, so instead such a paste is refused up front with a message, leaving room
// below the limit for the frame's own header.
import { pasteClipboard, type ClipboardPayload } from '@interlink/model';
import * as Y from 'yjs';

export const MAX_UPDATE_BYTES = 900_000;

/**
 * The size of the update pasting `payload` writes, measured by pasting into a scratch document:
 * exact up to the few bytes by which ids and client ids differ from the real paste.
 */
export function pasteUpdateBytes(payload: ClipboardPayload): number {
  const scratch = new Y.Doc();
  try {
    pasteClipboard(scratch, payload, { dx: 0, dy: 0 });
    return Y.encodeStateAsUpdate(scratch).byteLength;
  } finally {
    scratch.destroy();
  }
}

export const fitsOneUpdate = (payload: ClipboardPayload): boolean => pasteUpdateBytes(payload) <= MAX_UPDATE_BYTES;

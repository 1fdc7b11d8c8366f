// Decoding and encoding of y-websocket frames. Decoding is strict and total: every frame a
// client sends is parsed (and every update test-integrated) before anything acts on it, so a
// malformed frame is refused whole and no input can throw past `decodeClientFrame`.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from './codes.js';

export class MalformedFrameError extends Error {
  override readonly name = 'MalformedFrameError';
}

export interface AwarenessEntry {
  readonly clientID: number;
  readonly clock: number;
  /** `null` means the client left. */
  readonly state: Record<string, unknown> | null;
}

export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step2'; readonly update: Uint8Array }
  | { readonly type: 'sync-update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array; readonly entries: readonly AwarenessEntry[] }
  | { readonly type: 'query-awareness' };

/** Parses an awareness update (the payload of an awareness frame) strictly. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    return readAwarenessEntries(update);
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : 'unreadable awareness update');
  }
}

function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new MalformedFrameError('an awareness state must be an object or null');
    }
    entries.push({ clientID, clock, state: parsed as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrameError('trailing bytes after awareness entries');
  return entries;
}

/**
 * Parses an update completely and integrates it into an empty scratch document, so that an
 * update whose bytes parse but whose structure Yjs cannot integrate (an item that is its own
 * parent, say) is refused here rather than failing halfway through a board's document.
 */
function checkedUpdate(update: Uint8Array): Uint8Array {
  // The lazy decoder first: it allocates nothing per declared struct, so a few bytes that
  // declare millions of structs are refused before Yjs would size an array for them.
  Y.decodeUpdate(update);
  // A fixed guid: Yjs would otherwise draw a random UUID per doc, which cost ~5x the trial itself.
  const scratch = new Y.Doc({ gc: false, guid: 'trial-integration' });
  try {
    Y.applyUpdate(scratch, update);
  } finally {
    scratch.destroy();
  }
  return update;
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (step) {
    case SyncStep.step1:
      Y.decodeStateVector(payload);
      return { type: 'sync-step1', stateVector: payload };
    case SyncStep.step2:
      return { type: 'sync-step2', update: checkedUpdate(payload) };
    case SyncStep.update:
      return { type: 'sync-update', update: checkedUpdate(payload) };
    default:
      throw new MalformedFrameError(`unknown sync step ${step}`);
  }
}

function decodeMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  let message: ClientMessage;
  switch (type) {
    case MessageType.sync:
      message = decodeSync(decoder);
      break;
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder);
      message = { type: 'awareness', update, entries: readAwarenessEntries(update) };
      break;
    }
    case MessageType.queryAwareness:
      message = { type: 'query-awareness' };
      break;
    default:
      throw new MalformedFrameError(`unexpected message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrameError('trailing bytes after the message');
  return message;
}

/** Parses one client frame; throws only MalformedFrameError. */
export function decodeClientFrame(frame: Uint8Array): ClientMessage {
  try {
    return decodeMessage(frame);
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : 'unreadable frame');
  }
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => syncFrame(SyncStep.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.step2, update);
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.update, update);

export function encodeAwarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

// A raw `ws` socket on /sync, for what the stock client never sends: crafted, oversized or
// malformed frames, spoofed awareness. It records every frame and the close code.
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncStep, encodeAwarenessFrame } from '@interlink/protocol';

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

export interface RawSocket {
  readonly ws: WebSocket;
  /** Every binary frame the server sent, in order. */
  readonly received: Uint8Array[];
  /** True once the upgrade succeeded (the `open` event fired). */
  readonly wasOpened: () => boolean;
  /** Resolves on `open`; rejects if the socket closes or errors first. */
  readonly opened: Promise<void>;
  /** Resolves with the close code and reason (1006 when the connection dropped without one). */
  readonly closed: Promise<CloseInfo>;
  /** The close, once it happened. */
  readonly closeInfo: () => CloseInfo | undefined;
  send(frame: Uint8Array | string): void;
  close(): void;
}

export function syncUrl(wsUrl: string, boardId: string, token?: string): string {
  const base = `${wsUrl}/${encodeURIComponent(boardId)}`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

export function openRaw(wsUrl: string, boardId: string, token?: string): RawSocket {
  const ws = new WebSocket(syncUrl(wsUrl, boardId, token));
  const received: Uint8Array[] = [];
  let openedFlag = false;
  let closeInfo: CloseInfo | undefined;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) received.push(new Uint8Array(data));
  });
  // Errors (e.g. a reset after the server closed) are reported through `closed`.
  ws.on('error', () => {});
  const closed = new Promise<CloseInfo>((resolve) => {
    ws.on('close', (code: number, reason: Buffer) => {
      closeInfo = { code, reason: reason.toString() };
      resolve(closeInfo);
    });
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      openedFlag = true;
      resolve();
    });
    ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused with HTTP ${response.statusCode}`)));
    void closed.then((info) => reject(new Error(`closed with ${info.code} before opening`)));
  });
  // Callers that only await `closed` must not see an unhandled rejection from `opened`.
  opened.catch(() => {});
  return {
    ws,
    received,
    wasOpened: () => openedFlag,
    opened,
    closed,
    closeInfo: () => closeInfo,
    send(frame) {
      ws.send(frame, { binary: typeof frame !== 'string' });
    },
    close() {
      if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.close();
    },
  };
}

/** Races `promise` against a timeout whose message names what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Frames

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A correctly framed sync message with any step number and payload. */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.update, update);

/** An awareness frame carrying exactly these entries (state `null` means "left"). */
export function awarenessFrame(entries: ReadonlyArray<{ clientID: number; clock: number; state: Record<string, unknown> | null }>): Uint8Array {
  const update = build((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientID);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, JSON.stringify(entry.state));
    }
  });
  return encodeAwarenessFrame(update);
}

/**
 * A v1 update whose only struct, (client, 0), names itself as its parent. Y.decodeUpdate parses
 * it, but Y.applyUpdate throws on it halfway through a transaction.
 */
export function selfParentUpdate(client: number): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0x28);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'x');
    encoding.writeVarUint(e, 1);
    encoding.writeUint8(e, 125);
    encoding.writeVarInt(e, 1);
    encoding.writeVarUint(e, 0);
  });
}

/** The awareness entries in a server frame of type awareness, or undefined for other frames. */
export function readAwarenessFrame(frame: Uint8Array): Array<{ clientID: number; clock: number; state: unknown }> | undefined {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.awareness) return undefined;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const entries: Array<{ clientID: number; clock: number; state: unknown }> = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    entries.push({ clientID, clock, state: JSON.parse(decoding.readVarString(update)) as unknown });
  }
  return entries;
}

/** The sync step of a server frame of type sync, or undefined for other frames. */
export function syncStepOf(frame: Uint8Array): number | undefined {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.sync) return undefined;
  return decoding.readVarUint(decoder);
}

/** Applies every sync payload (step 2 and updates) the server sent on a raw socket to `doc`. */
export function applyReceived(frames: readonly Uint8Array[], doc: Y.Doc): void {
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
    const step = decoding.readVarUint(decoder);
    if (step === SyncStep.step2 || step === SyncStep.update) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
}

// A WebSocket for unit tests of code built on the real y-websocket provider
// (`WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket`): the test plays the server,
// opening, feeding and dropping each socket, and reads the frames the provider sent.
// Also the y-protocols frames those tests build and read, so that each test file does not
// re-encode them by hand.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

type MessageListener = (event: { data: ArrayBuffer }) => void;

/** The first varuint of a y-websocket frame. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  /** Every socket constructed since the test last emptied this, oldest first. */
  static opened: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: MessageListener | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** When it was opened (fake timers' clock): tells apart the instants of retries. */
  readonly createdAt = Date.now();
  readonly sent: Uint8Array[] = [];
  readonly #listeners = new Set<MessageListener>();

  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }

  /** The socket opened last; throws if none was. */
  static latest(): FakeSocket {
    const last = FakeSocket.opened.at(-1);
    if (!last) throw new Error('no socket opened');
    return last;
  }

  send(frame: Uint8Array): void {
    this.sent.push(frame);
  }
  close(): void {
    this.readyState = 3;
  }
  addEventListener(type: string, listener: MessageListener): void {
    if (type === 'message') this.#listeners.add(listener);
  }
  removeEventListener(type: string, listener: MessageListener): void {
    if (type === 'message') this.#listeners.delete(listener);
  }

  /** The server accepts. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  /** A frame from the server: the provider's onmessage first, as in a browser, then listeners. */
  deliver(frame: Uint8Array): void {
    const event = { data: new Uint8Array(frame).buffer };
    this.onmessage?.(event);
    for (const listener of this.#listeners) listener(event);
  }
  /** The server answers the sync (a step 2 of nothing): the provider is synced. */
  sync(): void {
    this.deliver(syncStep2Frame(new Y.Doc()));
  }
  /** The server goes away (1006) or closes with a code. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }

  /** How many sync step 1 frames this client sent (the provider's and probes). */
  step1sSent(): number {
    return this.sent.filter((frame) => {
      const decoder = decoding.createDecoder(frame);
      return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1;
    }).length;
  }
  /** Each awareness frame sent so far, as the [clientID, clock] of each of its entries. */
  awarenessSent(): Array<Array<[clientID: number, clock: number]>> {
    return this.sent.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return [];
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      const entries: Array<[number, number]> = [];
      for (let i = 0; i < count; i++) {
        entries.push([decoding.readVarUint(update), decoding.readVarUint(update)]);
        decoding.readVarString(update);
      }
      return [entries];
    });
  }
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 frame: the state vector of `doc`. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  return syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** A sync step 2 frame: all of `doc`. */
export function syncStep2Frame(doc: Y.Doc): Uint8Array {
  return syncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, doc));
}

/** An awareness frame carrying `update` (from y-protocols' encodeAwarenessUpdate). */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

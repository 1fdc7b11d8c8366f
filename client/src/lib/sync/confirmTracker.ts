// Counts this person's changes not yet confirmed by the server, wired to the document and to
// each socket the y-websocket provider opens (the exchange itself is in confirmChannel.ts).
//
// Only local transactions count (Yjs marks them `local`): this person's gestures and their
// undo/redo. Updates from the server, from another tab, or loaded from IndexedDB are applied
// with `local` false and are never counted.
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ConfirmChannel } from './confirmChannel.js';
import { PendingChanges, type PendingChange } from './confirmLog.js';

export interface ConfirmTrackerOptions {
  /** The list stored before a reload. */
  readonly restored?: readonly PendingChange[];
  /** Quiet time after a local change before probing: one probe per burst of typing. */
  readonly probeDelayMs?: number;
  /** The longest a probe waits while changes keep coming, so that a long burst is confirmed too. */
  readonly probeMaxWaitMs?: number;
  /** Called after each change of the list (new change, confirmation). */
  readonly onChange?: (log: PendingChanges) => void;
}

type Socket = NonNullable<WebsocketProvider['ws']>;

export class ConfirmTracker {
  readonly log: PendingChanges;
  readonly #doc: Y.Doc;
  readonly #provider: WebsocketProvider;
  readonly #onChange: ((log: PendingChanges) => void) | undefined;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  #socket: Socket | undefined;
  #channel: ConfirmChannel | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending probe was first asked for (ms), for the max wait. */
  #firstAskedAt: number | undefined;

  constructor(doc: Y.Doc, provider: WebsocketProvider, options: ConfirmTrackerOptions = {}) {
    this.#doc = doc;
    this.#provider = provider;
    this.#onChange = options.onChange;
    this.#delayMs = options.probeDelayMs ?? 300;
    this.#maxWaitMs = options.probeMaxWaitMs ?? 2_000;
    this.log = new PendingChanges(options.restored);
    doc.on('afterTransaction', this.#onTransaction);
    provider.on('status', this.#onStatus);
    provider.on('connection-close', this.#onClose);
    this.#attach(provider.ws ?? undefined);
  }

  get count(): number {
    return this.log.count;
  }

  destroy(): void {
    this.#cancelProbe();
    this.#attach(undefined);
    this.#doc.off('afterTransaction', this.#onTransaction);
    this.#provider.off('status', this.#onStatus);
    this.#provider.off('connection-close', this.#onClose);
  }

  readonly #onTransaction = (transaction: Y.Transaction): void => {
    if (!transaction.local) return;
    const client = transaction.doc.clientID;
    const clock = transaction.afterState.get(client) ?? 0;
    const inserted = clock !== (transaction.beforeState.get(client) ?? 0);
    const deletes = transaction.deleteSet.clients.size > 0;
    // A transaction that changed nothing (e.g. setting a field to the value it had) is no change.
    if (!inserted && !deletes) return;
    // Only a deletion-only change needs a probe: see confirmLog.ts.
    this.log.record({ client, clock, deletes: !inserted });
    this.#onChange?.(this.log);
    this.#askProbe(this.#delayMs);
  };

  /** The provider emits 'connecting' right after it created a new socket: follow it. */
  readonly #onStatus = (): void => {
    const socket = this.#provider.ws ?? undefined;
    if (socket !== this.#socket) this.#attach(socket);
  };

  readonly #onClose = (): void => {
    this.#attach(undefined);
  };

  readonly #onMessage = (event: MessageEvent): void => {
    const channel = this.#channel;
    if (!channel || !(event.data instanceof ArrayBuffer)) return;
    const wasReady = channel.ready;
    if (channel.receive(new Uint8Array(event.data))) this.#onChange?.(this.log);
    // The server's step 1 has just come, and the provider answers it with our changes in its
    // own handler of this very event: probe right after, once that answer is on the wire.
    if (!wasReady && channel.ready) this.#askProbe(0);
  };

  #attach(socket: Socket | undefined): void {
    this.#socket?.removeEventListener('message', this.#onMessage);
    this.#socket = socket;
    this.#channel = undefined;
    if (!socket) return;
    this.#channel = new ConfirmChannel(this.#doc, this.log, (frame) => socket.send(frame));
    // The provider uses `onmessage`; a listener of our own sees the same frames.
    socket.addEventListener('message', this.#onMessage);
  }

  #askProbe(delayMs: number): void {
    const now = Date.now();
    this.#firstAskedAt ??= now;
    const waited = now - this.#firstAskedAt;
    const delay = Math.max(0, Math.min(delayMs, this.#maxWaitMs - waited));
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#probe(), delay);
  }

  #cancelProbe(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#firstAskedAt = undefined;
  }

  #probe(): void {
    this.#cancelProbe();
    const socket = this.#socket;
    if (!socket || socket.readyState !== socket.OPEN) return;
    try {
      this.#channel?.probe();
    } catch {
      // The socket failed under us: the next one probes again.
    }
  }
}

// The board's live connection: the stock y-websocket provider plus its status as runes for
// the UI. Reconnection is ours (reconnect.ts): jittered exponential backoff, so that after a
// server restart a whole workshop does not come back in one burst, and no attempts while the
// browser says it is offline (and the socket is closed the moment it goes offline). A 44xx
// close (bad token, forbidden) is final. The provider sends only our own presence, not an echo
// of everyone else's (ownAwareness.ts). The session calls start() once the board's offline
// copy is loaded, so that the first exchange sends only what the server lacks.
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { sendOwnAwarenessOnly } from './ownAwareness.js';
import { JitteredReconnect, type LinkState } from './reconnect.js';
import { syncUrl } from './syncUrl.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export class BoardConnection {
  status = $state<ConnectionStatus>('connecting');
  /** True once the first full exchange with the server is done. */
  synced = $state(false);
  /** The close code when the server refused us for good (4401, 4403). */
  refusedCode = $state<number | undefined>();
  /**
   * Finer than `status`: whether we wait for the next attempt (and until when), are offline
   * (navigator.onLine), or were refused. Replaced whole on each change.
   */
  link = $state.raw<LinkState>({ phase: 'connecting', attempt: 0, nextAttemptAt: undefined, online: true, closeCode: undefined });
  readonly provider: WebsocketProvider;
  readonly #reconnect: JitteredReconnect;
  readonly #stopOwnAwareness: () => void;
  readonly #contactListeners = new Set<() => void>();
  #everConnected = false;
  #started = false;

  constructor(doc: Y.Doc, boardId: string, token: string, location: { protocol: string; host: string }) {
    // connect: false, so that the reconnection driver is listening before the first socket exists.
    this.provider = new WebsocketProvider(syncUrl(location), boardId, doc, { params: { token }, connect: false });
    this.provider.on('status', ({ status }) => {
      // Once we have been connected, each reconnection attempt would flip the indicator
      // between "connecting" and "disconnected" every few seconds (and a screen reader would
      // announce each flip): stay "disconnected" until a connection succeeds again.
      if (status === 'connecting' && this.#everConnected) return;
      if (status === 'connected') {
        this.#everConnected = true;
        this.refusedCode = undefined;
        this.#contact();
      }
      this.status = status;
    });
    this.provider.on('sync', (synced: boolean) => {
      this.synced = synced;
    });
    this.provider.on('closed', ({ code }) => {
      this.refusedCode = code;
      this.status = 'disconnected';
      this.#contact();
    });
    this.#stopOwnAwareness = sendOwnAwarenessOnly(this.provider);
    this.#reconnect = new JitteredReconnect(this.provider, {
      onChange: (link) => {
        this.link = link;
        // Offline there is no attempt, so no provider status says so: a page opened offline
        // would read "connecting" for ever.
        if (link.phase === 'offline') this.status = 'disconnected';
      },
    });
    this.link = this.#reconnect.state;
  }

  /** Opens the connection (once; later calls do nothing). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#reconnect.start();
  }

  /**
   * Calls `listener` once, the next time the server answers at all: a connection opens, or it
   * is refused. The page uses it to retry what failed for want of a network. Returns the
   * function that cancels it.
   */
  onNextContact(listener: () => void): () => void {
    this.#contactListeners.add(listener);
    return () => this.#contactListeners.delete(listener);
  }

  #contact(): void {
    const listeners = [...this.#contactListeners];
    this.#contactListeners.clear();
    for (const listener of listeners) listener();
  }

  get awareness() {
    return this.provider.awareness;
  }

  destroy(): void {
    this.#contactListeners.clear();
    // Stopped first: a retry waiting on its timer must not reopen what we close here.
    this.#reconnect.stop();
    this.#stopOwnAwareness();
    this.provider.destroy();
  }
}

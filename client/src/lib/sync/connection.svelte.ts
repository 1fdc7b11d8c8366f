// The board's live connection: the stock y-websocket provider plus its status as runes for
// the UI. The provider reconnects by itself; a 44xx close (bad token, forbidden) is final.
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { syncUrl } from './syncUrl.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export class BoardConnection {
  status = $state<ConnectionStatus>('connecting');
  /** True once the first full exchange with the server is done. */
  synced = $state(false);
  /** The close code when the server refused us for good (4401, 4403). */
  refusedCode = $state<number | undefined>();
  readonly provider: WebsocketProvider;
  #everConnected = false;

  constructor(doc: Y.Doc, boardId: string, token: string, location: { protocol: string; host: string }) {
    this.provider = new WebsocketProvider(syncUrl(location), boardId, doc, { params: { token } });
    this.provider.on('status', ({ status }) => {
      // Once we have been connected, each reconnection attempt would flip the indicator
      // between "connecting" and "disconnected" every few seconds (and a screen reader would
      // announce each flip): stay "disconnected" until a connection succeeds again.
      if (status === 'connecting' && this.#everConnected) return;
      if (status === 'connected') {
        this.#everConnected = true;
        this.refusedCode = undefined;
      }
      this.status = status;
    });
    this.provider.on('sync', (synced: boolean) => {
      this.synced = synced;
    });
    this.provider.on('closed', ({ code }) => {
      this.refusedCode = code;
      this.status = 'disconnected';
    });
  }

  get awareness() {
    return this.provider.awareness;
  }

  destroy(): void {
    this.provider.destroy();
  }
}

// The stock y-websocket client, used unchanged against our server, as any real client would.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface StockClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export interface StockClientOptions {
  /** Connect at once (default) or leave it to the test. */
  connect?: boolean;
  /** Stop the stock client's automatic reconnection, e.g. to observe a close code. */
  noReconnect?: boolean;
}

export function stockClient(wsUrl: string, boardId: string, token: string, options: StockClientOptions = {}): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: { token },
    // Node has no global WebSocket on 20; the provider accepts any WebSocket-like class.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    ...(options.noReconnect ? { maxBackoffTime: 60_000 } : {}),
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitForSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    provider.once('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Polls until `predicate` holds, failing after `timeoutMs` with `what` in the message. */
export async function eventually(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

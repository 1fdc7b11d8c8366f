// A stock y-websocket provider set up the way the browser client sets up its own
// (client/src/lib/sync/connection.svelte.ts): reconnecting with jittered exponential backoff
// instead of the provider's lockstep schedule (reconnect.ts), and sending only its own presence
// (ownAwareness.ts). The same modules the browser runs, on Node's `ws`.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from '../../client/src/lib/sync/ownAwareness.js';
import { JitteredReconnect } from '../../client/src/lib/sync/reconnect.js';
import type { StockClient } from './clients.js';

export interface JitteredClient extends StockClient {
  readonly reconnect: JitteredReconnect;
}

export interface JitteredClientOptions {
  /** The WebSocket class the provider uses (e.g. one that counts bytes); `ws` by default. */
  webSocket?: new (address: string, protocols?: string | string[]) => WebSocket;
}

export function jitteredClient(wsUrl: string, boardId: string, token: string, options: JitteredClientOptions = {}): JitteredClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: { token },
    WebSocketPolyfill: (options.webSocket ?? WebSocket) as unknown as typeof globalThis.WebSocket,
    connect: false,
    disableBc: true,
  });
  const stopOwnAwareness = sendOwnAwarenessOnly(provider);
  // Node has no navigator.onLine: always online.
  const reconnect = new JitteredReconnect(provider, { network: undefined });
  reconnect.start();
  return {
    doc,
    provider,
    reconnect,
    destroy() {
      reconnect.stop();
      stopOwnAwareness();
      provider.destroy();
      doc.destroy();
    },
  };
}

// The clients the wire benchmarks (bandwidth, reconnect) compare, on any WebSocket class (a
// metered one, say): the stock y-websocket provider as it comes, and ours, set up as the
// browser sets up its own (support/jittered.ts: jittered reconnection, no awareness echoes).
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { StockClient } from '../support/clients.js';
import { jitteredClient } from '../support/jittered.js';
import { sleep } from './room-client.js';
import type { BenchServer, Room } from './servers.js';
import type { WebSocketClass } from './wire.js';

export type ClientKind = 'stock' | 'ours';

function stockProvider(server: BenchServer, room: Room, webSocket: WebSocketClass): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.syncUrl, room.name, doc, {
    params: { token: room.token },
    // Node 20 has no WebSocket of its own.
    WebSocketPolyfill: webSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
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

/** Connects at once; `synced` tells when it has the board. */
export function benchClient(kind: ClientKind, server: BenchServer, room: Room, webSocket: WebSocketClass = WebSocket): StockClient {
  return kind === 'stock' ? stockProvider(server, room, webSocket) : jitteredClient(server.syncUrl, room.name, room.token, { webSocket });
}

/** Polls `predicate` every `pollMs`; false if it still fails after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs: number, pollMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) return false;
    await sleep(pollMs);
  }
  return true;
}

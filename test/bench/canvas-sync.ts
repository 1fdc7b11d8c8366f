// Writing the big board into a server through a stock y-websocket client, and timing how long a
// new stock client takes to hold all of it. The same code runs against ours and the stock
// server, so the two columns differ only by the server.
import * as Y from 'yjs';
import { boardMaps } from '@interlink/model';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { serverCaughtUp } from './room-client.js';

/** Where a stock client connects: `new WebsocketProvider(syncUrl, room, doc, { params: { token } })`. */
export interface SyncTarget {
  readonly syncUrl: string;
  readonly room: string;
  readonly token: string;
}

export interface BoardSize {
  readonly items: number;
  readonly links: number;
}

/**
 * Replays the board's updates into a connected client (each becomes one message to the server,
 * as a workshop's edits would) and resolves once the server has taken in all of them.
 * Returns how long that took, ms.
 */
export async function writeBoard(target: SyncTarget, updates: readonly Uint8Array[]): Promise<number> {
  const writer = stockClient(target.syncUrl, target.room, target.token);
  try {
    // Connected and synced first: writing before the handshake would send the whole board as
    // one sync step 2, larger than our server's frame limit, which no real client does.
    await waitForSynced(writer.provider, 10_000);
    const startedAt = performance.now();
    for (const update of updates) Y.applyUpdate(writer.doc, update);
    await serverCaughtUp(writer, 120_000);
    return performance.now() - startedAt;
  } finally {
    writer.destroy();
  }
}

/**
 * A new stock client, from construction (so including the WebSocket handshake) until it has
 * synced and holds every item and link. Throws if it does not within `timeoutMs`.
 */
export async function timeSync(target: SyncTarget, expected: BoardSize, timeoutMs = 30_000): Promise<number> {
  const startedAt = performance.now();
  const client = stockClient(target.syncUrl, target.room, target.token);
  try {
    await waitForSynced(client.provider, timeoutMs);
    const { items, links } = boardMaps(client.doc);
    await eventually(() => items.size >= expected.items && links.size >= expected.links, `${expected.items} items and ${expected.links} links`, timeoutMs);
    const elapsed = performance.now() - startedAt;
    if (items.size !== expected.items || links.size !== expected.links) {
      throw new Error(`expected ${expected.items} items and ${expected.links} links, got ${items.size} and ${links.size}`);
    }
    return elapsed;
  } finally {
    client.destroy();
  }
}

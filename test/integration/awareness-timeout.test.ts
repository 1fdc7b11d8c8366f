// Awareness hygiene: a cursor does not outlive its tab. A client that closes (or whose socket
// drops) disappears from everyone's presence at once; one whose network is cut without a close
// (the TCP connection stays half-open) is terminated by the server's heartbeat, which removes
// its presence too. The heartbeat interval is configurable (PING_INTERVAL_MS), so this runs fast.
import type { CreatedBoard } from '@interlink/protocol';
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { awarenessFrame, openRaw, readAwarenessFrame, within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const PING_INTERVAL_MS = 500;

/** Resolves with how long after the call `watcher` stopped seeing `clientID`. */
function removalSeen(watcher: StockClient, clientID: number, timeoutMs: number): Promise<number> {
  const since = performance.now();
  const { awareness } = watcher.provider;
  return within(
    new Promise<number>((resolve) => {
      const check = (): void => {
        if (awareness.getStates().has(clientID)) return;
        awareness.off('change', check);
        resolve(performance.now() - since);
      };
      awareness.on('change', check);
      check();
    }),
    timeoutMs,
    `client ${clientID} to disappear from the watcher's presence`,
  );
}

describe('awareness timeout', () => {
  const serverResources = new Resources();
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = serverResources.server(await startServer({ env: { PING_INTERVAL_MS: String(PING_INTERVAL_MS) } }));
    board = await server.createBoard('Presence hygiene');
  });
  afterEach(() => resources.dispose());
  afterAll(() => serverResources.dispose());

  async function withCursor(name: string): Promise<StockClient> {
    const client = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant, { connect: false }));
    client.provider.awareness.setLocalState({ user: { name, color: '#e91e63' }, cursor: { x: 40, y: 60 } });
    client.provider.connect();
    await waitForSynced(client.provider);
    return client;
  }

  async function watcherSeeing(client: StockClient): Promise<StockClient> {
    const watcher = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(watcher.provider);
    await within(
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (watcher.provider.awareness.getStates().has(client.doc.clientID)) resolve();
        };
        watcher.provider.awareness.on('change', check);
        check();
      }),
      10_000,
      'the watcher to see the cursor',
    );
    return watcher;
  }

  it('a tab that closes its provider: its cursor is gone for the others within 3 s', async () => {
    const leaving = await withCursor('Amina');
    const watcher = await watcherSeeing(leaving);
    const seen = removalSeen(watcher, leaving.doc.clientID, 3_000);
    leaving.destroy();
    expect(await seen).toBeLessThan(3_000);
  });

  it('a tab that dies without a word (its socket torn down, no "null" state sent): gone within 3 s', async () => {
    const leaving = await withCursor('Ben');
    const watcher = await watcherSeeing(leaving);
    const seen = removalSeen(watcher, leaving.doc.clientID, 3_000);
    const socket: unknown = leaving.provider.ws;
    if (!(socket instanceof WebSocket)) throw new Error('the stock client runs on ws here');
    // Nothing more from this client, not even its close handshake: only the server's own
    // close handling can tell the others.
    leaving.provider.shouldConnect = false;
    socket.terminate();
    expect(await seen).toBeLessThan(3_000);
  });

  it('a client whose connection drops comes back by itself and is seen again (peers’ echoes of its removal claim nothing)', async () => {
    const dropping = await withCursor('Dana');
    const watcher = await watcherSeeing(dropping);
    // A third peer: its stock client echoes the removal too.
    const other = await withCursor('Emeka');
    const id = dropping.doc.clientID;
    const seen = removalSeen(watcher, id, 3_000);
    const socket: unknown = dropping.provider.ws;
    if (!(socket instanceof WebSocket)) throw new Error('the stock client runs on ws here');
    socket.terminate();
    await seen;
    // The stock provider reconnects on its own; the cursor moves, and everyone sees it.
    await within(
      new Promise<void>((resolve) => dropping.provider.once('sync', (synced: boolean) => synced && resolve())),
      10_000,
      'the dropped client to reconnect',
    );
    dropping.provider.awareness.setLocalStateField('cursor', { x: 500, y: 500 });
    for (const peer of [watcher, other]) {
      await within(
        new Promise<void>((resolve) => {
          const check = (): void => {
            const state: unknown = peer.provider.awareness.getStates().get(id);
            if (JSON.stringify((state as { cursor?: unknown } | undefined)?.cursor) === '{"x":500,"y":500}') resolve();
          };
          peer.provider.awareness.on('change', check);
          check();
        }),
        5_000,
        'the peers to see the returned cursor',
      );
    }
    expect(server.logs.filter((line) => line.includes('awareness update refused'))).toEqual([]);
  });

  it('a client whose network is cut (half-open TCP, no close, no pong): the heartbeat removes it within two intervals', async () => {
    const raw = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.participant));
    const tcp = new Promise<Socket>((resolve) => raw.ws.once('upgrade', (response) => resolve(response.socket)));
    await within(raw.opened, 10_000, 'the raw socket to open');
    const clientID = 4_343_001;
    raw.send(awarenessFrame([{ clientID, clock: 1, state: { user: { name: 'Chidi', color: '#4caf50' }, cursor: { x: 1, y: 2 } } }]));
    const watcher = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(watcher.provider);
    await within(
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (watcher.provider.awareness.getStates().has(clientID)) resolve();
        };
        watcher.provider.awareness.on('change', check);
        check();
      }),
      10_000,
      'the watcher to see the raw client',
    );

    // The cable is pulled: nothing this client's TCP stack receives reaches ws, so no ping is
    // ever answered, and it sends nothing either. The kernel still acknowledges, so the server
    // sees no error: only the missing pong tells.
    (await tcp).pause();
    const seen = await removalSeen(watcher, clientID, 2 * PING_INTERVAL_MS + 2_000);
    expect(seen).toBeLessThan(2 * PING_INTERVAL_MS + 2_000);
    // And not because the observer timed it out by itself (y-protocols waits 30 s for that).
    expect(seen).toBeLessThan(30_000);
  });

  it('a client alone on a board keeps hearing from the server (the stock client drops a connection silent for 30 s)', async () => {
    const raw = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.participant));
    await within(raw.opened, 10_000, 'the raw socket to open');
    const keepAlives = (): number => raw.received.filter((frame) => readAwarenessFrame(frame)?.length === 0).length;
    const before = keepAlives();
    await new Promise((resolve) => setTimeout(resolve, 4 * PING_INTERVAL_MS + 200));
    // One per interval, every one an awareness update that names nobody.
    expect(keepAlives() - before).toBeGreaterThanOrEqual(3);
  });
});

// Presence (CONTRACT.md section 3): a client's awareness (user {name, color}, cursor) reaches
// the others; an awareness state may only be set for the client's own clientID, so nobody can
// rename, move or remove someone else's cursor.
import type { CreatedBoard } from '@interlink/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { awarenessFrame, openRaw, readAwarenessFrame, within, type RawSocket } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

interface Presence {
  user: { name: string; color: string };
  cursor?: { x: number; y: number };
}

function isPresence(value: unknown): value is Presence {
  if (typeof value !== 'object' || value === null) return false;
  const user: unknown = (value as { user?: unknown }).user;
  return typeof user === 'object' && user !== null && typeof (user as { name?: unknown }).name === 'string';
}

function presenceOf(client: StockClient, clientID: number): Presence | undefined {
  const state: unknown = client.provider.awareness.getStates().get(clientID);
  return isPresence(state) ? state : undefined;
}

/** Every state `watcher` ever held for `clientID`, recorded on each awareness change. */
function recordStates(watcher: StockClient, clientID: number): Array<Presence | null> {
  const seen: Array<Presence | null> = [];
  watcher.provider.awareness.on('change', () => {
    const state: unknown = watcher.provider.awareness.getStates().get(clientID);
    seen.push(isPresence(state) ? state : null);
  });
  return seen;
}

/** The awareness clock A's own state carries, as the server relays it. */
function clockOf(client: StockClient): number {
  return client.provider.awareness.meta.get(client.doc.clientID)?.clock ?? 0;
}

describe('awareness', () => {
  const serverResources = new Resources();
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = serverResources.server(await startServer());
  });
  afterEach(() => resources.dispose());
  afterAll(() => serverResources.dispose());

  async function join(token: string, presence: Presence): Promise<StockClient> {
    const client = resources.client(stockClient(server.wsUrl, board.id, token, { connect: false }));
    client.provider.awareness.setLocalState(presence);
    client.provider.connect();
    await waitForSynced(client.provider);
    return client;
  }

  it('a client’s user and cursor reach the others, and follow its changes', async () => {
    board = await server.createBoard('Presence');
    const a = await join(board.tokens.participant, { user: { name: 'Amina', color: '#e91e63' }, cursor: { x: 10, y: 20 } });
    const b = await join(board.tokens.observer, { user: { name: 'Ben', color: '#2196f3' } });
    const idA = a.doc.clientID;
    await eventually(() => presenceOf(b, idA)?.user.name === 'Amina', 'B sees A');
    expect(presenceOf(b, idA)).toEqual({ user: { name: 'Amina', color: '#e91e63' }, cursor: { x: 10, y: 20 } });
    await eventually(() => presenceOf(a, b.doc.clientID)?.user.name === 'Ben', 'A sees B (an observer has presence too)');

    a.provider.awareness.setLocalStateField('cursor', { x: 512.5, y: -3 });
    await eventually(() => presenceOf(b, idA)?.cursor?.x === 512.5, 'B sees A’s cursor move');
    expect(presenceOf(b, idA)?.cursor).toEqual({ x: 512.5, y: -3 });

    // A late joiner gets the presence of those already there.
    const c = await join(board.tokens.participant, { user: { name: 'Chidi', color: '#4caf50' } });
    await eventually(() => presenceOf(c, idA)?.cursor?.x === 512.5 && presenceOf(c, b.doc.clientID)?.user.name === 'Ben', 'C sees A and B');

    // When A leaves, the others see it go.
    a.destroy();
    await eventually(() => !b.provider.awareness.getStates().has(idA), 'B sees A leave');
  });

  describe('spoofing', () => {
    let a: StockClient;
    let b: StockClient;
    let raw: RawSocket;
    let seenByB: Array<Presence | null>;

    /** Waits until the server has handled everything `raw` sent: either it closed, or its own state reached B. */
    async function rawHandled(ownId: number, name: string): Promise<void> {
      raw.send(awarenessFrame([{ clientID: ownId, clock: 1, state: { user: { name, color: '#000000' } } }]));
      await eventually(() => raw.closeInfo() !== undefined || presenceOf(b, ownId)?.user.name === name, 'the raw client’s own presence (or its close)');
      // Then a barrier through A: a change A makes now reaches B after anything relayed before.
      a.provider.awareness.setLocalStateField('cursor', { x: Math.random(), y: 0 });
      const x = a.provider.awareness.getLocalState()?.cursor;
      await eventually(() => JSON.stringify(presenceOf(b, a.doc.clientID)?.cursor) === JSON.stringify(x), 'A’s latest cursor at B');
    }

    beforeAll(async () => {
      board = await server.createBoard('Spoofing');
    });

    async function setUp(): Promise<void> {
      a = await join(board.tokens.participant, { user: { name: 'Amina', color: '#e91e63' }, cursor: { x: 1, y: 1 } });
      b = await join(board.tokens.participant, { user: { name: 'Ben', color: '#2196f3' } });
      await eventually(() => presenceOf(b, a.doc.clientID)?.user.name === 'Amina', 'B sees A');
      seenByB = recordStates(b, a.doc.clientID);
      raw = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.participant));
      await within(raw.opened, 10_000, 'the raw socket to open');
      // The raw client reads what the server relays: it learns A's clientID and clock as any peer would.
      await eventually(() => raw.received.some((frame) => readAwarenessFrame(frame)?.some((entry) => entry.clientID === a.doc.clientID) ?? false), 'the raw client sees A’s presence');
    }

    it('a state claimed for another client’s clientID (higher clock, other name) never reaches B', async () => {
      await setUp();
      const idA = a.doc.clientID;
      raw.send(
        awarenessFrame([{ clientID: idA, clock: clockOf(a) + 10, state: { user: { name: 'Mallory', color: '#ff0000' }, cursor: { x: 666, y: 666 } } }]),
      );
      await rawHandled(4_242_001, 'Raw one');
      expect(seenByB.filter((state) => state?.user.name === 'Mallory')).toEqual([]);
      expect(presenceOf(b, idA)?.user.name).toBe('Amina');
      // A third client joining now gets A's true state from the server.
      const c = await join(board.tokens.observer, { user: { name: 'Chidi', color: '#4caf50' } });
      await eventually(() => presenceOf(c, idA) !== undefined, 'C sees A');
      expect(presenceOf(c, idA)?.user.name).toBe('Amina');
    });

    it('removing another client’s presence (null state) is refused too', async () => {
      await setUp();
      const idA = a.doc.clientID;
      raw.send(awarenessFrame([{ clientID: idA, clock: clockOf(a) + 10, state: null }]));
      await rawHandled(4_242_002, 'Raw two');
      expect(seenByB).not.toContain(null);
      expect(presenceOf(b, idA)?.user.name).toBe('Amina');
    });

    it('a spoofed entry hidden among the sender’s own entries is refused', async () => {
      await setUp();
      const idA = a.doc.clientID;
      raw.send(
        awarenessFrame([
          { clientID: 4_242_003, clock: 1, state: { user: { name: 'Innocent', color: '#000000' } } },
          { clientID: idA, clock: clockOf(a) + 10, state: { user: { name: 'Mallory', color: '#ff0000' } } },
        ]),
      );
      await rawHandled(4_242_004, 'Raw three');
      expect(seenByB.filter((state) => state?.user.name === 'Mallory')).toEqual([]);
      expect(presenceOf(b, idA)?.user.name).toBe('Amina');
    });
  });
});

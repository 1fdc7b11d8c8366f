// Scale-out mode (CONTRACT.md section 1): with REDIS_URL and DATABASE_URL set, every node serves
// every board. This file starts its own Redis and PostgreSQL, then two (and later three) of our
// servers on them, and checks that clients on different nodes converge, see each other's
// presence, and lose nothing when a node is killed or while the log is compacted.
import { asItemId, boardMaps, getItemText, moveItems } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, itemTexts, sameBoard } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { isRecord, request } from '../support/http.js';
import { awarenessFrame, openRaw, within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';
import { startPostgres, startRedis, type RunningPostgres, type RunningService } from '../support/services.js';

const COMPACT_AFTER_UPDATES = 20;

function nameOf(client: StockClient, clientID: number): string | undefined {
  const state: unknown = client.provider.awareness.getStates().get(clientID);
  const user: unknown = isRecord(state) ? state.user : undefined;
  return isRecord(user) && typeof user.name === 'string' ? user.name : undefined;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Adds, types into anyone's card and moves cards, yielding every few edits so that writers on both nodes interleave. */
async function writeSession(client: StockClient, name: string, ops: number): Promise<void> {
  for (let i = 0; i < ops; i++) {
    const ids = [...boardMaps(client.doc).items.keys()].map(asItemId);
    const target = ids[(i * 7919) % Math.max(ids.length, 1)];
    if (i % 3 === 0 || target === undefined) addNote(client.doc, `${name} #${i}`, i, i);
    else if (i % 3 === 1) getItemText(client.doc, target)?.insert(0, `${name}${i} `);
    else moveItems(client.doc, [{ id: target, x: i, y: -i }]);
    if (i % 4 === 3) await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('scale-out: several nodes on one PostgreSQL and one Redis', () => {
  const nodes = new Resources();
  const resources = new Resources();
  let postgres: RunningPostgres | undefined;
  let redis: RunningService | undefined;
  let env: Record<string, string>;
  let nodeA: RunningServer;
  let nodeB: RunningServer;

  /** Every node started, killed ones included, to read their logs at the end. */
  const started: RunningServer[] = [];
  const startNode = async (): Promise<RunningServer> => {
    const node = nodes.server(await startServer({ env }));
    started.push(node);
    return node;
  };
  const client = (node: RunningServer, board: CreatedBoard, token = board.tokens.participant): StockClient =>
    resources.client(stockClient(node.wsUrl, board.id, token));
  const synced = async (...clients: StockClient[]): Promise<void> => {
    await Promise.all(clients.map((c) => waitForSynced(c.provider)));
  };

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    env = { REDIS_URL: redis.url, DATABASE_URL: postgres.url, COMPACT_AFTER_UPDATES: String(COMPACT_AFTER_UPDATES) };
    // Started together: both create the schema at the same moment.
    [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
  });
  afterEach(() => resources.dispose());
  afterAll(async () => {
    await nodes.dispose();
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
  });

  it('refuses to start with only one of REDIS_URL and DATABASE_URL, naming what is missing', async () => {
    // A data directory of our own: startServer cannot clean up after a server that never listened.
    const dataDir = mkdtempSync(join(tmpdir(), 'interlink-scaleout-config-'));
    try {
      await expect(startServer({ dataDir, env: { REDIS_URL: env.REDIS_URL ?? '' } })).rejects.toThrow(/REDIS_URL is set but DATABASE_URL is not/);
      await expect(startServer({ dataDir, env: { DATABASE_URL: env.DATABASE_URL ?? '' } })).rejects.toThrow(/DATABASE_URL is set but REDIS_URL is not/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a board created on node A is readable on node B, with the same tokens', async () => {
    const board = await nodeA.createBoard('Made on A');
    const read = await request(`${nodeB.url}/api/boards/${board.id}`, { token: board.tokens.participant });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: board.id, title: 'Made on A', role: 'participant' });
    expect((await request(`${nodeB.url}/api/boards/${board.id}`, { token: 'wrong' })).status).toBe(401);
  });

  it('stock clients on A and on B converge both ways, also when they edit the same card at once', async () => {
    const board = await nodeA.createBoard('Two nodes');
    const onA = client(nodeA, board);
    const onB = client(nodeB, board, board.tokens.facilitator);
    await synced(onA, onB);
    expect(boardMaps(onB.doc).meta.get('title')).toBe('Two nodes');

    const fromA = addNote(onA.doc, 'written on A');
    await eventually(() => itemTexts(onB.doc).get(fromA) === 'written on A', 'B sees the card written on A');
    const fromB = addNote(onB.doc, 'written on B');
    await eventually(() => itemTexts(onA.doc).get(fromB) === 'written on B', 'A sees the card written on B');

    for (let i = 0; i < 20; i++) {
      getItemText(onA.doc, fromA)?.insert(0, `a${i} `);
      getItemText(onB.doc, fromA)?.insert(0, `b${i} `);
    }
    await eventually(() => sameBoard(onA.doc, onB.doc) && (itemTexts(onA.doc).get(fromA)?.length ?? 0) > 100, 'A and B converge');
  });

  it('presence crosses nodes: a late joiner on B sees A at once, follows it, sees it leave; nobody on B can claim its clientID', async () => {
    const board = await nodeA.createBoard('Presence across nodes');
    const amina = resources.client(stockClient(nodeA.wsUrl, board.id, board.tokens.participant, { connect: false }));
    amina.provider.awareness.setLocalState({ user: { name: 'Amina', color: '#e91e63' } });
    amina.provider.connect();
    await synced(amina);
    const id = amina.doc.clientID;
    // B loads the board only now, and asks the other nodes who is there: well before the
    // 15 s in which Amina's client would repeat its state by itself.
    const ben = client(nodeB, board, board.tokens.observer);
    await synced(ben);
    await eventually(() => nameOf(ben, id) === 'Amina', 'Ben (on B) sees Amina (on A)', 5_000);
    amina.provider.awareness.setLocalStateField('cursor', { x: 42, y: 7 });
    await eventually(() => JSON.stringify(ben.provider.awareness.getStates().get(id)?.cursor) === '{"x":42,"y":7}', 'Ben sees her cursor move');

    // A connection on B claiming Amina's clientID is refused there: it is owned on A.
    const mallory = resources.raw(openRaw(nodeB.wsUrl, board.id, board.tokens.participant));
    await within(mallory.opened, 10_000, 'the raw socket to open');
    mallory.send(awarenessFrame([{ clientID: id, clock: 1_000, state: { user: { name: 'Mallory', color: '#000000' } } }]));
    const chidi = client(nodeB, board, board.tokens.observer);
    await synced(chidi);
    amina.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    await eventually(() => JSON.stringify(chidi.provider.awareness.getStates().get(id)?.cursor) === '{"x":1,"y":1}', 'Chidi sees Amina’s latest cursor');
    expect([nameOf(ben, id), nameOf(chidi, id)]).toEqual(['Amina', 'Amina']);

    amina.destroy();
    await eventually(() => !ben.provider.awareness.getStates().has(id), 'Ben sees Amina leave');
  });

  it('kill -9 of node A right after B has seen 200 cards written through A: B and a restarted A have them all', async () => {
    const board = await nodeA.createBoard('Durable across nodes');
    const writer = client(nodeA, board);
    const reader = client(nodeB, board, board.tokens.observer);
    await synced(writer, reader);
    const cards = new Map<string, string>();
    for (let i = 0; i < 200; i++) cards.set(addNote(writer.doc, `card ${i}`, i, i), `card ${i}`);
    await eventually(() => itemTexts(reader.doc).size === 200, 'the reader on B sees 200 cards', 30_000);
    await nodeA.kill9();
    writer.destroy();

    const freshOnB = client(nodeB, board, board.tokens.observer);
    nodeA = await startNode();
    const freshOnA = client(nodeA, board, board.tokens.observer);
    await synced(freshOnB, freshOnA);
    expect(itemTexts(freshOnB.doc)).toEqual(cards);
    expect(itemTexts(freshOnA.doc)).toEqual(cards);
  });

  it('kill -9 of node A in mid-stream: whatever a client on B had seen is in the restarted A', async () => {
    const board = await nodeA.createBoard('Mid-stream across nodes');
    const writer = client(nodeA, board);
    const reader = client(nodeB, board, board.tokens.observer);
    await synced(writer, reader);
    const victim = nodeA;
    let seenAtKill: Y.Doc | undefined;
    reader.doc.on('update', () => {
      if (seenAtKill === undefined && itemTexts(reader.doc).size >= 100) {
        victim.process.kill('SIGKILL');
        seenAtKill = copyOf(reader.doc);
      }
    });
    for (let i = 0; i < 300 && seenAtKill === undefined; i++) {
      addNote(writer.doc, `streamed ${i}`);
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually(() => seenAtKill !== undefined, 'the reader on B to reach 100 cards', 30_000);
    await victim.kill9();
    writer.destroy();

    nodeA = await startNode();
    const fresh = client(nodeA, board, board.tokens.observer);
    await synced(fresh);
    const seen = itemTexts(seenAtKill ?? new Y.Doc());
    const restored = itemTexts(fresh.doc);
    const lost = [...seen].filter(([id, text]) => restored.get(id) !== text);
    expect(seen.size).toBeGreaterThanOrEqual(100);
    expect(lost, `${lost.length} of the ${seen.size} cards seen on B were lost`).toEqual([]);
  });

  it(`compaction every ${COMPACT_AFTER_UPDATES} updates under concurrent writes from both nodes loses nothing`, async () => {
    const board = await nodeA.createBoard('Compaction across nodes');
    const writers = [client(nodeA, board), client(nodeA, board, board.tokens.facilitator), client(nodeB, board), client(nodeB, board, board.tokens.facilitator)];
    const watchers = [client(nodeA, board, board.tokens.observer), client(nodeB, board, board.tokens.observer)];
    await synced(...writers, ...watchers);
    await Promise.all(writers.map((writer, i) => writeSession(writer, `w${i}`, 120)));
    const everyone = [...writers, ...watchers];
    await eventually(() => everyone.every((c) => sameBoard(c.doc, writers[0]?.doc ?? c.doc)), 'every writer and watcher converge', 30_000);
    const expected = copyOf(watchers[0]?.doc ?? new Y.Doc());
    expect(itemTexts(expected).size).toBeGreaterThanOrEqual(150);

    // The log was folded many times along the way: each node compacts once it has appended
    // COMPACT_AFTER_UPDATES since its last compaction, so fewer than that from each node remain
    // once the compactions in flight are done.
    const logShape = (): string => postgres?.sql(
      `SELECT (SELECT count(*) FROM doc_snapshots WHERE board_id = '${board.id}') || ' ' || (SELECT count(*) FROM doc_updates WHERE board_id = '${board.id}')`,
    ) ?? '';
    await eventually(() => {
      const [snapshots, logLength] = logShape().split(' ').map(Number);
      return snapshots === 1 && (logLength ?? Infinity) < 2 * COMPACT_AFTER_UPDATES;
    }, `one snapshot and fewer than ${2 * COMPACT_AFTER_UPDATES} updates in the log`);

    // A third node, which never had the board in memory, reads it from the database alone.
    const nodeC = await startNode();
    for (const node of [nodeC, nodeA, nodeB]) {
      const fresh = client(node, board, board.tokens.observer);
      await synced(fresh);
      expect(sameBoard(fresh.doc, expected), `a fresh client on ${node.url}`).toBe(true);
      expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(expected));
    }
  });

  it('a Redis restart loses nothing: the nodes resubscribe and catch up from the database', async () => {
    const board = await nodeA.createBoard('Redis restart');
    const onA = client(nodeA, board);
    const onB = client(nodeB, board, board.tokens.facilitator);
    await synced(onA, onB);
    const port = redis?.port ?? 0;
    await redis?.stop();
    const during = addNote(onA.doc, 'written while Redis was down');
    await new Promise((resolve) => setTimeout(resolve, 300));
    redis = await startRedis({ port });
    await eventually(() => itemTexts(onB.doc).get(during) === 'written while Redis was down', 'B gets the card written while Redis was down', 20_000);
    await eventually(() => nodeB.logs.some((line) => line.includes('resubscribed to the board channels')), 'B resubscribed');
    const after = addNote(onB.doc, 'written after the restart');
    await eventually(() => itemTexts(onA.doc).get(after) === 'written after the restart', 'A gets the card written on B after the restart', 20_000);
  });

  it('no node logged an error along the way', () => {
    const errors = started.flatMap((node) =>
      node.logs.filter((line) => {
        const entry: unknown = JSON.parse(line);
        return isRecord(entry) && typeof entry.level === 'number' && entry.level >= 50;
      }),
    );
    expect(errors).toEqual([]);
  });
});

// The PostgreSQL store on a real PostgreSQL that this file starts: several stores on one database
// stand for several nodes, appending to one board and compacting it at the same time.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../server/src/persistence/postgres.js';
import type { BoardRecord, DocStore, StoredDoc } from '../../server/src/persistence/types.js';
import { startPostgres, type RunningPostgres } from '../support/services.js';

const hash = (token: string): Uint8Array => createHash('sha256').update(token).digest();

function board(id: string): BoardRecord {
  return { id, title: `Board ${id}`, createdAt: 1_700_000_000_000, tokenHashes: { facilitator: hash('f'), participant: hash('p'), observer: hash('o') } };
}

/** One update setting items[key] = value, as a client would send it. */
function setting(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('items').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function replay(stored: StoredDoc): Record<string, unknown> {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getMap('items').toJSON();
}

const errors: unknown[] = [];
const log = { error: (details: object) => errors.push(details) };
const unusedLocalState = (): Uint8Array => {
  throw new Error('a shared store must build its snapshot from its rows, not from the caller');
};

describe('PostgresStore', () => {
  let postgres: RunningPostgres;
  let nodeA: PostgresStore;
  let nodeB: PostgresStore;

  beforeAll(async () => {
    postgres = await startPostgres();
    // Two nodes starting at the same moment both create the schema: neither may fail.
    [nodeA, nodeB] = await Promise.all([PostgresStore.open(postgres.url, log), PostgresStore.open(postgres.url, log)]);
  });
  afterAll(async () => {
    await Promise.allSettled([nodeA?.close(), nodeB?.close()]);
    await postgres?.stop();
  });

  it('a board created on one node is read on another, with its first update; tokens only as hashes', async () => {
    await nodeA.createBoard(board('created'), setting('first', 1));
    const read = await nodeB.getBoard('created');
    expect(read).toMatchObject({ id: 'created', title: 'Board created', createdAt: 1_700_000_000_000 });
    expect(Buffer.from(read?.tokenHashes.observer ?? []).equals(Buffer.from(hash('o')))).toBe(true);
    expect(await nodeB.getBoard('missing')).toBeUndefined();
    const stored = await nodeB.load('created');
    expect(stored.lastSeq).toBe(1);
    expect(replay(stored)).toEqual({ first: 1 });
    expect(postgres.sql("SELECT count(*) FROM boards WHERE title = 'Board created' AND facilitator_hash IS NOT NULL")).toBe('1');
  });

  it('two nodes appending to one board at once get distinct, gapless sequence numbers', async () => {
    await nodeA.createBoard(board('concurrent'), setting('first', 0));
    const appends = Array.from({ length: 100 }, (_, i) => [
      nodeA.append('concurrent', setting(`a${i}`, i)),
      nodeB.append('concurrent', setting(`b${i}`, i)),
    ]).flat();
    const seqs = await Promise.all(appends);
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    const stored = await nodeA.load('concurrent');
    expect(stored.lastSeq).toBe(201);
    expect(Object.keys(replay(stored))).toHaveLength(201);
  });

  it('refuses to append to a board that does not exist', async () => {
    await expect(nodeA.append('nowhere', setting('x', 1))).rejects.toThrow(/no such board/);
  });

  it("compacts from the rows: an update only the other node has seen is kept", async () => {
    await nodeA.createBoard(board('fold'), setting('first', 0));
    await nodeA.append('fold', setting('fromA', 1));
    const throughSeq = await nodeB.append('fold', setting('fromB', 2));
    await nodeA.compact('fold', throughSeq);
    const later = await nodeB.append('fold', setting('later', 3));
    const stored = await nodeB.load('fold');
    expect(stored.snapshot).toBeDefined();
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastSeq).toBe(later);
    expect(replay(stored)).toEqual({ first: 0, fromA: 1, fromB: 2, later: 3 });
    // A compaction through a point an earlier one already covered changes nothing.
    await nodeB.compact('fold', throughSeq);
    expect(replay(await nodeA.load('fold'))).toEqual({ first: 0, fromA: 1, fromB: 2, later: 3 });
  });

  it('concurrent appends and compactions from both nodes lose nothing', async () => {
    await nodeA.createBoard(board('busy'), setting('first', 0));
    const compactions: Promise<void>[] = [];
    const write = async (node: PostgresStore, name: string): Promise<void> => {
      for (let i = 0; i < 150; i++) {
        const seq = await node.append('busy', setting(`${name}${i}`, i));
        // Compacting often, from both nodes at once, while the other node keeps appending.
        if (i % 10 === 9) compactions.push(node.compact('busy', seq));
      }
    };
    await Promise.all([write(nodeA, 'a'), write(nodeB, 'b')]);
    await Promise.all(compactions);
    const stored = await nodeB.load('busy');
    expect(stored.snapshot).toBeDefined();
    expect(stored.updates.length).toBeLessThan(30);
    const items = replay(stored);
    expect(Object.keys(items)).toHaveLength(301);
    for (let i = 0; i < 150; i++) expect([items[`a${i}`], items[`b${i}`]]).toEqual([i, i]);
    expect(errors).toEqual([]);
  });

  it('ignores the caller state it is offered for compaction (the DocStore contract)', async () => {
    await nodeA.createBoard(board('contract'), setting('first', 0));
    const seq = await nodeA.append('contract', setting('second', 1));
    const asDocStore: DocStore = nodeA;
    await asDocStore.compact('contract', seq, unusedLocalState);
    expect(replay(await nodeA.load('contract'))).toEqual({ first: 0, second: 1 });
  });
});

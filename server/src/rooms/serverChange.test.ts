// A change the server makes (an import) reaches the room as one update, on disk once the call
// returns; a change that throws halfway leaves the board and the store untouched.
import { addItem, asItemId, initBoard, readBoard } from '@interlink/model';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SqliteStore } from '../persistence/sqlite.js';
import { RoomManager } from './manager.js';
import { applyServerChange } from './serverChange.js';

const RECORD = { title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } };
const ORIGIN = Symbol('test change');

function newBoard(): Uint8Array {
  const doc = new Y.Doc();
  initBoard(doc, 'Board');
  return Y.encodeStateAsUpdate(doc);
}

function replay(store: SqliteStore, id: string): Y.Doc {
  const stored = store.load(id);
  const doc = new Y.Doc();
  for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('applyServerChange', () => {
  let dir: string;
  let store: SqliteStore;
  let rooms: RoomManager;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-server-change-'));
    store = new SqliteStore(dir);
    rooms = new RoomManager(store, { idleMs: 60_000, compactAfterUpdates: 500, compactAfterBytes: 1 << 20, log: pino({ level: 'silent' }) });
    store.createBoard({ id: 'b', ...RECORD }, newBoard());
  });

  afterEach(async () => {
    await rooms.closeAll();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies what the change wrote as one update with the origin, stored before it returns', async () => {
    const room = await rooms.acquire('b');
    const origins: unknown[] = [];
    room.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const answer = await applyServerChange(
      room,
      (doc) => {
        addItem(doc, { id: asItemId('a'), kind: 'note', x: 0, y: 0, text: 'one' });
        addItem(doc, { id: asItemId('b'), kind: 'note', x: 0, y: 0, text: 'two' });
        return 2;
      },
      ORIGIN,
    );
    expect(answer).toBe(2);
    expect(origins).toEqual([ORIGIN]);
    expect(readBoard(room.doc).items.size).toBe(2);
    expect(store.load('b').updates).toHaveLength(2);
    expect([...readBoard(replay(store, 'b')).items.values()].map((item) => item.text).sort()).toEqual(['one', 'two']);
  });

  it('leaves the board and the store untouched when the change throws halfway', async () => {
    const room = await rooms.acquire('b');
    const change = (doc: Y.Doc): never => {
      addItem(doc, { id: asItemId('a'), kind: 'note', x: 0, y: 0, text: 'half' });
      throw new Error('halfway');
    };
    await expect(applyServerChange(room, change, ORIGIN)).rejects.toThrow('halfway');
    expect(readBoard(room.doc).items.size).toBe(0);
    expect(store.load('b').updates).toHaveLength(1);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SQLITE_FILE_NAME, SqliteStore } from './sqlite.js';
import type { BoardRecord } from './types.js';

function board(id: string): BoardRecord {
  return {
    id,
    title: `Board ${id}`,
    createdAt: 1,
    tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') },
  };
}

/** An update that sets items[key] = value on a fresh doc derived from `base`. */
function updateSetting(doc: Y.Doc, key: string, value: number): Uint8Array {
  let captured: Uint8Array | undefined;
  const capture = (update: Uint8Array) => (captured = update);
  doc.on('update', capture);
  doc.getMap('items').set(key, value);
  doc.off('update', capture);
  if (!captured) throw new Error('no update');
  return captured;
}

function replay(stored: { snapshot: Uint8Array | undefined; updates: readonly Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('SqliteStore', () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-sqlite-'));
    store = new SqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a board with its first update and reads it back', () => {
    store.createBoard(board('b1'), new Uint8Array([0, 0]));
    const read = store.getBoard('b1');
    expect(read?.title).toBe('Board b1');
    expect(Buffer.from(read!.tokenHashes.participant).equals(hashToken('p'))).toBe(true);
    expect(store.getBoard('missing')).toBeUndefined();
    const stored = store.load('b1');
    expect(stored.lastSeq).toBe(1);
    expect(stored.updates.map((update) => [...update])).toEqual([[0, 0]]);
  });

  it('appends updates in order and replays them after a reopen', () => {
    store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
    const writer = new Y.Doc();
    store.load('b1');
    for (let i = 0; i < 10; i++) expect(store.append('b1', updateSetting(writer, `k${i}`, i))).toBe(i + 2);
    store.close();
    store = new SqliteStore(dir);
    const stored = store.load('b1');
    expect(stored.lastSeq).toBe(11);
    expect(replay(stored).getMap('items').toJSON()).toEqual(writer.getMap('items').toJSON());
  });

  it('compaction replaces the covered updates by a snapshot and keeps later ones', () => {
    store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
    const writer = new Y.Doc();
    store.load('b1');
    for (let i = 0; i < 5; i++) store.append('b1', updateSetting(writer, `k${i}`, i));
    const throughSeq = store.load('b1').lastSeq;
    store.compact('b1', throughSeq, () => Y.encodeStateAsUpdate(writer));
    store.append('b1', updateSetting(writer, 'later', 99));

    const stored = store.load('b1');
    expect(stored.snapshot).toBeDefined();
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastSeq).toBe(throughSeq + 1);
    expect(replay(stored).getMap('items').toJSON()).toEqual(writer.getMap('items').toJSON());
  });

  it('continues the sequence after a compaction emptied the log and the store reopened', () => {
    store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
    const writer = new Y.Doc();
    store.load('b1');
    store.append('b1', updateSetting(writer, 'a', 1));
    store.compact('b1', 2, () => Y.encodeStateAsUpdate(writer));
    store.close();
    store = new SqliteStore(dir);
    // Appending without a load first must not reuse a sequence number the snapshot covers.
    expect(store.append('b1', updateSetting(writer, 'b', 2))).toBe(3);
    expect(replay(store.load('b1')).getMap('items').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('keeps boards apart', () => {
    store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
    store.createBoard(board('b2'), Y.encodeStateAsUpdate(new Y.Doc()));
    const one = new Y.Doc();
    store.load('b1');
    store.load('b2');
    store.append('b1', updateSetting(one, 'only-in-b1', 1));
    expect(replay(store.load('b2')).getMap('items').toJSON()).toEqual({});
  });

  describe('read-only (the CLI reading DATA_DIR)', () => {
    it('reads what a writer still running has committed, and sees its later appends', () => {
      store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
      const writer = new Y.Doc();
      store.load('b1');
      store.append('b1', updateSetting(writer, 'a', 1));
      const reader = new SqliteStore(dir, SQLITE_FILE_NAME, { readOnly: true });
      try {
        expect(reader.getBoard('b1')?.title).toBe('Board b1');
        expect(replay(reader.load('b1')).getMap('items').toJSON()).toEqual({ a: 1 });
        store.append('b1', updateSetting(writer, 'b', 2));
        expect(replay(reader.load('b1')).getMap('items').toJSON()).toEqual({ a: 1, b: 2 });
      } finally {
        reader.close();
      }
    });

    it('never writes: SQLite refuses an append, and the database file is left as it was', () => {
      store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
      store.close();
      const file = join(dir, SQLITE_FILE_NAME);
      const before = readFileSync(file);
      const reader = new SqliteStore(dir, SQLITE_FILE_NAME, { readOnly: true });
      try {
        reader.load('b1');
        expect(() => reader.append('b1', new Uint8Array([0, 0]))).toThrow(/readonly/);
        expect(() => reader.createBoard(board('b2'), new Uint8Array([0, 0]))).toThrow(/readonly/);
      } finally {
        reader.close();
      }
      expect(readFileSync(file).equals(before)).toBe(true);
      store = new SqliteStore(dir);
      expect(store.getBoard('b2')).toBeUndefined();
      expect(store.load('b1').lastSeq).toBe(1);
    });

    it('does not create a database that is not there', () => {
      const empty = mkdtempSync(join(tmpdir(), 'interlink-sqlite-empty-'));
      try {
        expect(() => new SqliteStore(join(empty, 'nowhere'), SQLITE_FILE_NAME, { readOnly: true })).toThrow();
        expect(existsSync(join(empty, 'nowhere'))).toBe(false);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
});

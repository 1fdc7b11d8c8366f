// Member identities in the SQLite store: stored by token hash only, found only on their own
// board, capped per board, and added to data directories written before members existed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SQLITE_FILE_NAME, SqliteStore } from './sqlite.js';
import type { BoardRecord, MemberRecord } from './types.js';

function board(id: string): BoardRecord {
  return { id, title: `Board ${id}`, createdAt: 1, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } };
}

function member(id: string, boardId: string, token: string, role: MemberRecord['role'] = 'participant'): MemberRecord {
  return { id, boardId, role, tokenHash: hashToken(token), createdAt: 1_700_000_000_000 };
}

describe('SqliteStore members', () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-sqlite-members-'));
    store = new SqliteStore(dir);
    store.createBoard(board('b1'), Y.encodeStateAsUpdate(new Y.Doc()));
    store.createBoard(board('b2'), Y.encodeStateAsUpdate(new Y.Doc()));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a member and finds it by its token hash, with its role, after a reopen too', () => {
    expect(store.addMember(member('m1', 'b1', 'secret-1', 'observer'), 10)).toBe(true);
    const found = store.findMember('b1', hashToken('secret-1'));
    expect(found).toMatchObject({ id: 'm1', boardId: 'b1', role: 'observer', createdAt: 1_700_000_000_000 });
    expect(Buffer.from(found?.tokenHash ?? []).equals(hashToken('secret-1'))).toBe(true);
    store.close();
    store = new SqliteStore(dir);
    expect(store.findMember('b1', hashToken('secret-1'))?.id).toBe('m1');
  });

  it('finds a member on its own board only, and nothing for an unknown token', () => {
    store.addMember(member('m1', 'b1', 'secret-1'), 10);
    expect(store.findMember('b2', hashToken('secret-1'))).toBeUndefined();
    expect(store.findMember('b1', hashToken('secret-2'))).toBeUndefined();
  });

  it('stores no token, only its hash, and no name', () => {
    store.addMember(member('m1', 'b1', 'plain-token-text'), 10);
    store.close();
    const db = new Database(join(dir, SQLITE_FILE_NAME), { readonly: true });
    try {
      const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('members')").all().map((c) => c.name);
      expect(columns.sort()).toEqual(['board_id', 'created_at', 'id', 'role', 'token_hash']);
      const row = db.prepare<[], { token_hash: Buffer }>('SELECT token_hash FROM members').get();
      expect(row?.token_hash.equals(hashToken('plain-token-text'))).toBe(true);
    } finally {
      db.close();
    }
    store = new SqliteStore(dir);
  });

  it('refuses a member past the cap of its board, and counts each board apart', () => {
    expect(store.addMember(member('m1', 'b1', 't1'), 2)).toBe(true);
    expect(store.addMember(member('m2', 'b1', 't2'), 2)).toBe(true);
    expect(store.addMember(member('m3', 'b1', 't3'), 2)).toBe(false);
    expect(store.findMember('b1', hashToken('t3'))).toBeUndefined();
    expect(store.addMember(member('m4', 'b2', 't4'), 2)).toBe(true);
  });

  it('refuses a member of a board that does not exist, and a token hash already taken', () => {
    expect(() => store.addMember(member('m1', 'nowhere', 't1'), 10)).toThrow(/FOREIGN KEY/);
    store.addMember(member('m2', 'b1', 'same'), 10);
    expect(() => store.addMember(member('m3', 'b2', 'same'), 10)).toThrow(/UNIQUE/);
  });

  it('gives a data directory written before members existed its members table, and the CLI can still read it', () => {
    const old = mkdtempSync(join(tmpdir(), 'interlink-sqlite-old-'));
    try {
      const db = new Database(join(old, SQLITE_FILE_NAME));
      db.exec(`
        CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
          facilitator_hash BLOB NOT NULL, participant_hash BLOB NOT NULL, observer_hash BLOB NOT NULL) STRICT;
        CREATE TABLE doc_snapshots (board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE, data BLOB NOT NULL, through_seq INTEGER NOT NULL) STRICT;
        CREATE TABLE doc_updates (board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE, seq INTEGER NOT NULL, data BLOB NOT NULL,
          PRIMARY KEY (board_id, seq)) STRICT, WITHOUT ROWID;`);
      const { facilitator, participant, observer } = board('old').tokenHashes;
      db.prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?, ?)').run('old', 'Old board', 1, facilitator, participant, observer);
      db.prepare('INSERT INTO doc_updates VALUES (?, ?, ?)').run('old', 1, Y.encodeStateAsUpdate(new Y.Doc()));
      db.close();

      const reader = new SqliteStore(old, SQLITE_FILE_NAME, { readOnly: true });
      try {
        expect(reader.getBoard('old')?.title).toBe('Old board');
        expect(reader.load('old').lastSeq).toBe(1);
      } finally {
        reader.close();
      }

      const upgraded = new SqliteStore(old);
      try {
        expect(upgraded.getBoard('old')?.title).toBe('Old board');
        expect(upgraded.addMember(member('m1', 'old', 't1'), 10)).toBe(true);
        expect(upgraded.findMember('old', hashToken('t1'))?.id).toBe('m1');
      } finally {
        upgraded.close();
      }
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});

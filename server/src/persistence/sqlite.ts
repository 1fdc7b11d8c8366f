// The embedded default store: one SQLite database in WAL mode under DATA_DIR. Each update is
// appended in its own transaction before the server relays it; a compaction writes the
// snapshot and drops the updates it covers in one transaction, so a kill -9 at any moment
// leaves either the old log or the new snapshot, never neither and never both counted twice.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isRole } from '@interlink/protocol';
import Database from 'better-sqlite3';
import type { BoardRecord, MemberRecord, Store, StoredDoc } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  observer_hash BLOB NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  data BLOB NOT NULL,
  through_seq INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS doc_updates (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
  token_hash BLOB NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS members_by_board ON members (board_id);
`;

interface BoardRow {
  id: string;
  title: string;
  created_at: number;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  observer_hash: Buffer;
}

interface MemberRow {
  id: string;
  board_id: string;
  role: string;
  token_hash: Buffer;
  created_at: number;
}

function prepareMemberStatements(db: Database.Database) {
  return {
    insertMemberBelowCap: db.prepare<[string, string, string, Uint8Array, number, string, number]>(
      'INSERT INTO members (id, board_id, role, token_hash, created_at) SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM members WHERE board_id = ?) < ?',
    ),
    findMember: db.prepare<[Uint8Array, string], MemberRow>('SELECT * FROM members WHERE token_hash = ? AND board_id = ?'),
  };
}
type MemberStatements = ReturnType<typeof prepareMemberStatements>;

/** The database's file name under DATA_DIR. */
export const SQLITE_FILE_NAME = 'interlink.db';

export interface SqliteStoreOptions {
  /**
   * Open an existing database for reading only (the CLI's exports from DATA_DIR): nothing is
   * created, no pragma or schema is written, and SQLite itself refuses any write. WAL lets this
   * reader run beside the server. SQLite may still create the `-shm` and `-wal` companion files
   * when they are missing (a reader needs the shared-memory index), owned by whoever runs it.
   */
  readonly readOnly?: boolean;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;
  /**
   * Prepared on first use: a read-only reader (the CLI) of a data directory written before
   * members existed has no `members` table, and never needs one.
   */
  private memberStatements: MemberStatements | undefined;
  /** Last sequence number per loaded board, so that appending needs no read. */
  private readonly lastSeq = new Map<string, number>();

  constructor(dataDir: string, fileName = SQLITE_FILE_NAME, options: SqliteStoreOptions = {}) {
    if (options.readOnly) {
      // fileMustExist: a mistyped DATA_DIR is an error, not a new empty database.
      this.db = new Database(join(dataDir, fileName), { readonly: true, fileMustExist: true });
    } else {
      mkdirSync(dataDir, { recursive: true });
      this.db = new Database(join(dataDir, fileName));
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL: a committed transaction is in the WAL file (the OS has it)
      // before commit returns, so a process crash (kill -9) loses nothing. Only a power loss
      // could drop the last commits; FULL would fsync every update at a large latency cost.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.exec(SCHEMA);
    }
    this.statements = {
      insertBoard: this.db.prepare(
        'INSERT INTO boards (id, title, created_at, facilitator_hash, participant_hash, observer_hash) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getBoard: this.db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
      getSnapshot: this.db.prepare<[string], { data: Buffer; through_seq: number }>(
        'SELECT data, through_seq FROM doc_snapshots WHERE board_id = ?',
      ),
      getUpdates: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE board_id = ? ORDER BY seq',
      ),
      insertUpdate: this.db.prepare('INSERT INTO doc_updates (board_id, seq, data) VALUES (?, ?, ?)'),
      upsertSnapshot: this.db.prepare(
        'INSERT INTO doc_snapshots (board_id, data, through_seq) VALUES (?, ?, ?) ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq',
      ),
      deleteUpdatesThrough: this.db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?'),
    };
  }

  createBoard(board: BoardRecord, initialUpdate: Uint8Array): void {
    const { facilitator, participant, observer } = board.tokenHashes;
    this.db.transaction(() => {
      this.statements.insertBoard.run(board.id, board.title, board.createdAt, facilitator, participant, observer);
      this.statements.insertUpdate.run(board.id, 1, initialUpdate);
    })();
  }

  getBoard(id: string): BoardRecord | undefined {
    const row = this.statements.getBoard.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      tokenHashes: { facilitator: row.facilitator_hash, participant: row.participant_hash, observer: row.observer_hash },
    };
  }

  /** One statement, hence atomic: SQLite has one writer, so the count cannot change under it. */
  addMember(member: MemberRecord, maxMembers: number): boolean {
    const { insertMemberBelowCap } = this.members();
    const result = insertMemberBelowCap.run(member.id, member.boardId, member.role, member.tokenHash, member.createdAt, member.boardId, maxMembers);
    return result.changes === 1;
  }

  findMember(boardId: string, tokenHash: Uint8Array): MemberRecord | undefined {
    const row = this.members().findMember.get(tokenHash, boardId);
    if (!row || !isRole(row.role)) return undefined;
    return { id: row.id, boardId: row.board_id, role: row.role, tokenHash: row.token_hash, createdAt: row.created_at };
  }

  load(boardId: string): StoredDoc {
    const read = this.db.transaction((): StoredDoc => {
      const snapshot = this.statements.getSnapshot.get(boardId);
      const rows = this.statements.getUpdates.all(boardId);
      const lastSeq = rows.at(-1)?.seq ?? snapshot?.through_seq ?? 0;
      return {
        snapshot: snapshot?.data,
        updates: rows.map((row) => row.data),
        lastSeq,
        logBytes: rows.reduce((sum, row) => sum + row.data.length, 0),
      };
    });
    const stored = read();
    this.lastSeq.set(boardId, stored.lastSeq);
    return stored;
  }

  append(boardId: string, update: Uint8Array): number {
    const seq = (this.lastSeq.get(boardId) ?? this.readLastSeq(boardId)) + 1;
    // A single statement is its own transaction: on disk (in the WAL) when run() returns.
    this.statements.insertUpdate.run(boardId, seq, update);
    this.lastSeq.set(boardId, seq);
    return seq;
  }

  /** This process is the log's only writer, so the caller's doc is a complete snapshot. */
  compact(boardId: string, throughSeq: number, localState: () => Uint8Array): void {
    const snapshot = localState();
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, snapshot, throughSeq);
      this.statements.deleteUpdatesThrough.run(boardId, throughSeq);
    })();
  }

  /** Forgets a board's cached sequence number when its room is unloaded. */
  release(boardId: string): void {
    this.lastSeq.delete(boardId);
  }

  close(): void {
    this.db.close();
  }

  private members(): MemberStatements {
    this.memberStatements ??= prepareMemberStatements(this.db);
    return this.memberStatements;
  }

  private readLastSeq(boardId: string): number {
    const row = this.db
      .prepare<[string, string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM (SELECT MAX(seq) AS seq FROM doc_updates WHERE board_id = ? UNION ALL SELECT through_seq FROM doc_snapshots WHERE board_id = ?)',
      )
      .get(boardId, boardId);
    return row?.seq ?? 0;
  }
}

// The scale-out store: boards and their update logs in PostgreSQL, shared by every node.
// Several nodes append to one board's log at once, so sequence numbers come from the database
// (a row lock on the board), and a compaction builds its snapshot from the rows themselves,
// never from one node's memory, which may still lack another node's latest update.
// Needs PostgreSQL 11 or later (hashtextextended).
import { isRole } from '@interlink/protocol';
import pg from 'pg';
import type { BoardRecord, MemberRecord, Store, StoredDoc } from './types.js';
import { foldSnapshot } from './snapshot.js';

const { Pool } = pg;

/** Where the store reports what it cannot hand back to a caller (idle connection errors...). */
export interface StoreLog {
  error(details: object, message: string): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  facilitator_hash BYTEA NOT NULL,
  participant_hash BYTEA NOT NULL,
  observer_hash BYTEA NOT NULL,
  last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  data BYTEA NOT NULL,
  through_seq BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
  token_hash BYTEA NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS members_by_board ON members (board_id);
`;

/**
 * Two nodes starting at once would race on CREATE TABLE IF NOT EXISTS (it is not atomic in
 * PostgreSQL), so the schema is created under this advisory lock (a two-key lock: its key space
 * never meets the one-key locks that compaction takes per board).
 */
const SCHEMA_LOCK = [0x496e746c, 1] as const;

/**
 * Adding members to one board is serialised across nodes under a two-key advisory lock (this
 * first key, the board id's hash): the member count checked against the cap cannot change
 * before the insert commits. A lock of its own, not the board row's: appends (which update
 * that row) never wait for a member being added. Two boards whose ids hash alike only share
 * the lock, which costs a wait, never a wrong count.
 */
const MEMBERS_LOCK_KEY = 0x496e746d;

/**
 * The next sequence number comes from the board's row, whose lock the UPDATE holds until the
 * statement's implicit transaction commits: appends to one board are serialised across nodes,
 * and seq order is commit order, so once seq N is committed every seq below N is too.
 */
const APPEND = `
WITH next AS (UPDATE boards SET last_seq = last_seq + 1 WHERE id = $1::text RETURNING last_seq)
INSERT INTO doc_updates (board_id, seq, data) SELECT $1::text, last_seq, $2::bytea FROM next RETURNING seq`;

interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  observer_hash: Buffer;
}

interface MemberRow {
  id: string;
  board_id: string;
  role: string;
  token_hash: Buffer;
  created_at: string;
}

const bytes = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export class PostgresStore implements Store {
  /** Compactions still running, so that close() waits for them instead of cutting them off. */
  private readonly running = new Set<Promise<void>>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly log: StoreLog,
  ) {}

  /** Connects and creates the schema if needed (safe to run on every node, at the same time). */
  static async open(databaseUrl: string, log: StoreLog): Promise<PostgresStore> {
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    // Without a listener, an idle connection dropped by the server would crash the process.
    pool.on('error', (error) => log.error({ err: error }, 'idle PostgreSQL connection failed'));
    const store = new PostgresStore(pool, log);
    try {
      await store.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...SCHEMA_LOCK]);
        await client.query(SCHEMA);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void> {
    const { facilitator, participant, observer } = board.tokenHashes;
    await this.transaction(async (client) => {
      await client.query(
        'INSERT INTO boards (id, title, created_at, facilitator_hash, participant_hash, observer_hash, last_seq) VALUES ($1, $2, $3, $4, $5, $6, 1)',
        [board.id, board.title, board.createdAt, bytes(facilitator), bytes(participant), bytes(observer)],
      );
      await client.query('INSERT INTO doc_updates (board_id, seq, data) VALUES ($1, 1, $2)', [board.id, bytes(initialUpdate)]);
    });
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const { rows } = await this.pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      title: row.title,
      createdAt: Number(row.created_at),
      tokenHashes: { facilitator: row.facilitator_hash, participant: row.participant_hash, observer: row.observer_hash },
    };
  }

  async addMember(member: MemberRecord, maxMembers: number): Promise<boolean> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MEMBERS_LOCK_KEY, member.boardId]);
      const { rowCount } = await client.query(
        'INSERT INTO members (id, board_id, role, token_hash, created_at) SELECT $1, $2, $3, $4, $5 WHERE (SELECT count(*) FROM members WHERE board_id = $2) < $6',
        [member.id, member.boardId, member.role, bytes(member.tokenHash), member.createdAt, maxMembers],
      );
      return rowCount === 1;
    });
  }

  async findMember(boardId: string, tokenHash: Uint8Array): Promise<MemberRecord | undefined> {
    const { rows } = await this.pool.query<MemberRow>('SELECT * FROM members WHERE token_hash = $1 AND board_id = $2', [bytes(tokenHash), boardId]);
    const row = rows[0];
    if (!row || !isRole(row.role)) return undefined;
    return { id: row.id, boardId: row.board_id, role: row.role, tokenHash: row.token_hash, createdAt: Number(row.created_at) };
  }

  /** Snapshot and log read in one REPEATABLE READ transaction: a concurrent compaction is seen whole or not at all. */
  async load(boardId: string): Promise<StoredDoc> {
    return this.transaction(async (client) => {
      const snapshot = await client.query<{ data: Buffer; through_seq: string }>(
        'SELECT data, through_seq FROM doc_snapshots WHERE board_id = $1',
        [boardId],
      );
      const updates = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE board_id = $1 ORDER BY seq', [boardId]);
      const snapshotRow = snapshot.rows[0];
      return {
        snapshot: snapshotRow?.data,
        updates: updates.rows.map((row) => row.data),
        lastSeq: Number(updates.rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0),
        logBytes: updates.rows.reduce((sum, row) => sum + row.data.length, 0),
      };
    }, 'ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  }

  /** One statement, hence its own transaction: committed (durable) when the promise resolves. */
  async append(boardId: string, update: Uint8Array): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string }>(APPEND, [boardId, bytes(update)]);
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new Error(`cannot append to board ${boardId}: no such board`);
    return Number(seq);
  }

  /** Builds the snapshot from the rows (see DocStore.compact): the caller's state is not used. */
  compact(boardId: string, throughSeq: number): Promise<void> {
    const run = this.compactFromRows(boardId, throughSeq).finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }

  /** Nothing is cached per board. */
  release(): void {}

  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
    await this.pool.end();
  }

  private async compactFromRows(boardId: string, throughSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      // One compaction per board at a time, across nodes: two interleaved ones could read a
      // snapshot, then find the updates it was built on already deleted by the other. Appends
      // do not take this lock, so they never wait for a compaction.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [boardId]);
      const current = await client.query<{ data: Buffer; through_seq: string }>(
        'SELECT data, through_seq FROM doc_snapshots WHERE board_id = $1',
        [boardId],
      );
      const snapshot = current.rows[0];
      if (snapshot && Number(snapshot.through_seq) >= throughSeq) return;
      const updates = await client.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE board_id = $1 AND seq <= $2 ORDER BY seq', [
        boardId,
        throughSeq,
      ]);
      if (updates.rows.length === 0) return;
      const folded = foldSnapshot(
        snapshot?.data,
        updates.rows.map((row) => row.data),
        (error) => this.log.error({ board: boardId, err: error }, 'stored update could not be applied while compacting'),
      );
      await client.query(
        'INSERT INTO doc_snapshots (board_id, data, through_seq) VALUES ($1, $2, $3) ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq',
        [boardId, bytes(folded), throughSeq],
      );
      await client.query('DELETE FROM doc_updates WHERE board_id = $1 AND seq <= $2', [boardId, throughSeq]);
    });
  }

  private async transaction<T>(body: (client: pg.PoolClient) => Promise<T>, mode = ''): Promise<T> {
    const client = await this.pool.connect();
    // A connection whose ROLLBACK failed is in an unknown state: destroyed, not reused.
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN ${mode}`);
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

// A read-only look into the default SQLite store of a stopped server, to check that compaction
// really ran (the contract says nothing about it: this is the server's own layout, kept in one
// place so that a change of layout breaks one helper, not every test).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './server.js';

interface Statement {
  get(...params: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
  close(): void;
}
type DatabaseConstructor = new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => Database;

export interface StoredLog {
  /** Whether the board has a compacted snapshot. */
  readonly hasSnapshot: boolean;
  /** Updates in the log after the snapshot. */
  readonly logLength: number;
}

/** Reads a board's log shape from `DATA_DIR/interlink.db`; only while no server uses it. */
export function inspectStoredLog(dataDir: string, boardId: string): StoredLog {
  const file = join(dataDir, 'interlink.db');
  if (!existsSync(file)) throw new Error(`no SQLite store at ${file}`);
  // better-sqlite3 is the server's dependency; load it from there.
  const requireFromServer = createRequire(join(repoRoot, 'server/package.json'));
  const Sqlite = requireFromServer('better-sqlite3') as DatabaseConstructor;
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const snapshot = db.prepare('SELECT COUNT(*) AS n FROM doc_snapshots WHERE board_id = ?').get(boardId) as { n: number };
    const updates = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ?').get(boardId) as { n: number };
    return { hasSnapshot: snapshot.n > 0, logLength: updates.n };
  } finally {
    db.close();
  }
}

// Export straight from the server's DATA_DIR: the board's doc is loaded from the embedded SQLite
// store with the server's own persistence module (opened read-only, so this works beside a running
// server thanks to WAL, and can never change what the server stored), migrated in memory when it
// is in an older schema, and rendered with @interlink/export as the API renders it.
// Whoever runs this can read the database file, hence every card in it: no token is asked, and
// confidential cards may be asked for.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXPORT_MAX_SENSITIVITY, exportFormat } from '@interlink/export';
import { migrateBoard, SCHEMA_VERSION, type MigrationResult } from '@interlink/model';
import { foldSnapshot } from '@interlink/server/persistence/snapshot';
import { SQLITE_FILE_NAME, SqliteStore } from '@interlink/server/persistence/sqlite';
import * as Y from 'yjs';
import type { ExportCommand, ExportSource } from './args.js';
import { ExportFailed, messageOf } from './errors.js';

export type DataDirSource = Extract<ExportSource, { readonly kind: 'data-dir' }>;

/** Where the CLI says what it noticed on the way (stderr); the export goes on. */
export type Notify = (message: string) => void;

/** Opens DATA_DIR's database read-only, with a message that helps when --data-dir is wrong. */
function openStore(dir: string): SqliteStore {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ExportFailed(`--data-dir ${dir} is not a directory`);
  const file = join(dir, SQLITE_FILE_NAME);
  if (!existsSync(file)) throw new ExportFailed(`no Interlink database in ${dir} (no ${SQLITE_FILE_NAME}); --data-dir must be the server's DATA_DIR`);
  try {
    return new SqliteStore(dir, SQLITE_FILE_NAME, { readOnly: true });
  } catch (error) {
    throw new ExportFailed(`cannot read ${file}: ${messageOf(error)}`);
  }
}

/**
 * The board's doc as the server would load it: its snapshot and the updates after it, an
 * unreadable update skipped and reported (as the server does), in a doc of this process only.
 */
export function loadBoardDoc(dir: string, boardId: string, notify: Notify): Y.Doc {
  const store = openStore(dir);
  try {
    if (!store.getBoard(boardId)) throw new ExportFailed(`no board with id ${boardId} in ${join(dir, SQLITE_FILE_NAME)}`);
    const stored = store.load(boardId);
    const state = foldSnapshot(stored.snapshot, stored.updates, (error) => notify(`a stored update of board ${boardId} could not be applied and is left out: ${messageOf(error)}`));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  } finally {
    store.close();
  }
}

/** What a migration in memory means for the person running the export. */
function migrationNote(result: MigrationResult): string | undefined {
  switch (result.outcome) {
    case 'migrated':
      return `the board is stored in schema ${result.from}; exported after migrating it to ${result.to} in memory (the stored board is unchanged; the server migrates it when it next loads it)`;
    case 'newer':
      return `the board was written by a newer version (schema ${result.version}; this one reads ${SCHEMA_VERSION}): exported as far as this version understands it`;
    case 'unreadable':
      return `the board's schema (${JSON.stringify(result.schema)}) is no version this one knows: exported unmigrated`;
    case 'current':
    case 'new':
      return undefined;
  }
}

/** Renders the board from DATA_DIR. Throws ExportFailed. */
export async function exportFromDataDir(command: ExportCommand, source: DataDirSource, notify: Notify): Promise<string | Uint8Array> {
  const doc = loadBoardDoc(source.dir, command.board, notify);
  try {
    // The doc is this process's own copy: migrating it writes nothing anywhere.
    const note = migrationNote(migrateBoard(doc));
    if (note) notify(note);
    return await exportFormat(command.format).render(doc, {
      maxSensitivity: command.maxSensitivity ?? DEFAULT_EXPORT_MAX_SENSITIVITY,
      generatedAt: Date.now(),
      ...command.layout,
    });
  } finally {
    doc.destroy();
  }
}

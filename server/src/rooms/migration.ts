// Brings a board loaded from the store up to this version's schema before anyone is served from
// it (see packages/model/src/migrate.ts). The migration reaches the room's doc as one update with
// its own origin, so the room appends it to the store exactly as it appends a client's update
// (and, in scale-out mode, publishes it to the other nodes); the load waits until it is on disk.
import { SCHEMA_VERSION, migrateBoard, readSchemaVersion, type MigrationResult } from '@interlink/model';
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import type { Room } from './room.js';

/** Not a connection: relaying it skips nobody (and nobody is connected yet anyway). */
export const MIGRATION_ORIGIN = Symbol('migration');

/**
 * Migrates a scratch copy first: a migration that threw halfway through the room's own doc would
 * still have its half-done transaction appended to the store. Only what a complete migration
 * wrote is applied to the room. Boards already at SCHEMA_VERSION (nearly all) skip the copy.
 */
function migrateThroughCopy(doc: Y.Doc): MigrationResult {
  const version = readSchemaVersion(doc);
  if (version === SCHEMA_VERSION) return { outcome: 'current', version };
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const result = migrateBoard(scratch);
    if (result.outcome === 'migrated') {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)), MIGRATION_ORIGIN);
    }
    return result;
  } finally {
    scratch.destroy();
  }
}

/** Migrates a freshly loaded room and waits until the migration is stored. Throws if it could not be. */
export async function migrateLoadedRoom(room: Room, log: FastifyBaseLogger): Promise<MigrationResult> {
  const result = migrateThroughCopy(room.doc);
  switch (result.outcome) {
    case 'migrated':
      await room.flushed();
      if (room.hasFailed) throw new Error(`board ${room.boardId}: the migration could not be stored`);
      log.info({ board: room.boardId, from: result.from, to: result.to, steps: result.steps }, 'board migrated');
      break;
    case 'newer':
      // Served as it is: the tolerant reader shows what it knows, and nothing is downgraded.
      log.warn({ board: room.boardId, schema: result.version, supported: SCHEMA_VERSION }, 'board written by a newer version');
      break;
    case 'unreadable':
      log.warn({ board: room.boardId, schema: result.schema }, 'board schema unreadable; served unmigrated');
      break;
    case 'current':
    case 'new':
      break;
  }
  return result;
}

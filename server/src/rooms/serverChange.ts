// A change the server itself makes to a loaded board (an import), applied the way a migration is
// (see migration.ts): made on a scratch copy of the doc first, so that a change that threw halfway
// leaves the board untouched; then only what it wrote reaches the room's doc, as ONE update with
// the caller's origin, which the room appends to the store before it relays it to the people
// connected (and, in scale-out mode, publishes it to the other nodes), as it does a client's.
import * as Y from 'yjs';
import type { Room } from './room.js';

export class RoomUnavailableError extends Error {
  override readonly name = 'RoomUnavailableError';
}

/** Runs `change` against a copy of the room's doc, applies what it wrote, and waits until that is on disk. */
export async function applyServerChange<T>(room: Room, change: (doc: Y.Doc) => T, origin: symbol): Promise<T> {
  if (room.hasFailed) throw new RoomUnavailableError(`board ${room.boardId} is reloading`);
  const scratch = new Y.Doc();
  let result: T;
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
    result = change(scratch);
    // Nothing runs between the copy and this (no await): the diff is exactly what `change` wrote.
    const written = Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(room.doc));
    Y.applyUpdate(room.doc, written, origin);
  } finally {
    scratch.destroy();
  }
  await room.flushed();
  if (room.hasFailed) throw new RoomUnavailableError(`board ${room.boardId}: the change could not be stored`);
  return result;
}

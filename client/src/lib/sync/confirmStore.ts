// Where the list of unconfirmed changes waits across a reload: localStorage, one key per board
// and member (an observer identity of the same board in this browser has its own, empty list;
// the edits themselves are in IndexedDB, see offlineStore.ts). Storage may be missing or throw:
// the count then starts from zero after a reload, the edits are still sent.
import { parseChanges, serializeChanges, type PendingChange } from './confirmLog.js';

const KEY_PREFIX = 'interlink.unconfirmed.v1';

/** What every such key of one board starts with, whatever the member: forgetting the board removes them all. */
export function boardPendingKeyPrefix(boardId: string): string {
  return `${KEY_PREFIX}:${boardId}:`;
}

export function pendingStorageKey(boardId: string, memberId: string | undefined): string {
  return `${boardPendingKeyPrefix(boardId)}${memberId ?? 'no-member'}`;
}

export function loadPendingChanges(storage: Pick<Storage, 'getItem'> | undefined, key: string): PendingChange[] {
  try {
    return parseChanges(storage?.getItem(key) ?? null);
  } catch {
    return [];
  }
}

/** An empty list removes the key: nothing of this board stays behind once all is confirmed. */
export function savePendingChanges(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, key: string, changes: readonly PendingChange[]): void {
  try {
    if (changes.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, serializeChanges(changes));
  } catch {
    // Full or blocked: the count is lost on a reload, nothing else.
  }
}

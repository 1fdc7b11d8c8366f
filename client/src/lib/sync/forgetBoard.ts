// "Forget this board on this device". On a shared computer in a field office, the board page
// leaves the whole board in the browser (IndexedDB, confidential cards included), the member
// identity of each share link used, the list of unconfirmed changes and the last typed name
// (DOMAIN.md, "Safety of participants"). This removes all of it, and only from this browser:
// the board stays on the server for everyone else.
//
// The order matters. The live session ends first (socket closed, its IndexedDB connection and
// save timers stopped), or it would write back what is removed here. Other tabs of this browser
// with the same board open are told (BroadcastChannel) and forget it too: their open database
// would hold the deletion back, and their sessions would write keys back on the way out.
import { boardPendingKeyPrefix } from './confirmStore.js';
import { NAME_KEY } from './identity.js';
import { boardMemberKeyPrefix } from './memberStore.js';
import { offlineDatabaseName } from './offlineStore.js';

type KeyLister = Pick<Storage, 'length' | 'key'>;
export type ForgettingStorage = Pick<Storage, 'length' | 'key' | 'removeItem'>;
type DatabaseFactory = Pick<IDBFactory, 'deleteDatabase'>;

/**
 * How long to wait for another tab to close the board's database before reporting the deletion
 * as unfinished. Tabs of this app close theirs at once when told; the wait covers a slow one.
 */
export const BLOCKED_WAIT_MS = 5_000;

/**
 * What became of the board's IndexedDB copy: deleted (or there was none to delete, as where
 * IndexedDB is unavailable); `blocked` while another tab keeps it open (the browser deletes it
 * as soon as that tab closes it: the request stays queued); `failed` when the browser refused.
 */
export type DatabaseDeletion = 'deleted' | 'unavailable' | 'blocked' | 'failed';

export interface ForgetOutcome {
  readonly database: DatabaseDeletion;
  /** False when localStorage refused to remove a key of the board (it then may still hold it). */
  readonly storageCleared: boolean;
}

/** True when nothing of the board is left in this browser. */
export function forgottenCompletely(outcome: ForgetOutcome): boolean {
  return outcome.storageCleared && (outcome.database === 'deleted' || outcome.database === 'unavailable');
}

/** The localStorage keys this app keeps for one board: member records of any of its links, lists of unconfirmed changes. */
export function boardStorageKeys(storage: KeyLister, boardId: string): string[] {
  const prefixes = [boardMemberKeyPrefix(boardId), boardPendingKeyPrefix(boardId)];
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key !== null && prefixes.some((prefix) => key.startsWith(prefix))) keys.push(key);
  }
  return keys;
}

/**
 * Removes the board's keys and the remembered display name (on a shared computer the next
 * person must not be offered it). True when none of them is left; false when storage refused.
 * Missing storage held nothing: true.
 */
export function forgetBoardStorage(storage: ForgettingStorage | undefined, boardId: string): boolean {
  if (!storage) return true;
  try {
    // Listed first, then removed: removing while walking the indices would skip keys.
    for (const key of boardStorageKeys(storage, boardId)) storage.removeItem(key);
    storage.removeItem(NAME_KEY);
    return boardStorageKeys(storage, boardId).length === 0;
  } catch {
    return false;
  }
}

/**
 * Deletes the board's IndexedDB database. The board's own session must have closed its
 * connection first (BoardSession.destroy() resolves then); another tab's open connection blocks
 * the deletion until that tab closes it, for up to `blockedWaitMs` here.
 */
export function deleteOfflineCopy(boardId: string, factory: DatabaseFactory | undefined, blockedWaitMs = BLOCKED_WAIT_MS): Promise<DatabaseDeletion> {
  if (!factory) return Promise.resolve('unavailable');
  return new Promise<DatabaseDeletion>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: DatabaseDeletion): void => {
      clearTimeout(timer);
      resolve(result);
    };
    try {
      const request = factory.deleteDatabase(offlineDatabaseName(boardId));
      request.onsuccess = () => finish('deleted');
      request.onerror = () => finish('failed');
      // Still queued: `success` follows if the other tab closes its connection in time.
      request.onblocked = () => {
        timer ??= setTimeout(() => finish('blocked'), blockedWaitMs);
      };
    } catch {
      // A SecurityError where storage is disabled: there was no database either.
      finish('unavailable');
    }
  });
}

/** The page's IndexedDB; reading it throws where storage is disabled (then there is none). */
function browserIndexedDB(): DatabaseFactory | undefined {
  try {
    return globalThis.indexedDB;
  } catch {
    return undefined;
  }
}

const CHANNEL = 'interlink.forget.v1';

interface ForgetMessage {
  readonly boardId: string;
}

function isForgetMessage(value: unknown): value is ForgetMessage {
  return typeof value === 'object' && value !== null && typeof (value as { boardId?: unknown }).boardId === 'string';
}

/** Tells this browser's other tabs that the board was forgotten here. */
export function announceForgotten(boardId: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  // Delivered even though the channel closes at once: messages are queued when posted.
  channel.postMessage({ boardId } satisfies ForgetMessage);
  channel.close();
}

/** Calls `listener` when another tab of this browser forgets `boardId`; returns the function that stops listening. */
export function onForgottenElsewhere(boardId: string, listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isForgetMessage(event.data) && event.data.boardId === boardId) listener();
  };
  return () => channel.close();
}

export interface ForgetOptions {
  readonly boardId: string;
  readonly storage: ForgettingStorage | undefined;
  /** Ends this page's live session, if any; resolves once its database connection is closed. */
  readonly endSession: () => Promise<void>;
  /** False when another tab told us: it has told every tab already. */
  readonly announce: boolean;
  readonly indexedDB?: DatabaseFactory | undefined;
  readonly blockedWaitMs?: number;
}

/** Ends the session, tells the other tabs, removes the board's keys and its database. Never rejects. */
export async function forgetBoard(options: ForgetOptions): Promise<ForgetOutcome> {
  const { boardId, storage } = options;
  try {
    await options.endSession();
  } catch {
    // A session that failed to end cleanly must not keep the board on the device: remove anyway.
  }
  if (options.announce) announceForgotten(boardId);
  // The keys at once: should the person close the window while the database is being deleted,
  // at least their identity for the board is gone.
  forgetBoardStorage(storage, boardId);
  const factory = 'indexedDB' in options ? options.indexedDB : browserIndexedDB();
  const database = await deleteOfflineCopy(boardId, factory, options.blockedWaitMs);
  // Again: another tab told to forget the board may have saved its list of unconfirmed changes
  // on its way out, after the first pass.
  const storageCleared = forgetBoardStorage(storage, boardId);
  return { database, storageCleared };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { pendingStorageKey, savePendingChanges } from './confirmStore.js';
import {
  boardStorageKeys,
  deleteOfflineCopy,
  forgetBoard,
  forgetBoardStorage,
  forgottenCompletely,
  onForgottenElsewhere,
  announceForgotten,
} from './forgetBoard.js';
import { rememberName, rememberedName } from './identity.js';
import { memberStorageKey, saveMember, type StoredMember } from './memberStore.js';
import { MemoryStorage } from '../testing/memoryStorage.js';


/** Storage that lists keys but refuses to remove them. */
class StubbornStorage extends MemoryStorage {
  override removeItem(): void {
    throw new Error('SecurityError');
  }
}

const member: StoredMember = { memberId: 'm-1', token: 'personal', role: 'participant', title: 'Confidential workshop', name: 'Amina' };
const change = { client: 1, clock: 0, deletes: false, weight: 1 };

/** What a browser holds after using board-1 through two links, board-10 (its id starts the same) and board-2. */
function usedBrowser(): MemoryStorage {
  const storage = new MemoryStorage();
  saveMember(storage, 'board-1', 'participant-link', member);
  saveMember(storage, 'board-1', 'facilitator-link', { ...member, memberId: 'm-2', role: 'facilitator' });
  savePendingChanges(storage, pendingStorageKey('board-1', 'm-1'), [change]);
  savePendingChanges(storage, pendingStorageKey('board-1', undefined), [change]);
  saveMember(storage, 'board-10', 'participant-link', { ...member, memberId: 'm-10' });
  savePendingChanges(storage, pendingStorageKey('board-10', 'm-10'), [change]);
  saveMember(storage, 'board-2', 'participant-link', { ...member, memberId: 'm-3' });
  rememberName(storage, 'Amina');
  storage.setItem('unrelated', 'kept');
  return storage;
}

describe('the board’s keys in localStorage', () => {
  it('are the member records of every link and the unconfirmed lists of every member, of that board only', () => {
    const storage = usedBrowser();
    expect(boardStorageKeys(storage, 'board-1').sort()).toEqual(
      [
        memberStorageKey('board-1', 'facilitator-link'),
        memberStorageKey('board-1', 'participant-link'),
        pendingStorageKey('board-1', 'm-1'),
        pendingStorageKey('board-1', undefined),
      ].sort(),
    );
    expect(boardStorageKeys(storage, 'board-10')).toHaveLength(2);
    expect(boardStorageKeys(storage, 'board-3')).toEqual([]);
  });

  it('are all removed with the remembered name; other boards and other keys stay', () => {
    const storage = usedBrowser();
    const before = [...storage.items.keys()];
    expect(forgetBoardStorage(storage, 'board-1')).toBe(true);
    expect(boardStorageKeys(storage, 'board-1')).toEqual([]);
    expect(rememberedName(storage)).toBeUndefined();
    expect([...storage.items.keys()].sort()).toEqual(
      before.filter((key) => !key.includes(':board-1:') && key !== 'interlink.displayName').sort(),
    );
    expect(boardStorageKeys(storage, 'board-10')).toHaveLength(2);
    expect(storage.getItem('unrelated')).toBe('kept');
  });

  it('says so when storage refuses to remove them, and holds nothing to remove when there is no storage', () => {
    const stubborn = new StubbornStorage();
    saveMember(stubborn, 'board-1', 'participant-link', member);
    expect(forgetBoardStorage(stubborn, 'board-1')).toBe(false);
    expect(forgetBoardStorage(undefined, 'board-1')).toBe(true);
  });
});

type Handler = ((event: Event) => void) | null;

/** An IDBFactory's deleteDatabase whose request the test answers. */
class FakeDatabases {
  readonly deleted: string[] = [];
  request: { onsuccess: Handler; onerror: Handler; onblocked: Handler } | undefined;
  throws = false;

  deleteDatabase = (name: string): IDBOpenDBRequest => {
    if (this.throws) throw new Error('SecurityError');
    this.deleted.push(name);
    this.request = { onsuccess: null, onerror: null, onblocked: null };
    return this.request as unknown as IDBOpenDBRequest;
  };

  answer(kind: 'onsuccess' | 'onerror' | 'onblocked'): void {
    this.request?.[kind]?.(new Event(kind.slice(2)));
  }
}

describe('deleting the board’s IndexedDB copy', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('deletes the database of that board', async () => {
    const databases = new FakeDatabases();
    const result = deleteOfflineCopy('board-1', databases);
    databases.answer('onsuccess');
    expect(await result).toBe('deleted');
    expect(databases.deleted).toEqual(['interlink-board-board-1']);
  });

  it('waits for another tab to close it, and reports it blocked when that does not happen in time', async () => {
    vi.useFakeTimers();
    const databases = new FakeDatabases();
    const closedInTime = deleteOfflineCopy('board-1', databases, 1_000);
    databases.answer('onblocked');
    await vi.advanceTimersByTimeAsync(900);
    databases.answer('onsuccess');
    expect(await closedInTime).toBe('deleted');

    const heldOpen = deleteOfflineCopy('board-1', databases, 1_000);
    databases.answer('onblocked');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await heldOpen).toBe('blocked');
  });

  it('reports a refusal, and no IndexedDB as nothing to delete', async () => {
    const databases = new FakeDatabases();
    const refused = deleteOfflineCopy('board-1', databases);
    databases.answer('onerror');
    expect(await refused).toBe('failed');
    databases.throws = true;
    expect(await deleteOfflineCopy('board-1', databases)).toBe('unavailable');
    expect(await deleteOfflineCopy('board-1', undefined)).toBe('unavailable');
  });
});

describe('forgetting a board', () => {
  it('ends the session before removing anything, so that nothing it writes on its way out stays', async () => {
    const storage = usedBrowser();
    const databases = new FakeDatabases();
    const steps: string[] = [];
    const deleteDatabase = databases.deleteDatabase;
    databases.deleteDatabase = (name) => {
      steps.push('delete database');
      const request = deleteDatabase(name);
      queueMicrotask(() => databases.answer('onsuccess'));
      return request;
    };
    const outcome = await forgetBoard({
      boardId: 'board-1',
      storage,
      announce: false,
      indexedDB: databases,
      endSession: async () => {
        steps.push(`end session with ${boardStorageKeys(storage, 'board-1').length} keys`);
        // As Confirmations.destroy() does: the unconfirmed list is saved when the session ends.
        savePendingChanges(storage, pendingStorageKey('board-1', 'm-1'), [change, { ...change, clock: 1 }]);
      },
    });
    expect(steps).toEqual(['end session with 4 keys', 'delete database']);
    expect(outcome).toEqual({ database: 'deleted', storageCleared: true });
    expect(forgottenCompletely(outcome)).toBe(true);
    expect(boardStorageKeys(storage, 'board-1')).toEqual([]);
    expect(rememberedName(storage)).toBeUndefined();
  });

  it('removes everything even when the session fails to end cleanly', async () => {
    const storage = usedBrowser();
    const outcome = await forgetBoard({
      boardId: 'board-1',
      storage,
      announce: false,
      indexedDB: undefined,
      endSession: () => Promise.reject(new Error('socket already gone')),
    });
    expect(outcome).toEqual({ database: 'unavailable', storageCleared: true });
    expect(boardStorageKeys(storage, 'board-1')).toEqual([]);
  });

  it('is complete only when both the database and the keys are gone', () => {
    expect(forgottenCompletely({ database: 'unavailable', storageCleared: true })).toBe(true);
    expect(forgottenCompletely({ database: 'blocked', storageCleared: true })).toBe(false);
    expect(forgottenCompletely({ database: 'failed', storageCleared: true })).toBe(false);
    expect(forgottenCompletely({ database: 'deleted', storageCleared: false })).toBe(false);
  });

  it('tells the other tabs that have this board open, and only those', async () => {
    let calls = 0;
    let stop = (): void => {};
    const heard = new Promise<void>((resolve) => {
      stop = onForgottenElsewhere('board-1', () => {
        calls += 1;
        resolve();
      });
    });
    // One channel receives in the order sent: had board-3's message been taken for ours, it came first.
    announceForgotten('board-3');
    announceForgotten('board-1');
    await heard;
    stop();
    expect(calls).toBe(1);
  });
});

// Keeps the board's Y.Doc in the browser (y-indexeddb), one database per board: edits made
// offline survive a reload and are sent when the connection returns, and a board opens with
// what this browser last saw before the server has answered.
//
// IndexedDB can be missing or refuse (some private modes, storage disabled, quota): the board
// then works online only, as before. y-indexeddb does not report a failed open (its promise
// rejects unhandled), so a throwaway database is opened first to learn whether IndexedDB works.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

const CHECK_DATABASE = 'interlink-idb-check';
/** A board whose data takes longer than this to load is opened anyway; the load goes on behind. */
const LOAD_TIMEOUT_MS = 5_000;

export function offlineDatabaseName(boardId: string): string {
  return `interlink-board-${boardId}`;
}

let usable: Promise<boolean> | undefined;

/** Whether IndexedDB opens a database here; asked once per page. */
function indexedDbUsable(): Promise<boolean> {
  usable ??= new Promise<boolean>((resolve) => {
    try {
      const factory = globalThis.indexedDB;
      if (!factory) return resolve(false);
      const request = factory.open(CHECK_DATABASE);
      request.onsuccess = () => {
        request.result.close();
        resolve(true);
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
  return usable;
}

export class OfflineStore {
  /**
   * Resolves once the stored board is in the document (true), or when there is none to wait
   * for: no IndexedDB, or it took too long (false). Never rejects.
   */
  readonly loaded: Promise<boolean>;
  #persistence: IndexeddbPersistence | undefined;
  #destroyed = false;

  constructor(doc: Y.Doc, boardId: string) {
    this.loaded = indexedDbUsable().then((ok) => {
      if (!ok || this.#destroyed) return false;
      // Its updates are applied with the persistence as origin and `local` false: they are
      // neither in this person's undo history nor counted as their unconfirmed changes.
      const persistence = new IndexeddbPersistence(offlineDatabaseName(boardId), doc);
      this.#persistence = persistence;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
        void persistence.whenSynced.then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    });
  }

  /**
   * Stops writing the document to IndexedDB. Resolves once the database connection is closed:
   * forgetting the board (forgetBoard.ts) deletes the database then, and an open connection
   * would hold the deletion back.
   */
  destroy(): Promise<void> {
    this.#destroyed = true;
    const closed = this.#persistence?.destroy() ?? Promise.resolve();
    this.#persistence = undefined;
    return closed;
  }
}

// The number of this person's changes the server has not yet confirmed, as a rune for the
// status indicator, and the list behind it kept in localStorage so that it survives an offline
// reload (confirmTracker.ts does the counting, confirmStore.ts the storing).
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { loadPendingChanges, savePendingChanges } from './confirmStore.js';
import { ConfirmTracker } from './confirmTracker.js';

/** Typing changes the list at every key: write it at most this often, and on leaving the page. */
const SAVE_DELAY_MS = 250;

export interface ConfirmationOptions {
  readonly storage: Storage | undefined;
  /** confirmStore.pendingStorageKey(board, member). */
  readonly storageKey: string;
}

export class Confirmations {
  /** Changes made here that the server has not confirmed as stored. */
  count = $state(0);
  readonly #tracker: ConfirmTracker;
  readonly #options: ConfirmationOptions;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Y.Doc, provider: WebsocketProvider, options: ConfirmationOptions) {
    this.#options = options;
    this.#tracker = new ConfirmTracker(doc, provider, {
      restored: loadPendingChanges(options.storage, options.storageKey),
      onChange: (log) => {
        const wasZero = this.count === 0;
        this.count = log.count;
        // The first unsaved change and the last confirmation are written at once: a reload
        // right after either must find them.
        if (wasZero !== (log.count === 0)) this.#save();
        else this.#scheduleSave();
      },
    });
    this.count = this.#tracker.count;
    globalThis.addEventListener?.('pagehide', this.#save);
    globalThis.document?.addEventListener('visibilitychange', this.#save);
  }

  destroy(): void {
    this.#save();
    globalThis.removeEventListener?.('pagehide', this.#save);
    globalThis.document?.removeEventListener('visibilitychange', this.#save);
    this.#tracker.destroy();
  }

  #scheduleSave(): void {
    this.#saveTimer ??= setTimeout(this.#save, SAVE_DELAY_MS);
  }

  readonly #save = (): void => {
    if (this.#saveTimer !== undefined) clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    savePendingChanges(this.#options.storage, this.#options.storageKey, this.#tracker.log.changes);
  };
}

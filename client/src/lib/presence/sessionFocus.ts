// The facilitator's "bring everyone here" (CONTRACT.md section 6, `session.focus`): pressing it
// writes the facilitator's view as the focus; every other client moves there when the focus
// changes, and a client that joins while a focus is set moves there once, after its first sync
// (not from what an offline copy of the board remembered, which may be long out of date).
//
// The write carries an origin of its own, which the undo manager does not track: bringing
// everyone somewhere is an act of facilitation, not an edit of the board, and an Undo that
// silently re-sent everyone to a previous place would be a surprise for the whole room.
import { focusChanged, readFocus, setFocus, type Focus } from '@interlink/model';
import type * as Y from 'yjs';
import { LocalOrigin } from '../sync/localOrigin.js';

/** The origin of session writes made from this browser: not an undoable edit (see above). */
export const SESSION_ORIGIN = new LocalOrigin('interlink-session');

/** The part of the provider this needs: whether the first sync is done, and when it is. */
export interface SyncSignal {
  readonly synced: boolean;
  on(event: 'sync', listener: (synced: boolean) => void): void;
  off(event: 'sync', listener: (synced: boolean) => void): void;
}

export type FocusArrival = 'joined' | 'changed';

export interface SessionFocusOptions {
  readonly doc: Y.Doc;
  readonly sync: SyncSignal;
  /** Move this person's view to the focus; `joined`: the focus set before they came. */
  readonly apply: (focus: Focus, arrival: FocusArrival) => void;
}

export class SessionFocus {
  readonly #doc: Y.Doc;
  readonly #sync: SyncSignal;
  readonly #apply: SessionFocusOptions['apply'];
  readonly #session: Y.Map<unknown>;
  #ready = false;

  constructor(options: SessionFocusOptions) {
    this.#doc = options.doc;
    this.#sync = options.sync;
    this.#apply = options.apply;
    this.#session = options.doc.getMap('session');
    this.#session.observe(this.#onSession);
    if (options.sync.synced) this.#onSync(true);
    else options.sync.on('sync', this.#onSync);
  }

  /** Asks everyone to look at `focus` (the facilitator's view); answers whether it was written. */
  bring(focus: Focus): boolean {
    return setFocus(this.#doc, focus, SESSION_ORIGIN);
  }

  destroy(): void {
    this.#session.unobserve(this.#onSession);
    this.#sync.off('sync', this.#onSync);
  }

  #onSync = (synced: boolean): void => {
    if (!synced || this.#ready) return;
    this.#ready = true;
    this.#sync.off('sync', this.#onSync);
    const focus = readFocus(this.#doc);
    if (focus) this.#apply(focus, 'joined');
  };

  #onSession = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void => {
    // Before the first sync this is the board arriving (or an offline copy): the sync handles it.
    // Our own press: the facilitator is already where they brought everyone.
    if (!this.#ready || transaction.local || !focusChanged(event.keysChanged)) return;
    const focus = readFocus(this.#doc);
    if (focus) this.#apply(focus, 'changed');
  };
}

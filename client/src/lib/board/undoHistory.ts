// One person's undo history on a shared board: a Y.UndoManager that tracks only this browser's
// origin, so Ctrl+Z takes back what this person did and never a peer's change, even one made
// in between (Yjs undoes by reverting exactly the captured insertions and deletions).
//
// What counts as one step: every change made within `captureTimeout` of the previous one joins
// it (a burst of typing, the ~30 updates a second a drag sends), and `checkpoint()` ends a step
// early (a gesture's start and end, a new command). `hold()` keeps one step open through pauses
// (a drag held still for a second is still one drag). The merge decision is ours, made with an
// injectable clock, because Yjs reads the wall clock through a reference tests cannot move.
import { boardMaps } from '@interlink/model';
import * as Y from 'yjs';

export interface UndoOptions {
  /** Changes closer together than this join one step. */
  readonly captureTimeout?: number;
  readonly now?: () => number;
}

/** Long enough to join a typing burst or a drag's throttled updates, short enough to split commands. */
export const DEFAULT_CAPTURE_TIMEOUT_MS = 500;

export class UndoHistory {
  readonly #manager: Y.UndoManager;
  readonly #origin: unknown;
  readonly #timeout: number;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  /** When this person last changed the board; 0 after a checkpoint. */
  #last = 0;
  #holds = 0;

  constructor(doc: Y.Doc, origin: unknown, options: UndoOptions = {}) {
    this.#origin = origin;
    this.#timeout = options.captureTimeout ?? DEFAULT_CAPTURE_TIMEOUT_MS;
    this.#now = options.now ?? Date.now;
    const { meta, items, links } = boardMaps(doc);
    this.#manager = new Y.UndoManager([items, links, meta], {
      trackedOrigins: new Set([origin]),
      // Never merge by Yjs' own clock: #capture below decides, just before Yjs looks.
      captureTimeout: Number.POSITIVE_INFINITY,
      captureTransaction: (transaction) => this.#capture(transaction),
    });
    const changed = (): void => this.#emit();
    this.#manager.on('stack-item-added', changed);
    this.#manager.on('stack-item-popped', changed);
    this.#manager.on('stack-cleared', changed);
  }

  get canUndo(): boolean {
    return this.#manager.canUndo();
  }

  get canRedo(): boolean {
    return this.#manager.canRedo();
  }

  /** Takes back this person's last step; answers whether there was one. */
  undo(): boolean {
    this.checkpoint();
    return this.#manager.undo() !== null;
  }

  redo(): boolean {
    this.checkpoint();
    return this.#manager.redo() !== null;
  }

  /** The next change starts a new step (call at a gesture's start and end). */
  checkpoint(): void {
    this.#last = 0;
    this.#manager.stopCapturing();
  }

  /**
   * Keeps everything until the returned release is called in one step, however long the pauses
   * (a drag, a resize). Releasing twice is harmless; overlapping holds end with the last release.
   */
  hold(): () => void {
    this.checkpoint();
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds--;
      this.checkpoint();
    };
  }

  /** Called on every (un)done or added step, e.g. to update the Undo and Redo buttons. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    this.#listeners.clear();
    this.#manager.destroy();
  }

  #capture(transaction: Y.Transaction): boolean {
    if (transaction.origin !== this.#origin) return true;
    const now = this.#now();
    if (this.#holds === 0 && now - this.#last >= this.#timeout) this.#manager.stopCapturing();
    this.#last = now;
    return true;
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

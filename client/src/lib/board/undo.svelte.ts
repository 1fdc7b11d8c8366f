// The undo history as runes, for the Undo and Redo buttons and the shortcuts; the history
// itself (what is tracked, what one step is) lives in undoHistory.ts.
import type * as Y from 'yjs';
import { UndoHistory, type UndoOptions } from './undoHistory.js';

export class Undo {
  canUndo = $state(false);
  canRedo = $state(false);
  readonly #history: UndoHistory;

  constructor(doc: Y.Doc, origin: unknown, options?: UndoOptions) {
    this.#history = new UndoHistory(doc, origin, options);
    this.#history.subscribe(() => {
      this.canUndo = this.#history.canUndo;
      this.canRedo = this.#history.canRedo;
    });
  }

  undo(): boolean {
    return this.#history.undo();
  }

  redo(): boolean {
    return this.#history.redo();
  }

  /** The next change starts a new undo step: call it at a gesture's start and end. */
  checkpoint(): void {
    this.#history.checkpoint();
  }

  /** Keeps one step open until the answer is called, through any pause (see UndoHistory.hold). */
  hold(): () => void {
    return this.#history.hold();
  }

  destroy(): void {
    this.#history.destroy();
  }
}

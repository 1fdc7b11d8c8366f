// The cards this person has selected: what a finding in the Analysis panel points at now, and
// what the canvas editor will act on (move, delete, link) later. Local to this browser, never
// part of the shared document. The set is replaced on every change, never mutated, so that
// views can compare the old and new set and redraw only the cards whose state changed.
import type { ItemId } from '@interlink/model';
import { sameMembers } from '../util/sets.js';

const NONE: ReadonlySet<ItemId> = new Set();

export class Selection {
  #ids = $state.raw<ReadonlySet<ItemId>>(NONE);

  get ids(): ReadonlySet<ItemId> {
    return this.#ids;
  }

  get size(): number {
    return this.#ids.size;
  }

  has(id: ItemId): boolean {
    return this.#ids.has(id);
  }

  /** Replaces the selection; selecting what is already selected changes nothing (no redraw). */
  select(ids: Iterable<ItemId>): void {
    const next = new Set(ids);
    if (!sameMembers(next, this.#ids)) this.#ids = next.size === 0 ? NONE : next;
  }

  clear(): void {
    if (this.#ids.size > 0) this.#ids = NONE;
  }

  /** Drops cards that left the board (deleted by someone), keeping the rest selected. */
  forget(ids: Iterable<ItemId>): void {
    const gone = [...ids].filter((id) => this.#ids.has(id));
    if (gone.length === 0) return;
    const next = new Set(this.#ids);
    for (const id of gone) next.delete(id);
    this.#ids = next.size === 0 ? NONE : next;
  }
}

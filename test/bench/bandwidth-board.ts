// The board the bandwidth benchmark joins: the first cards of the canvas benchmark's seeded
// board (every kind, with its fields, realistic texts, authors, sensitivity) and the links among
// them, written as a workshop leaves it: many model commands per transaction.
import * as Y from 'yjs';
import { addItem, linkItems, type ItemId, type NewItem, type NewLink } from '@interlink/model';
import { planBoard } from './canvas-fixture.js';

export interface BoardFixture {
  /** The updates that write the board, in order. */
  readonly updates: readonly Uint8Array[];
  readonly cardIds: readonly ItemId[];
  readonly links: number;
  /** The whole board as one update (what a join's sync step 2 carries). */
  readonly encodedBytes: number;
}

export function boardFixture(cardCount: number, perTransaction: number): BoardFixture {
  const plan = planBoard();
  const cards: (NewItem & { id: ItemId })[] = plan.items.filter((item) => item.kind !== 'frame').slice(0, cardCount);
  const ids = new Set<string>(cards.map((card) => card.id));
  const links: NewLink[] = plan.links.filter((link) => ids.has(link.from) && ids.has(link.to));
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let start = 0; start < cards.length; start += perTransaction) {
    doc.transact(() => cards.slice(start, start + perTransaction).forEach((card) => addItem(doc, card)));
  }
  for (let start = 0; start < links.length; start += perTransaction) {
    doc.transact(() => links.slice(start, start + perTransaction).forEach((link) => linkItems(doc, link)));
  }
  const encodedBytes = Y.encodeStateAsUpdate(doc).length;
  doc.destroy();
  return { updates, cardIds: cards.map((card) => card.id), links: links.length, encodedBytes };
}

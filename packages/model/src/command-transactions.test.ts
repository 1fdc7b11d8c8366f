// Every command, run against a board that also holds a newer client's data, must: run as exactly
// one transaction carrying the caller's origin, be undone as one step by an UndoManager that
// tracks that origin, and leave the data it does not know untouched.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  deleteItems,
  linkItems,
  moveItems,
  setItemText,
  unlink,
  updateItem,
  updateLink,
} from './commands.js';
import { boardMaps, initBoard } from './document.js';
import { readBoard } from './read.js';
import { normalizeBoard } from './testing/normalize.js';
import { seedBoard, unknownData, type SeededBoard } from './testing/seed.js';
import { recordTransactions } from './testing/transactions.js';

interface CommandCase {
  readonly name: string;
  readonly run: (doc: Y.Doc, board: SeededBoard, origin: unknown) => void;
}

const CASES: readonly CommandCase[] = [
  { name: 'initBoard', run: (doc, _b, origin) => initBoard(doc, 'Renamed', origin) },
  { name: 'addItem', run: (doc, _b, origin) => void addItem(doc, { kind: 'capacity', x: 1, y: 2, text: 'Savings groups', dimensions: ['economic'] }, origin) },
  { name: 'updateItem (set) on an unknown kind', run: (doc, b, origin) => void updateItem(doc, b.future, { color: '#f00', x: 5 }, origin) },
  { name: 'updateItem (null removes)', run: (doc, b, origin) => void updateItem(doc, b.threat, { severity: null, color: null, x: 9 }, origin) },
  { name: 'setItemText on an unknown kind', run: (doc, b, origin) => void setItemText(doc, b.future, 'Rewritten', origin) },
  { name: 'moveItems', run: (doc, b, origin) => moveItems(doc, [{ id: b.threat, x: 7, y: 8 }, { id: b.future, x: -1, y: -2 }], origin) },
  { name: 'deleteItems', run: (doc, b, origin) => deleteItems(doc, [b.response], origin) },
  { name: 'linkItems from an unknown kind', run: (doc, b, origin) => void linkItems(doc, { kind: 'relates', from: b.future, to: b.response }, origin) },
  { name: 'updateLink on an unknown link kind', run: (doc, b, origin) => void updateLink(doc, b.inhibits, { label: 'slows' }, origin) },
  { name: 'updateLink (null removes)', run: (doc, b, origin) => void updateLink(doc, b.addresses, { label: null, polarity: null, kind: 'relates' }, origin) },
  { name: 'unlink', run: (doc, b, origin) => unlink(doc, [b.addresses], origin) },
];

describe.each(CASES)('$name', ({ run }) => {
  it('runs as one transaction carrying the given origin', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    const origin = { gesture: 'test' };
    const log = recordTransactions(doc);
    run(doc, board, origin);
    log.stop();
    expect(log.transactions).toHaveLength(1);
    expect(log.transactions[0]).toBe(origin);
    expect(log.updates).toHaveLength(1);
    expect(log.updates[0]).toBe(origin);
  });

  it('is undone as one step by an UndoManager tracking its origin', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    const { meta, items, links } = boardMaps(doc);
    const origin = { user: 'amina' };
    // captureTimeout 0: nothing is merged with a neighbouring change, so one step is one command.
    const undo = new Y.UndoManager([meta, items, links], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    const before = normalizeBoard(readBoard(doc));
    run(doc, board, origin);
    expect(normalizeBoard(readBoard(doc))).not.toEqual(before);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(normalizeBoard(readBoard(doc))).toEqual(before);
  });

  it('leaves data this version does not know untouched', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    const before = unknownData(doc);
    const nested = boardMaps(doc).items.get(board.threat)?.get('futureMap');
    run(doc, board, 'local');
    expect(unknownData(doc)).toEqual(before);
    // The very same shared type, not a copy: a rewrite would lose a concurrent peer's edits.
    expect(boardMaps(doc).items.get(board.threat)?.get('futureMap')).toBe(nested);
  });
});

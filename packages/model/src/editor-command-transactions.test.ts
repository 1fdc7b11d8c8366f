// The canvas editor's commands (frames, arrange, clipboard) keep the promises of every command
// (see command-transactions.test.ts): exactly one transaction carrying the caller's origin, one
// undo step for an UndoManager tracking that origin, and a newer client's data left untouched.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alignItems, distributeItems, duplicateItems, resizeItem, setItemsColor } from './arrange.js';
import { copySelection, pasteClipboard } from './clipboard.js';
import { addItem, updateItem } from './commands.js';
import { boardMaps } from './document.js';
import { moveItemsBy, moveWithFrames } from './frames.js';
import { asItemId } from './ids.js';
import { readBoard } from './read.js';
import { normalizeBoard } from './testing/normalize.js';
import { SEED_ORIGIN, seedBoard, unknownData, type SeededBoard } from './testing/seed.js';
import { recordTransactions } from './testing/transactions.js';

interface CommandCase {
  readonly name: string;
  /** Sets the board up further before the command; not part of what is recorded. */
  readonly prepare?: (doc: Y.Doc, board: SeededBoard) => void;
  readonly run: (doc: Y.Doc, board: SeededBoard, origin: unknown) => void;
}

const FRAME = asItemId('frame');
const addFrame = (doc: Y.Doc): void => void addItem(doc, { id: FRAME, kind: 'frame', x: -10, y: -10, w: 600, h: 300 }, SEED_ORIGIN);

const CASES: readonly CommandCase[] = [
  { name: 'moveItemsBy', run: (doc, b, origin) => moveItemsBy(doc, [b.threat, b.future], { dx: 5, dy: 6 }, origin) },
  { name: 'moveWithFrames (a frame holding every item)', prepare: addFrame, run: (doc, _b, origin) => void moveWithFrames(doc, [FRAME], { dx: 5, dy: 6 }, origin) },
  { name: 'duplicateItems (with a link of an unknown kind)', run: (doc, b, origin) => void duplicateItems(doc, [b.threat, b.future], { dx: 20, dy: 20 }, origin) },
  { name: 'alignItems', run: (doc, b, origin) => alignItems(doc, [b.threat, b.response, b.future], 'bottom', origin) },
  { name: 'distributeItems', run: (doc, b, origin) => distributeItems(doc, [b.threat, b.response, b.future], 'y', origin) },
  { name: 'resizeItem on an unknown kind', run: (doc, b, origin) => void resizeItem(doc, b.future, { w: 300, h: 1, y: 0 }, origin) },
  { name: 'setItemsColor', run: (doc, b, origin) => setItemsColor(doc, [b.threat, b.future], '#2a9d8f', origin) },
  {
    name: 'setItemsColor (null removes)',
    prepare: (doc, b) => void updateItem(doc, b.threat, { color: '#000' }, SEED_ORIGIN),
    run: (doc, b, origin) => setItemsColor(doc, [b.threat, b.future], null, origin),
  },
  { name: 'pasteClipboard (copied from this board)', run: (doc, b, origin) => void pasteClipboard(doc, copySelection(doc, [b.threat, b.response, b.future]), { x: 500, y: 500 }, origin) },
  {
    name: 'pasteClipboard (copied from another board)',
    run: (doc, _b, origin) => {
      const other = new Y.Doc();
      const elsewhere = seedBoard(other);
      pasteClipboard(doc, copySelection(other, [elsewhere.threat, elsewhere.future]), { dx: 0, dy: 400 }, origin, { author: 'Amina' });
    },
  },
];

function setUp(prepare: CommandCase['prepare']): { doc: Y.Doc; board: SeededBoard } {
  const doc = new Y.Doc();
  const board = seedBoard(doc);
  prepare?.(doc, board);
  return { doc, board };
}

describe.each(CASES)('$name', ({ prepare, run }) => {
  it('runs as one transaction carrying the given origin', () => {
    const { doc, board } = setUp(prepare);
    const origin = { gesture: 'test' };
    const log = recordTransactions(doc);
    run(doc, board, origin);
    log.stop();
    expect(log.transactions).toEqual([origin]);
    expect(log.updates).toEqual([origin]);
  });

  it('is undone as one step by an UndoManager tracking its origin', () => {
    const { doc, board } = setUp(prepare);
    const { meta, items, links } = boardMaps(doc);
    const origin = { user: 'amina' };
    const undo = new Y.UndoManager([meta, items, links], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    const before = normalizeBoard(readBoard(doc));
    run(doc, board, origin);
    expect(normalizeBoard(readBoard(doc))).not.toEqual(before);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(normalizeBoard(readBoard(doc))).toEqual(before);
  });

  it('leaves data this version does not know untouched', () => {
    const { doc, board } = setUp(prepare);
    const before = unknownData(doc);
    const nested = boardMaps(doc).items.get(board.threat)?.get('futureMap');
    run(doc, board, 'local');
    expect(unknownData(doc)).toEqual(before);
    expect(boardMaps(doc).items.get(board.threat)?.get('futureMap')).toBe(nested);
  });
});

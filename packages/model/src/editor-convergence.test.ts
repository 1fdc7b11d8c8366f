// Two peers arrange the same board at once (one drags a frame with its contents, the other
// duplicates and aligns cards inside it), then exchange their updates: both read the same board.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alignItems, duplicateItems } from './arrange.js';
import { copySelection, pasteClipboard } from './clipboard.js';
import { addItem, linkItems } from './commands.js';
import { moveWithFrames } from './frames.js';
import { asItemId } from './ids.js';
import { readBoard } from './read.js';
import { normalizeBoard } from './testing/normalize.js';

describe('concurrent editor commands', () => {
  it('converge whatever order the peers receive each other\'s updates in', () => {
    const base = new Y.Doc();
    const frame = addItem(base, { id: asItemId('frame'), kind: 'frame', x: 0, y: 0, w: 1000, h: 1000 });
    const a = addItem(base, { id: asItemId('a'), kind: 'threat', x: 100, y: 100, text: 'Drought' });
    const b = addItem(base, { id: asItemId('b'), kind: 'group', x: 400, y: 300, text: 'Herders' });
    linkItems(base, { kind: 'affects', from: a, to: b });

    const peers = [new Y.Doc(), new Y.Doc()] as const;
    for (const peer of peers) Y.applyUpdate(peer, Y.encodeStateAsUpdate(base));
    const [left, right] = peers;

    moveWithFrames(left, [frame], { dx: 50, dy: -25 }, 'left');
    alignItems(left, [a, b], 'top', 'left');
    duplicateItems(right, [a, b], { dx: 10, dy: 10 }, 'right');
    alignItems(right, [a, b], 'left', 'right');
    pasteClipboard(right, copySelection(right, [a, b]), { x: 0, y: 2000 }, 'right');

    Y.applyUpdate(left, Y.encodeStateAsUpdate(right, Y.encodeStateVector(left)));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left, Y.encodeStateVector(right)));

    expect(Y.encodeStateVector(left)).toEqual(Y.encodeStateVector(right));
    const view = normalizeBoard(readBoard(left));
    expect(normalizeBoard(readBoard(right))).toEqual(view);
    expect(view.items).toHaveLength(7);
    expect(view.links).toHaveLength(3);
  });
});

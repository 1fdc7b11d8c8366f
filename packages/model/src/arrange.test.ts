import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { alignItems, distributeItems, duplicateItems, MIN_ITEM_SIZE, resizeItem, setItemsColor } from './arrange.js';
import { addItem, linkItems } from './commands.js';
import { boardMaps, getItemText } from './document.js';
import { asItemId, type ItemId } from './ids.js';
import { readBoard } from './read.js';
import { seedBoard, unknownData } from './testing/seed.js';

const item = (doc: Y.Doc, id: string): Y.Map<unknown> => {
  const map = boardMaps(doc).items.get(id);
  if (!map) throw new Error(`no item ${id}`);
  return map;
};

const boxOf = (doc: Y.Doc, id: string) => {
  const view = readBoard(doc).items.get(asItemId(id));
  return view && { x: view.x, y: view.y, w: view.w, h: view.h };
};

function cards(doc: Y.Doc, boxes: Record<string, { x: number; y: number; w: number; h: number }>): ItemId[] {
  return Object.entries(boxes).map(([id, box]) => addItem(doc, { id: asItemId(id), kind: 'note', ...box }, 'setup'));
}

describe('duplicateItems', () => {
  it('copies every field, a newer client\'s too, with new ids, shifted, created now', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    item(doc, board.threat).set('author', 'Amina');
    vi.useFakeTimers({ now: 5_000 });
    const copies = duplicateItems(doc, [board.threat, board.future], { dx: 20, dy: 30 }, 'dup');
    vi.useRealTimers();
    const threatCopy = copies.get(board.threat);
    const futureCopy = copies.get(board.future);
    expect(threatCopy).toBeDefined();
    expect(futureCopy).toBeDefined();
    expect(new Set([threatCopy, futureCopy, board.threat, board.future]).size).toBe(4);

    const original = item(doc, board.threat).toJSON();
    const copy = item(doc, threatCopy ?? '').toJSON();
    expect(copy).toEqual({ ...original, x: 20, y: 30, createdAt: 5_000 });
    expect(copy.futureMap).toEqual({ votes: [1, 2, 3] });
    expect(copy.author).toBe('Amina');
    expect(item(doc, futureCopy ?? '').toJSON()).toEqual({ ...item(doc, board.future).toJSON(), x: 30, y: 50, createdAt: 5_000 });
    expect(readBoard(doc).items.get(futureCopy ?? asItemId(''))?.kind).toBe('hazard-zone');
  });

  it('gives the copy its own text and nested types: editing one leaves the other alone', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    const copyId = duplicateItems(doc, [board.threat], { dx: 0, dy: 0 }).get(board.threat) ?? asItemId('');
    const text = getItemText(doc, copyId);
    expect(text).toBeInstanceOf(Y.Text);
    expect(text).not.toBe(getItemText(doc, board.threat));
    text?.insert(0, 'Severe ');
    const nested = item(doc, copyId).get('futureMap');
    expect(nested).toBeInstanceOf(Y.Map);
    expect(nested).not.toBe(item(doc, board.threat).get('futureMap'));
    (nested as Y.Map<unknown>).set('votes', []);
    expect(getItemText(doc, board.threat)?.toString()).toBe('Drought');
    expect(getItemText(doc, copyId)?.toString()).toBe('Severe Drought');
    expect(unknownData(doc).threatFutureMap).toEqual({ votes: [1, 2, 3] });
  });

  it('copies the links between copied items only, with their unknown fields and kinds', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    const copies = duplicateItems(doc, [board.threat, board.future], { dx: 0, dy: 0 });
    const links = [...boardMaps(doc).links.values()].map((link) => link.toJSON());
    // addresses (response -> threat) is not copied: the response was not.
    expect(links).toHaveLength(3);
    expect(links).toContainEqual({ kind: 'inhibits', from: copies.get(board.future), to: copies.get(board.threat), weight: 0.5 });
  });

  it('copies each item once and skips missing ones; a non-finite offset copies nothing', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    expect(duplicateItems(doc, [board.threat, board.threat, asItemId('gone')], { dx: 1, dy: 1 }).size).toBe(1);
    expect(boardMaps(doc).items.size).toBe(4);
    expect(duplicateItems(doc, [board.threat], { dx: Number.NaN, dy: 1 }).size).toBe(0);
    expect(boardMaps(doc).items.size).toBe(4);
  });
});

describe('alignItems', () => {
  const layout = { a: { x: 0, y: 0, w: 100, h: 50 }, b: { x: 200, y: 100, w: 50, h: 100 }, c: { x: 50, y: 300, w: 10, h: 10 } };

  it.each([
    ['left', { a: [0, 0], b: [0, 100], c: [0, 300] }],
    ['right', { a: [150, 0], b: [200, 100], c: [240, 300] }],
    ['centerX', { a: [75, 0], b: [100, 100], c: [120, 300] }],
    ['top', { a: [0, 0], b: [200, 0], c: [50, 0] }],
    ['bottom', { a: [0, 260], b: [200, 210], c: [50, 300] }],
    ['centerY', { a: [0, 130], b: [200, 105], c: [50, 150] }],
  ] as const)('aligns on %s', (edge, expected) => {
    const doc = new Y.Doc();
    const ids = cards(doc, layout);
    alignItems(doc, ids, edge, 'align');
    for (const [id, [x, y]] of Object.entries(expected)) expect(boxOf(doc, id)).toMatchObject({ x, y });
  });

  it('writes nothing for an item already in place, so a concurrent move of it stands', () => {
    const doc = new Y.Doc();
    const ids = cards(doc, layout);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    item(peer, 'a').set('x', 500); // someone else moves a, which is already on the top edge
    alignItems(doc, ids, 'top', 'align');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(boxOf(doc, 'a')).toMatchObject({ x: 500, y: 0 });
    expect(boxOf(peer, 'a')).toEqual(boxOf(doc, 'a'));
  });

  it('does nothing, not even a transaction, for fewer than two items', () => {
    const doc = new Y.Doc();
    const ids = cards(doc, layout);
    const seen: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => seen.push(t.origin));
    alignItems(doc, [ids[0] ?? asItemId(''), asItemId('gone')], 'left', 'align');
    expect(seen).toEqual([]);
  });
});

describe('distributeItems', () => {
  it('leaves the outer two and spaces the others with equal gaps', () => {
    const doc = new Y.Doc();
    const ids = cards(doc, {
      a: { x: 0, y: 0, w: 100, h: 10 },
      b: { x: 110, y: 40, w: 50, h: 10 },
      c: { x: 600, y: 0, w: 100, h: 10 },
      d: { x: 300, y: 90, w: 150, h: 10 },
    });
    distributeItems(doc, ids, 'x', 'distribute');
    // room between a (ends 100) and c (starts 600): 500 - 50 - 150 = 300, three gaps of 100.
    expect(boxOf(doc, 'a')).toMatchObject({ x: 0 });
    expect(boxOf(doc, 'b')).toMatchObject({ x: 200, y: 40 });
    expect(boxOf(doc, 'd')).toMatchObject({ x: 350, y: 90 });
    expect(boxOf(doc, 'c')).toMatchObject({ x: 600 });
  });

  it('spaces centres evenly when the items do not fit between the outer two', () => {
    const doc = new Y.Doc();
    const ids = cards(doc, {
      a: { x: 0, y: 0, w: 10, h: 100 },
      b: { x: 0, y: 10, w: 10, h: 300 },
      c: { x: 0, y: 200, w: 10, h: 100 },
    });
    distributeItems(doc, ids, 'y', 'distribute');
    // centres 50 and 250 stay; b's centre goes to 150.
    expect(boxOf(doc, 'a')).toMatchObject({ y: 0 });
    expect(boxOf(doc, 'b')).toMatchObject({ y: 0 });
    expect(boxOf(doc, 'c')).toMatchObject({ y: 200 });
  });

  it('does nothing for fewer than three items', () => {
    const doc = new Y.Doc();
    const ids = cards(doc, { a: { x: 0, y: 0, w: 10, h: 10 }, b: { x: 100, y: 0, w: 10, h: 10 } });
    const before = Y.encodeStateVector(doc);
    distributeItems(doc, ids, 'x', 'distribute');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('resizeItem', () => {
  it('sets the size, at least MIN_ITEM_SIZE', () => {
    const doc = new Y.Doc();
    const [id = asItemId('')] = cards(doc, { a: { x: 0, y: 0, w: 100, h: 100 } });
    expect(resizeItem(doc, id, { w: 300, h: 1 }, 'resize')).toBe(true);
    expect(boxOf(doc, id)).toEqual({ x: 0, y: 0, w: 300, h: MIN_ITEM_SIZE.h });
  });

  it('keeps the right and bottom edges where the gesture put them when a left or top handle hits the minimum', () => {
    const doc = new Y.Doc();
    const [id = asItemId('')] = cards(doc, { a: { x: 0, y: 0, w: 100, h: 100 } });
    // The left handle dragged to x=95: the gesture asks for x 95, w 5; the right edge is at 100.
    resizeItem(doc, id, { x: 95, y: 90, w: 5, h: 10 }, 'resize');
    expect(boxOf(doc, id)).toEqual({ x: 100 - MIN_ITEM_SIZE.w, y: 100 - MIN_ITEM_SIZE.h, w: MIN_ITEM_SIZE.w, h: MIN_ITEM_SIZE.h });
  });

  it('refuses a missing item or a size that is not finite, changing nothing', () => {
    const doc = new Y.Doc();
    const [id = asItemId('')] = cards(doc, { a: { x: 0, y: 0, w: 100, h: 100 } });
    const before = Y.encodeStateVector(doc);
    expect(resizeItem(doc, asItemId('gone'), { w: 100, h: 100 })).toBe(false);
    expect(resizeItem(doc, id, { w: Number.POSITIVE_INFINITY, h: 100 })).toBe(false);
    expect(resizeItem(doc, id, { w: 100, h: 100, x: Number.NaN })).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('setItemsColor', () => {
  it('sets and removes the colour of existing items, unknown kinds included', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    setItemsColor(doc, [board.threat, board.future, asItemId('gone')], '#e63946', 'color');
    expect(item(doc, board.threat).get('color')).toBe('#e63946');
    expect(item(doc, board.future).get('color')).toBe('#e63946');
    setItemsColor(doc, [board.threat], null, 'color');
    expect(item(doc, board.threat).has('color')).toBe(false);
    expect(boardMaps(doc).items.has('gone')).toBe(false);
  });
});

describe('links survive arranging', () => {
  it('keeps links and their ends when items are aligned', () => {
    const doc = new Y.Doc();
    const [a = asItemId(''), b = asItemId('')] = cards(doc, { a: { x: 0, y: 0, w: 10, h: 10 }, b: { x: 50, y: 50, w: 10, h: 10 } });
    linkItems(doc, { kind: 'relates', from: a, to: b });
    alignItems(doc, [a, b], 'left');
    expect(readBoard(doc).links.size).toBe(1);
  });
});

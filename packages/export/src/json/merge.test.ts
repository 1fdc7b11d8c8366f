import { addItem, asItemId, asLinkId, boardMaps, initBoard, linkItems, type JsonItem, type JsonLink } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardToJson, type BoardJson } from './boardJson.js';
import { mergeIntoBoard } from './merge.js';

const card = (id: string, fields: Partial<JsonItem> = {}): JsonItem => ({ id, kind: 'threat', text: id, x: 0, y: 0, w: 200, h: 120, ...fields });
const link = (id: string, from: string, to: string): JsonLink => ({ id, kind: 'amplifies', from, to });
const everything = (doc: Y.Doc): BoardJson => boardToJson(doc, { maxSensitivity: 'confidential' });

function emptyBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Target');
  return doc;
}

describe('mergeIntoBoard', () => {
  it('keeps every id in an empty board: the board exports back equal, authors and unknown fields included', () => {
    const content = { items: [card('a', { author: 'Amina', future: [1, { x: null }] }), card('b', { sensitivity: 'confidential' })], links: [link('l', 'a', 'b')] };
    const doc = emptyBoard();
    const result = mergeIntoBoard(doc, content);
    expect(result).toEqual({ added: { items: 2, links: 1 }, skipped: { items: 0, links: 0 }, renamed: { items: 0, links: 0 } });
    expect(everything(doc).items).toEqual(content.items);
    expect(everything(doc).links).toEqual(content.links);
    expect(boardMaps(doc).items.get('a')?.get('text')).toBeInstanceOf(Y.Text);
  });

  it('writes the whole import as one transaction with the given origin', () => {
    const doc = emptyBoard();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const origin = Symbol('import');
    mergeIntoBoard(doc, { items: [card('a'), card('b'), card('c')], links: [link('l1', 'a', 'b'), link('l2', 'b', 'c')] }, { origin });
    expect(origins).toEqual([origin]);
  });

  it('never overwrites: a conflicting id gets a new one and the links follow it; an identical card is skipped', () => {
    const doc = emptyBoard();
    addItem(doc, { id: asItemId('a'), kind: 'threat', x: 0, y: 0, text: 'Drought on the board', createdAt: 5 });
    addItem(doc, { id: asItemId('same'), kind: 'note', x: 1, y: 2, text: 'Identical', createdAt: 5 });
    linkItems(doc, { id: asLinkId('l'), kind: 'relates', from: asItemId('same'), to: asItemId('a') });
    const before = everything(doc);
    const identical = before.items.find((item) => item.id === 'same');
    const result = mergeIntoBoard(doc, {
      items: [card('a', { text: 'Drought in the file' }), { ...(identical as JsonItem) }, card('new')],
      links: [link('l', 'a', 'new'), link('l2', 'same', 'a')],
    });
    expect(result).toEqual({ added: { items: 2, links: 2 }, skipped: { items: 1, links: 0 }, renamed: { items: 1, links: 1 } });
    const after = everything(doc);
    // What was on the board is still there, unchanged.
    for (const item of before.items) expect(after.items).toContainEqual(item);
    for (const existing of before.links) expect(after.links).toContainEqual(existing);
    const renamed = after.items.find((item) => item.text === 'Drought in the file');
    expect(renamed?.id).toMatch(/^[0-9a-z]{16}$/);
    // The links of the file follow the renamed card; the skipped card's links land on the board's own.
    expect(after.links).toContainEqual(expect.objectContaining({ kind: 'amplifies', from: renamed?.id, to: 'new' }));
    expect(after.links).toContainEqual({ id: 'l2', kind: 'amplifies', from: 'same', to: renamed?.id });
  });

  it('importing the same export twice changes nothing the second time', () => {
    const doc = emptyBoard();
    const content = { items: [card('a'), card('b')], links: [link('l', 'a', 'b')] };
    mergeIntoBoard(doc, content);
    const once = everything(doc);
    const again = mergeIntoBoard(doc, content);
    expect(again.added).toEqual({ items: 0, links: 0 });
    expect(again.skipped).toEqual({ items: 2, links: 1 });
    expect(everything(doc)).toEqual(once);
  });

  it('renames an item whose id holds something that is not a card', () => {
    const doc = emptyBoard();
    (boardMaps(doc).items as Y.Map<unknown>).set('a', 'junk');
    const result = mergeIntoBoard(doc, { items: [card('a')], links: [] });
    expect(result.renamed.items).toBe(1);
    expect(boardMaps(doc).items.get('a')).toBe('junk');
  });
});

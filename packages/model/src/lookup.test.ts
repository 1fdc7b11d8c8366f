import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, deleteItems, linkItems } from './commands.js';
import { boardMaps } from './document.js';
import { asItemId, asLinkId } from './ids.js';
import { itemsOfKind, linksOfKind, readItemById, readLinkById } from './lookup.js';
import { readBoard } from './read.js';
import { seedBoard } from './testing/seed.js';

describe('readItemById / readLinkById', () => {
  it('read one entry as readBoard would', () => {
    const doc = new Y.Doc();
    const { threat, future, addresses, inhibits } = seedBoard(doc);
    const view = readBoard(doc);
    expect(readItemById(doc, threat)).toEqual(view.items.get(threat));
    expect(readItemById(doc, future)).toEqual(view.items.get(future));
    expect(readLinkById(doc, addresses)).toEqual(view.links.get(addresses));
    expect(readLinkById(doc, inhibits)).toMatchObject({ kind: 'inhibits', extra: { weight: 0.5 } });
  });

  it('answer undefined for a missing or unreadable entry', () => {
    const doc = new Y.Doc();
    boardMaps(doc).items.set('broken', 'text' as never);
    expect(readItemById(doc, asItemId('nope'))).toBeUndefined();
    expect(readItemById(doc, asItemId('broken'))).toBeUndefined();
    expect(readLinkById(doc, asLinkId('nope'))).toBeUndefined();
  });

  it('read a link whose end is gone (readBoard would not draw it)', () => {
    const doc = new Y.Doc();
    const { threat, addresses } = seedBoard(doc);
    boardMaps(doc).items.delete(threat);
    expect(readBoard(doc).links.has(addresses)).toBe(false);
    expect(readLinkById(doc, addresses)).toMatchObject({ to: threat });
  });
});

describe('itemsOfKind / linksOfKind', () => {
  it('answer the entries of one known kind, by id', () => {
    const doc = new Y.Doc();
    const { response, addresses } = seedBoard(doc);
    const b = addItem(doc, { id: asItemId('b'), kind: 'threat', x: 0, y: 0 });
    const a = addItem(doc, { id: asItemId('a'), kind: 'threat', x: 0, y: 0 });
    const view = readBoard(doc);
    expect(itemsOfKind(view, 'threat').map((item) => item.id)).toEqual([a, b, 'threat']);
    expect(itemsOfKind(view, 'response').map((item) => item.id)).toEqual([response]);
    expect(itemsOfKind(view, 'capacity')).toEqual([]);
    expect(linksOfKind(view, 'addresses').map((link) => link.id)).toEqual([addresses]);
    const amplifies = linkItems(doc, { kind: 'amplifies', from: a, to: b });
    deleteItems(doc, [b]);
    expect(amplifies && readBoard(doc).links.has(amplifies)).toBe(false);
    expect(linksOfKind(readBoard(doc), 'amplifies')).toEqual([]);
  });
});

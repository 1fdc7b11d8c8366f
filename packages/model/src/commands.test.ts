// What each command does to the board, read back through the tolerant reader (the same path
// the canvas and exports use).
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
import { boardMaps, getItemMap, getItemText, initBoard, readSchemaVersion, readTitle } from './document.js';
import { asItemId, asLinkId } from './ids.js';
import { DEFAULT_ITEM_SIZE, readBoard } from './read.js';
import { seedBoard } from './testing/seed.js';
import { recordTransactions } from './testing/transactions.js';
import { SCHEMA_VERSION, type Dimension } from './vocabulary.js';

const itemOf = (doc: Y.Doc, id: string) => readBoard(doc).items.get(asItemId(id));
const linkOf = (doc: Y.Doc, id: string) => readBoard(doc).links.get(asLinkId(id));

describe('initBoard', () => {
  it('writes the schema version and the title', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Sahel workshop');
    expect(readSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(readTitle(doc)).toBe('Sahel workshop');
    expect(readBoard(doc).title).toBe('Sahel workshop');
  });

  it('renames but never lowers an existing schema version', () => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('schema', 2);
    initBoard(doc, 'Renamed');
    expect(readSchemaVersion(doc)).toBe(2);
    expect(readTitle(doc)).toBe('Renamed');
  });
});

describe('addItem', () => {
  it('creates an item with defaults, its text and the given fields', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, {
      kind: 'threat', x: 10, y: 20, text: 'Drought', severity: 4, likelihood: 2,
      dimensions: ['food', 'economic'], onset: 'chronic', author: 'Amina', createdAt: 1234,
    });
    expect(itemOf(doc, id)).toEqual({
      id, kind: 'threat', knownKind: 'threat', x: 10, y: 20, w: DEFAULT_ITEM_SIZE.w, h: DEFAULT_ITEM_SIZE.h,
      text: 'Drought', sensitivity: 'public', author: 'Amina', createdAt: 1234,
      dimensions: ['food', 'economic'], severity: 4, likelihood: 2, onset: 'chronic', extra: {},
    });
    expect(getItemText(doc, id)).toBeInstanceOf(Y.Text);
    expect(readBoard(doc).problems).toEqual([]);
  });

  it('uses a given id, stamps createdAt when none is given, and writes no key for a null field', () => {
    const doc = new Y.Doc();
    const before = Date.now();
    const id = addItem(doc, { id: asItemId('fixed'), kind: 'note', x: 0, y: 0, color: null, w: 50 });
    expect(id).toBe('fixed');
    const map = getItemMap(doc, id);
    expect(map?.has('color')).toBe(false);
    expect(map?.get('w')).toBe(50);
    expect(map?.get('createdAt')).toBeGreaterThanOrEqual(before);
    expect(itemOf(doc, id)?.text).toBe('');
  });

  it('gives each new item a fresh id', () => {
    const doc = new Y.Doc();
    const ids = new Set(Array.from({ length: 50 }, () => addItem(doc, { kind: 'note', x: 0, y: 0 })));
    expect(ids.size).toBe(50);
  });

  it('copies arrays, so that the caller mutating its array later does not change the board', () => {
    const doc = new Y.Doc();
    const dimensions: Dimension[] = ['health'];
    const id = addItem(doc, { kind: 'threat', x: 0, y: 0, dimensions });
    dimensions.push('food');
    expect(itemOf(doc, id)?.dimensions).toEqual(['health']);
  });
});

describe('updateItem', () => {
  it('sets the given fields and leaves the others', () => {
    const doc = new Y.Doc();
    const { threat } = seedBoard(doc);
    expect(updateItem(doc, threat, { severity: 5, sensitivity: 'confidential', w: 300 })).toBe(true);
    const item = itemOf(doc, threat);
    expect(item).toMatchObject({ severity: 5, sensitivity: 'confidential', w: 300, x: 0, text: 'Drought' });
  });

  it('removes a field given as null and ignores one given as undefined', () => {
    const doc = new Y.Doc();
    const { threat } = seedBoard(doc);
    updateItem(doc, threat, { color: 'red', author: 'Amina' });
    updateItem(doc, threat, { severity: null, color: null, author: undefined });
    const map = getItemMap(doc, threat);
    expect(map?.has('severity')).toBe(false);
    expect(map?.has('color')).toBe(false);
    expect(map?.get('author')).toBe('Amina');
    expect(itemOf(doc, threat)?.severity).toBeUndefined();
  });

  it('answers false and changes nothing for a missing item', () => {
    const doc = new Y.Doc();
    seedBoard(doc);
    const log = recordTransactions(doc);
    expect(updateItem(doc, asItemId('nope'), { x: 1 })).toBe(false);
    expect(log.updates).toEqual([]);
  });
});

describe('setItemText', () => {
  it('replaces the text inside the existing shared text', () => {
    const doc = new Y.Doc();
    const { threat } = seedBoard(doc);
    const text = getItemText(doc, threat);
    expect(setItemText(doc, threat, 'Prolonged drought')).toBe(true);
    expect(getItemText(doc, threat)).toBe(text);
    expect(itemOf(doc, threat)?.text).toBe('Prolonged drought');
  });

  it('turns a plain string text (written by another tool) into a shared text', () => {
    const doc = new Y.Doc();
    const { threat } = seedBoard(doc);
    getItemMap(doc, threat)?.set('text', 'plain');
    setItemText(doc, threat, 'shared');
    expect(getItemText(doc, threat)?.toString()).toBe('shared');
  });

  it('answers false for a missing item', () => {
    expect(setItemText(new Y.Doc(), asItemId('nope'), 'x')).toBe(false);
  });
});

describe('moveItems', () => {
  it('moves several items in one transaction and skips missing ones', () => {
    const doc = new Y.Doc();
    const { threat, response } = seedBoard(doc);
    const log = recordTransactions(doc);
    moveItems(doc, [{ id: threat, x: 1, y: 2 }, { id: asItemId('gone'), x: 3, y: 4 }, { id: response, x: 5, y: 6 }], 'drag');
    expect(log.updates).toEqual(['drag']);
    expect(itemOf(doc, threat)).toMatchObject({ x: 1, y: 2 });
    expect(itemOf(doc, response)).toMatchObject({ x: 5, y: 6 });
    expect(readBoard(doc).items.has(asItemId('gone'))).toBe(false);
  });
});

describe('deleteItems', () => {
  it('removes the items and every link touching them in one transaction', () => {
    const doc = new Y.Doc();
    const { threat, response, future, addresses, inhibits } = seedBoard(doc);
    const unrelated = linkItems(doc, { kind: 'relates', from: response, to: future });
    const log = recordTransactions(doc);
    deleteItems(doc, [threat], 'delete');
    expect(log.transactions).toEqual(['delete']);
    expect(log.updates).toEqual(['delete']);
    const { items, links } = boardMaps(doc);
    expect(items.has(threat)).toBe(false);
    expect(links.has(addresses)).toBe(false);
    expect(links.has(inhibits)).toBe(false);
    expect(unrelated && links.has(unrelated)).toBe(true);
    expect(readBoard(doc).problems.filter((p) => p.code === 'missing-end')).toEqual([]);
  });

  it('sends the deletion of items and links as one update, so a peer never sees dangling links', () => {
    const doc = new Y.Doc();
    const { threat, response } = seedBoard(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    deleteItems(doc, [threat, response]);
    expect(updates).toHaveLength(1);
    for (const update of updates) Y.applyUpdate(peer, update);
    const view = readBoard(peer);
    expect(view.links.size).toBe(0);
    expect(view.problems.filter((p) => p.code === 'missing-end')).toEqual([]);
  });
});

describe('linkItems', () => {
  it('links two existing items with label and polarity', () => {
    const doc = new Y.Doc();
    const { threat } = seedBoard(doc);
    const other = addItem(doc, { kind: 'threat', x: 0, y: 0 });
    const id = linkItems(doc, { kind: 'amplifies', from: threat, to: other, label: 'worsens', polarity: '+' });
    expect(id).toBeDefined();
    expect(id && linkOf(doc, id)).toEqual({ id, kind: 'amplifies', knownKind: 'amplifies', from: threat, to: other, label: 'worsens', polarity: '+', extra: {} });
  });

  it.each([
    ['from', (t: string) => ({ from: asItemId('missing'), to: asItemId(t) })],
    ['to', (t: string) => ({ from: asItemId(t), to: asItemId('missing') })],
  ])('refuses a missing %s end and changes nothing', (_end, ends) => {
    const doc = new Y.Doc();
    const { threat } = seedBoard(doc);
    const log = recordTransactions(doc);
    expect(linkItems(doc, { kind: 'relates', ...ends(threat) })).toBeUndefined();
    expect(log.transactions).toEqual([]);
    expect(log.updates).toEqual([]);
  });
});

describe('updateLink', () => {
  it('sets, removes (null) and leaves (undefined) link fields', () => {
    const doc = new Y.Doc();
    const { addresses } = seedBoard(doc);
    expect(updateLink(doc, addresses, { kind: 'relates', polarity: null, label: undefined })).toBe(true);
    const link = linkOf(doc, addresses);
    expect(link).toMatchObject({ kind: 'relates', label: 'mitigates' });
    expect(link?.polarity).toBeUndefined();
  });

  it('answers false for a missing link', () => {
    expect(updateLink(new Y.Doc(), asLinkId('nope'), { label: 'x' })).toBe(false);
  });
});

describe('unlink', () => {
  it('removes the given links and leaves the items', () => {
    const doc = new Y.Doc();
    const { threat, response, addresses, inhibits } = seedBoard(doc);
    unlink(doc, [addresses, asLinkId('never-existed')]);
    const view = readBoard(doc);
    expect(view.links.has(addresses)).toBe(false);
    expect(view.links.has(inhibits)).toBe(true);
    expect(view.items.has(threat) && view.items.has(response)).toBe(true);
  });
});

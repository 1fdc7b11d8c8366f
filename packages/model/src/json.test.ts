import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from './document.js';
import { itemFromJson, itemToJson, linkFromJson, linkToJson, toJsonValue } from './json.js';
import { checkJsonItem, checkJsonLink } from './jsonShape.js';

const LIMITS = { maxTextChars: 100, maxDepth: 4 };

/** A map inside a document: a map not yet in one answers every read as if empty. */
function stored(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  boardMaps(doc).items.set('a', map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

describe('toJsonValue', () => {
  it('turns shared types into their JSON and drops what is not data', () => {
    const doc = new Y.Doc();
    const holder = doc.getMap('holder');
    const nested = new Y.Map<unknown>();
    holder.set('nested', nested);
    nested.set('list', [1, { a: undefined, b: 2 }]);
    expect(toJsonValue(nested)).toEqual({ list: [1, { b: 2 }] });
    expect(toJsonValue(new Y.Doc())).toBeUndefined();
    expect(toJsonValue(undefined)).toBeUndefined();
    expect(toJsonValue([undefined, Number.POSITIVE_INFINITY])).toEqual([null, null]);
  });
});

describe('itemToJson', () => {
  it('writes the geometry, kind and text as the tolerant reader reads them, every other field as it is', () => {
    const map = stored({ kind: 'threat', x: 'left', y: 5, text: new Y.Text('Flood'), severity: 9, future: { a: 1 } });
    expect(itemToJson('a', map)).toEqual({ id: 'a', kind: 'threat', x: 0, y: 5, w: 200, h: 120, text: 'Flood', severity: 9, future: { a: 1 } });
  });
});

describe('itemFromJson', () => {
  it('keeps the text when written into a document (a map not yet in one answers has() with false)', () => {
    const doc = new Y.Doc();
    const map = itemFromJson({ id: 'a', kind: 'note', x: 1, y: 2, w: 3, h: 4, text: 'Kept', extra: [1] });
    boardMaps(doc).items.set('a', map);
    expect(map.get('text')).toBeInstanceOf(Y.Text);
    expect(map.toJSON()).toEqual({ kind: 'note', x: 1, y: 2, w: 3, h: 4, text: 'Kept', extra: [1] });
  });
});

describe('linkToJson / linkFromJson', () => {
  it('round-trip every field, and refuse a link without both ends', () => {
    const link = stored({ kind: 'inhibits', from: 'a', to: 'b', weight: 0.5 });
    const json = linkToJson('l', link);
    expect(json).toEqual({ id: 'l', kind: 'inhibits', from: 'a', to: 'b', weight: 0.5 });
    const doc = new Y.Doc();
    if (json) boardMaps(doc).links.set('l', linkFromJson(json));
    expect(boardMaps(doc).links.get('l')?.toJSON()).toEqual({ kind: 'inhibits', from: 'a', to: 'b', weight: 0.5 });
    expect(linkToJson('l', stored({ kind: 'relates', from: 'a' }))).toBeUndefined();
  });
});

describe('checkJsonItem / checkJsonLink', () => {
  it('copies the value, dropping __proto__ keys inside values', () => {
    const raw = JSON.parse('{"id":"a","kind":"x","x":0,"y":0,"w":1,"h":1,"v":{"__proto__":{"p":1},"k":2}}') as unknown;
    const checked = checkJsonItem(raw, 'item', LIMITS);
    expect(checked).toEqual({ ok: true, value: { id: 'a', kind: 'x', x: 0, y: 0, w: 1, h: 1, text: '', v: { k: 2 } } });
  });

  it('refuses what is not JSON data', () => {
    const item = { id: 'a', kind: 'x', x: 0, y: 0, w: 1, h: 1 };
    expect(checkJsonItem({ ...item, when: new Date(0) }, 'item', LIMITS)).toMatchObject({ ok: false, error: { code: 'bad-item', path: 'item.when' } });
    expect(checkJsonItem({ ...item, big: 1n }, 'item', LIMITS)).toMatchObject({ ok: false });
    expect(checkJsonItem({ ...item, deep: [[[[[1]]]]] }, 'item', LIMITS)).toMatchObject({ ok: false, error: { code: 'too-deep' } });
    expect(checkJsonLink({ id: 'l', kind: 'relates', from: 'a', to: '' }, 'link', LIMITS)).toMatchObject({ ok: false, error: { code: 'bad-link', path: 'link.to' } });
  });
});

// The tolerant reader: whatever a peer wrote, it answers a view and a list of problems, and
// never throws (CONTRACT.md section 4, "Readers are tolerant").
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from './document.js';
import type { Problem } from './problems.js';
import { DEFAULT_ITEM_SIZE, readBoard, readItem, readLink } from './read.js';

/** A raw map inside `parent` (a scratch document by default), as any peer could have written it. */
function rawMap(fields: Record<string, unknown>, parent: Y.Map<unknown> = new Y.Doc().getMap('scratch'), key = 'm'): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  parent.set(key, map);
  for (const [field, value] of Object.entries(fields)) map.set(field, value);
  return map;
}

const threatFields = (extra: Record<string, unknown> = {}) => ({ kind: 'threat', x: 1, y: 2, w: 100, h: 60, text: new Y.Text('Drought'), ...extra });
const threat = (extra: Record<string, unknown> = {}) => rawMap(threatFields(extra));

function read(map: unknown) {
  const problems: Problem[] = [];
  const view = readItem('i1', map, problems);
  return { view, problems, codes: problems.map((p) => `${p.code}:${p.field ?? ''}`) };
}

describe('readItem', () => {
  it('reads a well-formed item without problems', () => {
    const { view, problems } = read(threat({ severity: 3, likelihood: 5, dimensions: ['food'], sensitivity: 'restricted' }));
    expect(problems).toEqual([]);
    expect(view).toMatchObject({ id: 'i1', kind: 'threat', knownKind: 'threat', x: 1, y: 2, w: 100, h: 60, text: 'Drought', severity: 3, likelihood: 5, dimensions: ['food'], sensitivity: 'restricted' });
  });

  it.each([0, 6, -1, 2.5, 100])('reports severity %s as out of range and leaves it out', (severity) => {
    const { view, codes } = read(threat({ severity }));
    expect(codes).toEqual(['out-of-range:severity']);
    expect(view?.severity).toBeUndefined();
  });

  it('reports a likelihood of the wrong type', () => {
    const { view, codes } = read(threat({ likelihood: 'high' }));
    expect(codes).toEqual(['wrong-type:likelihood']);
    expect(view?.likelihood).toBeUndefined();
  });

  it('keeps an unknown kind, reports it, and shows the item plainly', () => {
    const { view, codes } = read(threat({ kind: 'hazard-zone', radius: 4 }));
    expect(codes).toEqual(['unknown-kind:kind']);
    expect(view).toMatchObject({ kind: 'hazard-zone', text: 'Drought', extra: { radius: 4 } });
    expect(view?.knownKind).toBeUndefined();
  });

  it('reports wrong types and falls back to defaults', () => {
    const { view, codes } = read(rawMap({ kind: 7, x: 'left', y: null, w: Number.NaN, text: 12, color: 5, createdAt: 'yesterday', author: false }));
    expect(codes).toEqual([
      'wrong-type:kind', 'unknown-kind:kind', 'wrong-type:x', 'wrong-type:y', 'wrong-type:w', 'missing-field:h',
      'wrong-type:text', 'wrong-type:color', 'wrong-type:author', 'wrong-type:createdAt',
    ]);
    expect(view).toMatchObject({ kind: '', x: 0, y: 0, w: DEFAULT_ITEM_SIZE.w, h: DEFAULT_ITEM_SIZE.h, text: '' });
    expect(view && 'color' in view).toBe(false);
  });

  it('reports an unknown dimension and keeps the known ones once each', () => {
    const { view, codes } = read(threat({ dimensions: ['food', 'cyber', 'food', 3] }));
    expect(codes).toEqual(['unknown-value:dimensions']);
    expect(view?.dimensions).toEqual(['food']);
  });

  it('reads dimensions from a Y.Array and reports a non-array', () => {
    const list = new Y.Array<unknown>();
    const map = threat({ dimensions: list });
    list.push(['health', 'political']);
    expect(read(map).view?.dimensions).toEqual(['health', 'political']);
    expect(read(threat({ dimensions: 'health' })).codes).toEqual(['wrong-type:dimensions']);
  });

  it.each([
    ['onset', 'gradual'], ['level', 'global'], ['sector', 'ngo'], ['strategy', 'deterrence'], ['phase', 'response'],
  ])('reports an unknown %s value', (field, value) => {
    const { view, codes } = read(threat({ [field]: value }));
    expect(codes).toEqual([`unknown-value:${field}`]);
    expect(view && field in view).toBe(false);
  });

  it('defaults an absent sensitivity to public', () => {
    expect(read(threat()).view?.sensitivity).toBe('public');
  });

  // Exports leave out items above a sensitivity: an item whose marking this version cannot read
  // (a newer level, a typo, a wrong type) must be withheld, not published.
  it.each(['secret', 'Confidential', 3])('reports an unreadable sensitivity %s and treats the item as confidential', (sensitivity) => {
    const { view, codes } = read(threat({ sensitivity }));
    expect(codes).toEqual(['unknown-value:sensitivity']);
    expect(view?.sensitivity).toBe('confidential');
  });

  it('keeps unknown fields, shared types as plain data', () => {
    const nested = new Y.Map<unknown>();
    const map = threat({ futureScore: 7, futureMap: nested });
    nested.set('votes', [1, 2]);
    expect(read(map).view?.extra).toEqual({ futureScore: 7, futureMap: { votes: [1, 2] } });
  });

  it('keeps an unknown field named __proto__ as data, never as the prototype of extra', () => {
    const { view } = read(threat({ ['__proto__']: { polluted: true } }));
    const extra = view?.extra ?? {};
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.keys(extra)).toEqual(['__proto__']);
    expect((extra as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([undefined, null, 3, 'item', [1], { kind: 'threat' }, new Y.Doc().getText('t')])('reports %s as not a map, without throwing', (value) => {
    const { view, codes } = read(value);
    expect(view).toBeUndefined();
    expect(codes).toEqual(['not-a-map:']);
  });
});

describe('readLink', () => {
  const link = (fields: Record<string, unknown>) => {
    const problems: Problem[] = [];
    const view = readLink('l1', rawMap(fields), problems);
    return { view, codes: problems.map((p) => `${p.code}:${p.field ?? ''}`) };
  };

  it('reads a well-formed link', () => {
    const { view, codes } = link({ kind: 'amplifies', from: 'a', to: 'b', label: 'x', polarity: '-' });
    expect(codes).toEqual([]);
    expect(view).toEqual({ id: 'l1', kind: 'amplifies', knownKind: 'amplifies', from: 'a', to: 'b', label: 'x', polarity: '-', extra: {} });
  });

  it('keeps an unknown kind and unknown fields, and reports a bad polarity', () => {
    const { view, codes } = link({ kind: 'inhibits', from: 'a', to: 'b', polarity: '0', weight: 2 });
    expect(codes).toEqual(['unknown-kind:kind', 'unknown-value:polarity']);
    expect(view).toMatchObject({ kind: 'inhibits', extra: { weight: 2 } });
    expect(view?.knownKind).toBeUndefined();
  });

  it('reports missing ends', () => {
    expect(link({ kind: 'relates', to: 5 }).codes).toEqual(['wrong-type:to', 'missing-field:from', 'missing-field:to']);
  });

  it('reports a non-map link without throwing', () => {
    const problems: Problem[] = [];
    expect(readLink('l1', 'a->b', problems)).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['not-a-map']);
  });
});

describe('readBoard', () => {
  function board() {
    const doc = new Y.Doc();
    // Raw access under the contract's names, the way any peer may write.
    const items = doc.getMap<unknown>('items');
    const links = doc.getMap<unknown>('links');
    doc.getMap('meta').set('title', 'Board');
    rawMap(threatFields(), items, 'a');
    rawMap(threatFields(), items, 'b');
    const put = (id: string, fields: Record<string, unknown>) => void rawMap(fields, links, id);
    return { doc, items, put };
  }

  it('returns links whose ends exist', () => {
    const { doc, put } = board();
    put('ok', { kind: 'amplifies', from: 'a', to: 'b' });
    const view = readBoard(doc);
    expect([...view.links.keys()]).toEqual(['ok']);
    expect(view.problems).toEqual([]);
  });

  it('leaves out a link with a missing end and reports it', () => {
    const { doc, put } = board();
    put('dangling', { kind: 'amplifies', from: 'a', to: 'gone' });
    const view = readBoard(doc);
    expect(view.links.size).toBe(0);
    expect(view.problems).toEqual([expect.objectContaining({ target: 'link', id: 'dangling', code: 'missing-end' })]);
  });

  it('treats a link to an unreadable item as having a missing end', () => {
    const { doc, items, put } = board();
    items.set('broken', 'not a map');
    put('toBroken', { kind: 'relates', from: 'a', to: 'broken' });
    const view = readBoard(doc);
    expect(view.items.has('broken' as never)).toBe(false);
    expect(view.problems.map((p) => `${p.target}:${p.id}:${p.code}`)).toEqual(['item:broken:not-a-map', 'link:toBroken:missing-end']);
  });

  it('answers an empty title when the title is not a string', () => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('title', 42);
    expect(readBoard(doc).title).toBe('');
  });
});

import { addItem, asItemId, asLinkId, boardMaps, initBoard, linkItems, type ItemId, type NewItem } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardToJson, serializeBoardJson } from './boardJson.js';

function board(build: (add: (item: NewItem) => ItemId, doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Flood workshop');
  build((item) => addItem(doc, { createdAt: 1, ...item }), doc);
  return doc;
}

const id = asItemId;

describe('boardToJson', () => {
  it('writes schema, title, every field of each item with the text as a string, sorted by id', () => {
    const doc = board((add, d) => {
      add({ id: id('b'), kind: 'threat', x: 10, y: -20, text: 'Drought', dimensions: ['food'], severity: 4, author: 'Amina' });
      add({ id: id('a'), kind: 'note', x: 0, y: 0, text: 'Hello' });
      linkItems(d, { id: asLinkId('l1'), kind: 'relates', from: id('a'), to: id('b'), label: 'see' });
    });
    expect(boardToJson(doc, { maxSensitivity: 'restricted' })).toEqual({
      schema: 1,
      title: 'Flood workshop',
      items: [
        { id: 'a', kind: 'note', text: 'Hello', x: 0, y: 0, w: 200, h: 120, createdAt: 1 },
        { id: 'b', kind: 'threat', text: 'Drought', x: 10, y: -20, w: 200, h: 120, author: 'Amina', createdAt: 1, dimensions: ['food'], severity: 4 },
      ],
      links: [{ id: 'l1', kind: 'relates', from: 'a', to: 'b', label: 'see' }],
    });
  });

  it('keeps fields and kinds of newer clients, and values out of range, as they are', () => {
    const doc = board((add) => add({ id: id('a'), kind: 'threat', x: 0, y: 0, severity: 9 }));
    const item = boardMaps(doc).items.get('a');
    item?.set('hazardZone', { radius: 3, tags: ['river'] });
    item?.set('kind', 'hazard');
    const [json] = boardToJson(doc, { maxSensitivity: 'public' }).items;
    expect(json).toMatchObject({ kind: 'hazard', severity: 9, hazardZone: { radius: 3, tags: ['river'] } });
  });

  it('leaves out items above maxSensitivity and every link touching them; an unreadable marking counts as confidential', () => {
    const doc = board((add, d) => {
      add({ id: id('pub'), kind: 'threat', x: 0, y: 0 });
      add({ id: id('res'), kind: 'group', x: 0, y: 0, sensitivity: 'restricted' });
      add({ id: id('con'), kind: 'actor', x: 0, y: 0, sensitivity: 'confidential' });
      linkItems(d, { id: asLinkId('l-res'), kind: 'affects', from: id('pub'), to: id('res') });
      linkItems(d, { id: asLinkId('l-con'), kind: 'relates', from: id('con'), to: id('pub') });
    });
    boardMaps(doc).items.get('pub')?.set('sensitivity', 'top-secret');
    const ids = (max: 'public' | 'restricted' | 'confidential') => {
      const json = boardToJson(doc, { maxSensitivity: max });
      return [json.items.map((item) => item.id), json.links.map((link) => link.id)];
    };
    expect(ids('public')).toEqual([[], []]);
    expect(ids('restricted')).toEqual([['res'], []]);
    expect(ids('confidential')).toEqual([['con', 'pub', 'res'], ['l-con', 'l-res']]);
  });

  it('leaves out entries that are not maps and links whose end is not an item', () => {
    const doc = board((add) => add({ id: id('a'), kind: 'note', x: 0, y: 0 }));
    const { items, links } = boardMaps(doc);
    (items as Y.Map<unknown>).set('junk', 'not a map');
    const dangling = new Y.Map<unknown>();
    links.set('l', dangling);
    dangling.set('kind', 'relates');
    dangling.set('from', 'a');
    dangling.set('to', 'gone');
    const json = boardToJson(doc, { maxSensitivity: 'confidential' });
    expect(json.items.map((item) => item.id)).toEqual(['a']);
    expect(json.links).toEqual([]);
  });

  it('writes the same bytes for two replicas whose fields arrived in different orders', () => {
    const write = (order: readonly string[]): Y.Doc => {
      const doc = new Y.Doc();
      initBoard(doc, 'T');
      const map = new Y.Map<unknown>();
      boardMaps(doc).items.set('a', map);
      const values: Record<string, unknown> = { kind: 'note', x: 1, y: 2, w: 3, h: 4, zeta: 1, alpha: { b: 1, a: 2 }, text: new Y.Text('t') };
      for (const key of order) map.set(key, values[key]);
      return doc;
    };
    const keys = ['kind', 'x', 'y', 'w', 'h', 'zeta', 'alpha', 'text'];
    const first = serializeBoardJson(boardToJson(write(keys), { maxSensitivity: 'public' }));
    const second = serializeBoardJson(boardToJson(write([...keys].reverse()), { maxSensitivity: 'public' }));
    expect(second).toBe(first);
    expect(first).toContain('"h": 4,\n      "alpha": {\n        "a": 2,\n        "b": 1\n      },\n      "zeta": 1');
    expect(first.endsWith('}\n')).toBe(true);
  });
});

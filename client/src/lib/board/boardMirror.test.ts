import { addItem, deleteItems, linkItems, moveItems, getItemText, initBoard, type ItemId } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardMirror, type MirrorChange } from './boardMirror.js';

function setup() {
  const doc = new Y.Doc();
  const origin = { local: true };
  initBoard(doc, 'Mirror test');
  const mirror = new BoardMirror(doc, origin);
  const changes: MirrorChange[] = [];
  mirror.subscribe((change) => changes.push(change));
  return { doc, origin, mirror, changes };
}

describe('BoardMirror', () => {
  it('reads the existing board and reports only the item that changed', () => {
    const { doc, origin, mirror, changes } = setup();
    const a = addItem(doc, { kind: 'threat', x: 0, y: 0, text: 'Drought' }, origin);
    const b = addItem(doc, { kind: 'group', x: 300, y: 0, text: 'Herders' });
    expect(mirror.title).toBe('Mirror test');
    expect(mirror.items.get(a)?.text).toBe('Drought');
    expect(changes.map((c) => [...c.items])).toEqual([[a], [b]]);
    expect(changes.map((c) => c.local)).toEqual([true, false]);

    changes.length = 0;
    moveItems(doc, [{ id: b, x: 10, y: 20 }]);
    expect(changes).toHaveLength(1);
    expect([...changes[0]!.items]).toEqual([b]);
    expect(mirror.items.get(b)).toMatchObject({ x: 10, y: 20 });
  });

  it('reports text edits on the item that owns the Y.Text', () => {
    const { doc, mirror, changes } = setup();
    const a = addItem(doc, { kind: 'note', x: 0, y: 0 });
    changes.length = 0;
    getItemText(doc, a)?.insert(0, 'hello');
    expect([...changes[0]!.items]).toEqual([a]);
    expect(mirror.items.get(a)?.text).toBe('hello');
  });

  it('reports links touching a moved item, and drops a link whose end is gone', () => {
    const { doc, mirror, changes } = setup();
    const a = addItem(doc, { kind: 'threat', x: 0, y: 0 });
    const b = addItem(doc, { kind: 'group', x: 300, y: 0 });
    const link = linkItems(doc, { kind: 'affects', from: a, to: b })!;
    expect(mirror.linkEnds(mirror.links.get(link)!)).toBeDefined();
    changes.length = 0;
    moveItems(doc, [{ id: a, x: 5, y: 5 }]);
    expect([...changes[0]!.links]).toEqual([link]);

    deleteItems(doc, [a as ItemId]);
    expect(mirror.items.has(a)).toBe(false);
    expect(mirror.links.has(link)).toBe(false);
  });

  it('keeps an unknown kind and records its problem', () => {
    const { doc, mirror } = setup();
    const map = new Y.Map<unknown>();
    doc.getMap('items').set('x1', map);
    map.set('kind', 'hazard');
    expect(mirror.items.get('x1' as ItemId)?.kind).toBe('hazard');
    expect(mirror.problems.get('x1')?.[0]?.code).toBe('unknown-kind');
  });
});

import { addItem, deleteItems, initBoard, linkItems, moveItems } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardMirror } from '../../board/boardMirror.js';
import { BoardIndex, linkCrosses } from './boardIndex.js';

function setup() {
  const doc = new Y.Doc();
  initBoard(doc, 'Index test');
  const mirror = new BoardMirror(doc, null);
  const index = new BoardIndex(mirror);
  mirror.subscribe((change) => index.apply(change));
  return { doc, mirror, index };
}

const everywhere = { x: -1e7, y: -1e7, w: 2e7, h: 2e7 };

describe('BoardIndex', () => {
  it('follows items as they are added, moved and deleted', () => {
    const { doc, index } = setup();
    const a = addItem(doc, { kind: 'threat', x: 0, y: 0, w: 200, h: 120 });
    const b = addItem(doc, { kind: 'group', x: 5000, y: 0, w: 200, h: 120 });
    expect(index.items.keysIn({ x: 0, y: 0, w: 960, h: 714 })).toEqual([a]);
    moveItems(doc, [{ id: b, x: 300, y: 100 }]);
    expect(index.items.keysIn({ x: 0, y: 0, w: 960, h: 714 }).sort()).toEqual([a, b].sort());
    deleteItems(doc, [a]);
    expect(index.items.keysIn(everywhere)).toEqual([b]);
  });

  it('finds a long link in a view between its ends, follows its cards, and drops it with them', () => {
    const { doc, index } = setup();
    const a = addItem(doc, { kind: 'threat', x: 0, y: 0, w: 200, h: 120 });
    const b = addItem(doc, { kind: 'group', x: 10_000, y: 0, w: 200, h: 120 });
    const link = linkItems(doc, { kind: 'affects', from: a, to: b });
    // Neither card is in this view, but the arrow between them crosses it.
    const middle = { x: 5000, y: 0, w: 960, h: 714 };
    expect(index.items.keysIn(middle)).toEqual([]);
    expect(index.links.keysIn(middle)).toEqual([link]);
    moveItems(doc, [{ id: b, x: 300, y: 5000 }]);
    expect(index.links.keysIn(middle)).toEqual([]);
    expect(index.links.keysIn({ x: 0, y: 2000, w: 960, h: 714 })).toEqual([link]);
    deleteItems(doc, [b]);
    expect(index.links.keysIn(everywhere)).toEqual([]);
  });

  it('takes in the first sync of a large board at once', () => {
    const source = new Y.Doc();
    initBoard(source, 'Big');
    source.transact(() => {
      for (let i = 0; i < 1200; i += 1) addItem(source, { kind: 'note', x: (i % 40) * 240, y: Math.floor(i / 40) * 160 });
    });
    const { doc, index } = setup();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(index.items.size).toBe(1200);
    expect(index.items.keysIn({ x: 0, y: 0, w: 950, h: 714 })).toHaveLength(4 * 5);
  });
});

describe('linkCrosses', () => {
  const card = (x: number, y: number) => ({ x, y, w: 200, h: 120 });

  it('keeps a long diagonal link out of a window its box covers but its line misses', () => {
    const from = card(0, 0);
    const to = card(20_000, 10_000);
    // Inside the box, far off the line (which runs through y = x / 2).
    expect(linkCrosses({ x: 15_000, y: 0, w: 960, h: 714 }, from, to)).toBe(false);
    // On the line.
    expect(linkCrosses({ x: 10_000, y: 5_000, w: 960, h: 714 }, from, to)).toBe(true);
  });

  it('takes a link that starts or ends in the window, and straight links', () => {
    expect(linkCrosses({ x: 50, y: 20, w: 100, h: 100 }, card(0, 0), card(5000, 0))).toBe(true);
    expect(linkCrosses({ x: 2000, y: -500, w: 100, h: 100 }, card(0, 0), card(5000, 0))).toBe(false);
    expect(linkCrosses({ x: 2000, y: 0, w: 100, h: 100 }, card(0, 0), card(5000, 0))).toBe(true);
    expect(linkCrosses({ x: 0, y: 2000, w: 300, h: 100 }, card(0, 0), card(0, 5000))).toBe(true);
  });

  it('answers only the crossing links from the index', () => {
    const { doc, index } = setup();
    const a = addItem(doc, { kind: 'threat', x: 0, y: 0, w: 200, h: 120 });
    const b = addItem(doc, { kind: 'group', x: 20_000, y: 10_000, w: 200, h: 120 });
    linkItems(doc, { kind: 'affects', from: a, to: b });
    const offLine = { x: 15_000, y: 0, w: 960, h: 714 };
    expect(index.links.keysIn(offLine)).toHaveLength(1);
    expect(index.linksCrossing(offLine)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from './commands.js';
import { boardMaps } from './document.js';
import { dragSet, itemsInFrame, moveItemsBy, moveWithFrames } from './frames.js';
import { readGeometry } from './geometry.js';
import { asItemId, type ItemId } from './ids.js';
import { readBoard } from './read.js';
import { seedBoard, unknownData } from './testing/seed.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function place(doc: Y.Doc, id: string, kind: 'frame' | 'threat' | 'note', box: Box): ItemId {
  return addItem(doc, { id: asItemId(id), kind, ...box }, 'setup');
}

/** outer frame (0,0)-(1000,1000) holding: inner frame with a card in it, a card; outside: a card. */
function framedBoard(): Y.Doc {
  const doc = new Y.Doc();
  place(doc, 'outer', 'frame', { x: 0, y: 0, w: 1000, h: 1000 });
  place(doc, 'inner', 'frame', { x: 100, y: 100, w: 400, h: 400 });
  place(doc, 'deep', 'threat', { x: 150, y: 150, w: 100, h: 100 });
  place(doc, 'card', 'note', { x: 600, y: 600, w: 100, h: 100 });
  place(doc, 'edge', 'note', { x: 900, y: 900, w: 100, h: 100 });
  place(doc, 'straddling', 'note', { x: 950, y: 0, w: 100, h: 100 });
  place(doc, 'outside', 'note', { x: 2000, y: 0, w: 100, h: 100 });
  return doc;
}

const position = (doc: Y.Doc, id: string): [unknown, unknown] => {
  const map = boardMaps(doc).items.get(id);
  return [map?.get('x'), map?.get('y')];
};

describe('itemsInFrame', () => {
  it('answers the items entirely inside, nested frames and their contents included, edges touching counted', () => {
    const doc = framedBoard();
    expect(itemsInFrame(readBoard(doc), asItemId('outer'))).toEqual(['card', 'deep', 'edge', 'inner']);
    expect(itemsInFrame(readGeometry(doc), asItemId('inner'))).toEqual(['deep']);
  });

  it('answers nothing for an item that is not a frame, or no item', () => {
    const doc = framedBoard();
    expect(itemsInFrame(readBoard(doc), asItemId('card'))).toEqual([]);
    expect(itemsInFrame(readBoard(doc), asItemId('nothing'))).toEqual([]);
  });

  it('holds items of kinds this version does not know', () => {
    const doc = new Y.Doc();
    seedBoard(doc); // the unknown-kind item sits at (10,20) 100x50
    place(doc, 'frame', 'frame', { x: 0, y: 0, w: 150, h: 100 });
    expect(itemsInFrame(readBoard(doc), asItemId('frame'))).toEqual(['future']);
  });

  it('reads a negative width as the box it draws', () => {
    const doc = new Y.Doc();
    place(doc, 'frame', 'frame', { x: 500, y: 0, w: -500, h: 500 });
    place(doc, 'card', 'note', { x: 10, y: 10, w: 50, h: 50 });
    expect(itemsInFrame(readBoard(doc), asItemId('frame'))).toEqual(['card']);
  });
});

describe('dragSet', () => {
  it('is the ids given, then the contents of the frames among them, each once', () => {
    const doc = framedBoard();
    const view = readBoard(doc);
    expect(dragSet(view, [asItemId('outside'), asItemId('inner'), asItemId('outer')])).toEqual([
      'outside', 'inner', 'outer', 'deep', 'card', 'edge',
    ]);
    expect(dragSet(view, [asItemId('card'), asItemId('card'), asItemId('missing')])).toEqual(['card']);
  });
});

describe('moveItemsBy', () => {
  it('moves exactly the given items, each once, by the delta', () => {
    const doc = framedBoard();
    moveItemsBy(doc, [asItemId('card'), asItemId('card'), asItemId('missing')], { dx: 5, dy: -5 }, 'drag');
    expect(position(doc, 'card')).toEqual([605, 595]);
    expect(position(doc, 'outer')).toEqual([0, 0]);
  });

  it('does nothing for a delta that is not finite', () => {
    const doc = framedBoard();
    const before = Y.encodeStateVector(doc);
    moveItemsBy(doc, [asItemId('card')], { dx: Number.NaN, dy: 1 }, 'drag');
    moveItemsBy(doc, [asItemId('card')], { dx: 1, dy: Number.POSITIVE_INFINITY }, 'drag');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps a drag from picking up what the frame passes over, when the set is taken at its start', () => {
    const doc = framedBoard();
    const moving = dragSet(readGeometry(doc), [asItemId('inner')]);
    // The inner frame is dragged right in steps, across the card at (600,600)... and past it.
    for (let step = 0; step < 10; step++) moveItemsBy(doc, moving, { dx: 60, dy: 60 }, 'drag');
    expect(position(doc, 'inner')).toEqual([700, 700]);
    expect(position(doc, 'deep')).toEqual([750, 750]);
    expect(position(doc, 'card')).toEqual([600, 600]);
  });
});

describe('moveWithFrames', () => {
  it('moves frames with their contents, an item in two moved frames once', () => {
    const doc = framedBoard();
    const moved = moveWithFrames(doc, [asItemId('outer'), asItemId('inner')], { dx: 10, dy: 20 }, 'nudge');
    expect(new Set(moved)).toEqual(new Set(['outer', 'inner', 'deep', 'card', 'edge']));
    expect(position(doc, 'outer')).toEqual([10, 20]);
    expect(position(doc, 'inner')).toEqual([110, 120]);
    expect(position(doc, 'deep')).toEqual([160, 170]);
    expect(position(doc, 'card')).toEqual([610, 620]);
    expect(position(doc, 'straddling')).toEqual([950, 0]);
    expect(position(doc, 'outside')).toEqual([2000, 0]);
  });

  it('moves a card with a broken position from where it is drawn, and keeps unknown data', () => {
    const doc = new Y.Doc();
    const board = seedBoard(doc);
    const before = unknownData(doc);
    boardMaps(doc).items.get(board.response)?.set('x', 'left');
    moveWithFrames(doc, [board.response, board.future], { dx: 1, dy: 1 }, 'nudge');
    expect(position(doc, board.response)).toEqual([1, 1]);
    expect(position(doc, board.future)).toEqual([11, 21]);
    expect(unknownData(doc)).toEqual(before);
  });
});

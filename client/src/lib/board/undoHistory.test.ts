import { addItem, deleteItems, getItemText, linkItems, moveItems, readBoard, setItemText, type ItemId } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalOrigin } from '../sync/localOrigin.js';
import { UndoHistory } from './undoHistory.js';

/** Two people's documents, kept in sync in-process the way the server relays updates. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const REMOTE = Symbol('remote');
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(b, update, REMOTE));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(a, update, REMOTE));
  return { a, b, originA: new LocalOrigin('a'), originB: new LocalOrigin('b') };
}

/** A clock the test moves by hand. */
function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const position = (doc: Y.Doc, id: ItemId) => {
  const item = readBoard(doc).items.get(id);
  return item && { x: item.x, y: item.y };
};

describe('UndoHistory', () => {
  it('undoes my move but keeps a peer’s edit made in between', () => {
    const { a, b, originA, originB } = pair();
    const time = clock();
    const history = new UndoHistory(a, originA, { now: time.now });
    const mine = addItem(a, { kind: 'threat', x: 0, y: 0, text: 'Food prices' }, originA);
    const theirs = addItem(b, { kind: 'group', x: 300, y: 0, text: 'Farmers' }, originB);
    history.checkpoint();
    moveItems(a, [{ id: mine, x: 100, y: 50 }], originA);
    setItemText(b, theirs, 'Smallholder farmers', originB);
    moveItems(b, [{ id: theirs, x: 400, y: 10 }], originB);

    expect(history.undo()).toBe(true);
    for (const doc of [a, b]) {
      expect(position(doc, mine)).toEqual({ x: 0, y: 0 });
      expect(getItemText(doc, theirs)?.toString()).toBe('Smallholder farmers');
      expect(position(doc, theirs)).toEqual({ x: 400, y: 10 });
    }
    expect(history.redo()).toBe(true);
    expect(position(b, mine)).toEqual({ x: 100, y: 50 });
    // Only my changes were ever tracked: two undos take back the move, then the creation.
    history.undo();
    history.undo();
    expect(position(b, mine)).toBeUndefined();
    expect(position(b, theirs)).toEqual({ x: 400, y: 10 });
    expect(history.canUndo).toBe(false);
  });

  it('takes back a throttled drag of many updates in one step, and a held drag despite pauses', () => {
    const { a, originA } = pair();
    const time = clock();
    const history = new UndoHistory(a, originA, { now: time.now });
    const id = addItem(a, { kind: 'note', x: 0, y: 0 }, originA);
    history.checkpoint();
    for (let step = 1; step <= 30; step++) {
      time.advance(33);
      moveItems(a, [{ id, x: step * 10, y: step }], originA);
    }
    history.checkpoint();
    history.undo();
    expect(position(a, id)).toEqual({ x: 0, y: 0 });

    const release = history.hold();
    moveItems(a, [{ id, x: 50, y: 50 }], originA);
    time.advance(2_000);
    moveItems(a, [{ id, x: 90, y: 90 }], originA);
    release();
    moveItems(a, [{ id, x: 500, y: 500 }], originA);
    history.undo();
    expect(position(a, id)).toEqual({ x: 90, y: 90 });
    history.undo();
    expect(position(a, id)).toEqual({ x: 0, y: 0 });
  });

  it('splits changes further apart than the capture timeout, and joins a typing burst', () => {
    const { a, originA } = pair();
    const time = clock();
    const history = new UndoHistory(a, originA, { now: time.now, captureTimeout: 500 });
    const id = addItem(a, { kind: 'note', x: 0, y: 0 }, originA);
    time.advance(1_000);
    const text = getItemText(a, id)!;
    for (const [index, letter] of [...'hello'].entries()) {
      time.advance(120);
      a.transact(() => text.insert(index, letter), originA);
    }
    time.advance(800);
    a.transact(() => text.insert(5, '!'), originA);
    history.undo();
    expect(text.toString()).toBe('hello');
    history.undo();
    expect(text.toString()).toBe('');
    expect(position(a, id)).toEqual({ x: 0, y: 0 });
  });

  it('brings a deleted card back with its text and links', () => {
    const { a, b, originA } = pair();
    const history = new UndoHistory(a, originA);
    const threat = addItem(a, { kind: 'threat', x: 0, y: 0, text: 'Drought' }, originA);
    const response = addItem(a, { kind: 'response', x: 0, y: 200, text: 'Water storage' }, originA);
    linkItems(a, { kind: 'addresses', from: response, to: threat }, originA);
    history.checkpoint();
    deleteItems(a, [threat], originA);
    expect(readBoard(b).links.size).toBe(0);
    history.undo();
    const board = readBoard(b);
    expect(board.items.get(threat)?.text).toBe('Drought');
    expect([...board.links.values()].map((link) => [link.kind, link.from, link.to])).toEqual([['addresses', response, threat]]);
  });

  it('ignores changes with other origins (peers, the provider, an import) and tells listeners', () => {
    const { a, originA } = pair();
    const history = new UndoHistory(a, originA);
    let notified = 0;
    history.subscribe(() => notified++);
    addItem(a, { kind: 'note', x: 0, y: 0 }, 'someone else');
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBe(false);
    addItem(a, { kind: 'note', x: 0, y: 0 }, originA);
    expect(history.canUndo).toBe(true);
    history.undo();
    expect(history.canRedo).toBe(true);
    expect(notified).toBeGreaterThanOrEqual(2);
    history.destroy();
  });
});

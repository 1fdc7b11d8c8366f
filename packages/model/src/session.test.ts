// The session focus: written in one transaction with the caller's origin, read tolerantly, and
// a repeated write to the same place is still a change that peers observe.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from './document.js';
import { asFocus, focusChanged, readFocus, setFocus } from './session.js';
import { recordTransactions } from './testing/transactions.js';

function syncedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update, 'remote'));
  return [a, b];
}

describe('setFocus', () => {
  it('writes x, y and zoom in one transaction carrying the origin', () => {
    const doc = new Y.Doc();
    const origin = { label: 'session' };
    const log = recordTransactions(doc);
    expect(setFocus(doc, { x: 120.5, y: -40, zoom: 0.75 }, origin)).toBe(true);
    log.stop();
    expect(log.transactions).toEqual([origin]);
    expect(log.updates).toEqual([origin]);
    expect(readFocus(doc)).toEqual({ x: 120.5, y: -40, zoom: 0.75 });
    expect(boardMaps(doc).session.toJSON()).toEqual({ focus: { x: 120.5, y: -40, zoom: 0.75 } });
  });

  it('keeps only x, y and zoom of what it is given', () => {
    const doc = new Y.Doc();
    setFocus(doc, { x: 1, y: 2, zoom: 3, extra: 'dropped' } as never);
    expect(boardMaps(doc).session.get('focus')).toEqual({ x: 1, y: 2, zoom: 3 });
  });

  it('writes nothing for an unusable view', () => {
    const doc = new Y.Doc();
    const log = recordTransactions(doc);
    for (const bad of [
      { x: Number.NaN, y: 0, zoom: 1 },
      { x: 0, y: Number.POSITIVE_INFINITY, zoom: 1 },
      { x: 0, y: 0, zoom: 0 },
      { x: 0, y: 0, zoom: -1 },
    ]) {
      expect(setFocus(doc, bad)).toBe(false);
    }
    log.stop();
    expect(log.transactions).toEqual([]);
    expect(readFocus(doc)).toBeUndefined();
  });

  it('is observed by a peer every time, even when set twice to the same place', () => {
    const [a, b] = syncedPair();
    const seen: boolean[] = [];
    boardMaps(b).session.observe((event) => seen.push(focusChanged(event.keysChanged)));
    setFocus(a, { x: 10, y: 20, zoom: 1 });
    setFocus(a, { x: 10, y: 20, zoom: 1 });
    expect(seen).toEqual([true, true]);
    expect(readFocus(b)).toEqual({ x: 10, y: 20, zoom: 1 });
  });
});

describe('readFocus', () => {
  it('ignores what is not a usable view', () => {
    const doc = new Y.Doc();
    const { session } = boardMaps(doc);
    for (const bad of [null, 'here', 42, [1, 2, 1], { x: 1, y: 2 }, { x: '1', y: 2, zoom: 1 }, { x: 1, y: 2, zoom: 0 }]) {
      session.set('focus', bad);
      expect(readFocus(doc)).toBeUndefined();
    }
  });

  it('reads a focus another client wrote as a Y.Map', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<number>();
    boardMaps(doc).session.set('focus', map);
    map.set('x', 5);
    map.set('y', 6);
    map.set('zoom', 2);
    expect(readFocus(doc)).toEqual({ x: 5, y: 6, zoom: 2 });
  });

  it('is what asFocus makes of the stored value', () => {
    expect(asFocus({ x: 0, y: 0, zoom: 1, more: true })).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(asFocus(undefined)).toBeUndefined();
  });
});

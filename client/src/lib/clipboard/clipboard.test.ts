import { addItem, asItemId, copySelection, serializeClipboard, type ClipboardPayload, type ItemId, type Sensitivity } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { copyableIds } from './copyPolicy.js';
import { MAX_UPDATE_BYTES, fitsOneUpdate, pasteUpdateBytes } from './pasteSize.js';
import { pasteTopLeft } from './placement.js';

describe('what a copy may take out of the board', () => {
  const items = new Map<ItemId, { sensitivity: Sensitivity }>([
    [asItemId('a'), { sensitivity: 'public' }],
    [asItemId('b'), { sensitivity: 'confidential' }],
    [asItemId('c'), { sensitivity: 'restricted' }],
  ]);
  const ids = ['a', 'b', 'c', 'gone'].map(asItemId);

  it('leaves confidential cards out of anyone’s copy but a facilitator’s, and counts them', () => {
    expect(copyableIds(items, ids, false)).toEqual({ ids: ['a', 'c'], leftOut: 1 });
    expect(copyableIds(items, ids, true)).toEqual({ ids: ['a', 'b', 'c'], leftOut: 0 });
  });
});

function payloadOf(count: number, textLength: number): ClipboardPayload {
  const doc = new Y.Doc();
  const ids = Array.from({ length: count }, (_, i) => addItem(doc, { kind: 'note', x: i * 10, y: 0, text: 'x'.repeat(textLength) }));
  return copySelection(doc, ids);
}

describe('the size of a paste', () => {
  it('measures about what the cards hold', () => {
    const small = pasteUpdateBytes(payloadOf(3, 100));
    expect(small).toBeGreaterThan(300);
    expect(small).toBeLessThan(3000);
  });

  it('refuses a paste whose one update would come near the server’s 1 MiB frame limit', () => {
    // 100 cards of 9,000 characters: about 900 KB of text alone, within the clipboard's own limits.
    const big = payloadOf(100, 9500);
    expect(serializeClipboard(big).length).toBeLessThan(5_000_000);
    expect(pasteUpdateBytes(big)).toBeGreaterThan(MAX_UPDATE_BYTES);
    expect(fitsOneUpdate(big)).toBe(false);
    expect(fitsOneUpdate(payloadOf(10, 9500))).toBe(true);
  });
});

describe('where a paste lands', () => {
  it('centres the cards on the point', () => {
    const doc = new Y.Doc();
    const a = addItem(doc, { kind: 'note', x: 1000, y: 1000 });
    const b = addItem(doc, { kind: 'note', x: 1200, y: 1080 });
    // Default cards are 200 x 120: together 400 x 200.
    expect(pasteTopLeft(copySelection(doc, [a, b]), { x: 0, y: 0 })).toEqual({ x: -200, y: -100 });
  });

  it('puts an empty payload at the point', () => {
    expect(pasteTopLeft({ interlink: 'clipboard', schema: 1, items: [], links: [] }, { x: 5, y: 6 })).toEqual({ x: 5, y: 6 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChange, diffText, transformIndex } from './textDiff.js';

describe('diffText', () => {
  it('finds a single insertion, deletion and replacement', () => {
    expect(diffText('helo', 'hello', 4)).toEqual({ index: 3, remove: 0, insert: 'l' });
    expect(diffText('hello', 'hllo', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('a cat sat', 'a dog sat', 5)).toEqual({ index: 2, remove: 3, insert: 'dog' });
    expect(diffText('same', 'same')).toBeUndefined();
  });

  it('places an ambiguous insertion at the caret', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('never splits a surrogate pair', () => {
    const change = diffText('x😀y', 'x😃y')!;
    expect(change.insert).toBe('😃');
    expect(change.remove).toBe(2);
  });

  it('always produces the new text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.nat(), (a, b, c) => {
        const change = diffText(a, b, c % (b.length + 1));
        expect(change ? applyChange(a, change) : a).toBe(b);
      }),
    );
  });
});

describe('transformIndex', () => {
  it('moves the caret past text inserted before it and back over text deleted before it', () => {
    expect(transformIndex(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
    expect(transformIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
  });

  it('agrees with a real Y.Text event', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    let caret = 6; // before "world"
    text.observe((event) => {
      caret = transformIndex(caret, event.delta);
    });
    doc.transact(() => {
      text.insert(0, '>> ');
      text.delete(8, 1); // the space, now at 8
    });
    expect(text.toString().slice(caret)).toBe('world');
  });
});

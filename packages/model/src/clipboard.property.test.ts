// Property: whatever text or value lands on the clipboard, reading it never throws, and what it
// accepts pastes, serializes and reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isClipboardError, parseClipboard, parseClipboardValue, pasteClipboard, serializeClipboard } from './clipboard.js';
import { boardMaps } from './document.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const card = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    kind: fc.oneof(fc.constantFrom('threat', 'note', 'frame', 'hazard-zone'), fc.string({ maxLength: 3 })),
    x: finite,
    y: fc.integer(),
    w: fc.double({ noNaN: true, min: -10, max: 500 }),
    h: fc.nat(),
    text: fc.string({ maxLength: 20 }),
    severity: fc.jsonValue({ maxDepth: 2 }),
    future: fc.jsonValue({ maxDepth: 3 }),
    author: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ['id', 'kind', 'x', 'y', 'w', 'h'] },
);
const link = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 3 }),
    kind: fc.constantFrom('relates', 'inhibits'),
    from: fc.constantFrom('a', 'b', 'c', 'z'),
    to: fc.constantFrom('a', 'b', 'c', 'z'),
    weight: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: ['id', 'kind', 'from', 'to'] },
);
const wellFormed = fc.record({
  interlink: fc.constant('clipboard'),
  schema: fc.constant(1),
  items: fc.uniqueArray(card, { maxLength: 4, selector: (item) => item.id }),
  links: fc.array(link, { maxLength: 5 }),
});
/** Clipboards with any part wrong or missing, for the refusing paths. */
const malformed = fc.record(
  {
    interlink: fc.oneof(fc.constant('clipboard'), fc.string({ maxLength: 3 })),
    schema: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 0 })),
    items: fc.oneof(fc.array(fc.oneof(card, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    links: fc.oneof(fc.array(fc.oneof(link, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: [] },
);
const clipboardLike = fc.oneof({ weight: 2, arbitrary: wellFormed }, { weight: 1, arbitrary: malformed });

describe('parseClipboard', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json()), (text) => {
        const result = parseClipboard(text);
        expect(typeof result).toBe('object');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any JS value, JSON or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), clipboardLike), (value) => {
        expect(() => parseClipboardValue(value)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('accepts only what pastes, and reads its own serialization back the same', () => {
    let accepted = 0;
    fc.assert(
      fc.property(clipboardLike, (value) => {
        const result = parseClipboard(JSON.stringify(value));
        if (isClipboardError(result)) return;
        accepted++;
        expect(parseClipboard(serializeClipboard(result))).toEqual(result);
        const ids = new Set(result.items.map((item) => item.id));
        for (const l of result.links) expect(ids.has(l.from) && ids.has(l.to)).toBe(true);
        const doc = new Y.Doc();
        const pasted = pasteClipboard(doc, result, { x: 0, y: 0 });
        expect(pasted.size).toBe(result.items.length);
        expect(boardMaps(doc).items.size).toBe(result.items.length);
        expect(boardMaps(doc).links.size).toBe(result.links.length);
        for (const item of boardMaps(doc).items.values()) expect(item.has('author')).toBe(false);
      }),
      { numRuns: 300 },
    );
    // The generator is meant to reach the accepting path often, not only the refusals.
    expect(accepted).toBeGreaterThan(100);
  });
});

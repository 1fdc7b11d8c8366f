// Property: whatever peers wrote (random values of random types under random keys, non-map
// items, links to anything), the tolerant reader answers and never throws, and what it answers
// keeps the promises the renderers and exports rely on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, type ItemView } from './read.js';
import { ITEM_FIELD_NAMES } from './testing/arbitraries.js';
import { buildJunkBoard, junkBoardSpec } from './testing/junkBoards.js';
import { normalizeBoard } from './testing/normalize.js';
import { DIMENSIONS, ITEM_KINDS, SCORE_MAX, SCORE_MIN, SENSITIVITIES, isOneOf } from './vocabulary.js';

const KNOWN_ITEM_FIELDS = new Set<string>(ITEM_FIELD_NAMES);

function expectSoundItem(item: ItemView, raw: Y.Map<unknown>): void {
  for (const n of [item.x, item.y, item.w, item.h]) expect(Number.isFinite(n)).toBe(true);
  expect(typeof item.text).toBe('string');
  expect(isOneOf(SENSITIVITIES, item.sensitivity)).toBe(true);
  for (const score of [item.severity, item.likelihood]) {
    if (score !== undefined) expect(Number.isInteger(score) && score >= SCORE_MIN && score <= SCORE_MAX).toBe(true);
  }
  for (const d of item.dimensions ?? []) expect(isOneOf(DIMENSIONS, d)).toBe(true);
  expect(item.knownKind).toBe(isOneOf(ITEM_KINDS, item.kind) ? item.kind : undefined);
  // Every unknown field is kept, as an own property of a plain object.
  expect(Object.getPrototypeOf(item.extra)).toBe(Object.prototype);
  expect(Object.keys(item.extra).sort()).toEqual([...raw.keys()].filter((k) => !KNOWN_ITEM_FIELDS.has(k)).sort());
}

describe('readBoard on arbitrary data', () => {
  it('never throws, reports every unreadable entry, and answers sound views', () => {
    fc.assert(
      fc.property(junkBoardSpec, (spec) => {
        const doc = buildJunkBoard(spec);
        const view = readBoard(doc);
        const reported = new Set(view.problems.map((p) => `${p.target}:${p.id}`));
        for (const [key, raw] of doc.getMap<unknown>('items').entries()) {
          const item = view.items.get(key as ItemView['id']);
          if (raw instanceof Y.Map) {
            expect(item).toBeDefined();
            if (item) expectSoundItem(item, raw as Y.Map<unknown>);
          } else {
            expect(item).toBeUndefined();
            expect(reported.has(`item:${key}`)).toBe(true);
          }
        }
        for (const key of doc.getMap<unknown>('links').keys()) {
          const link = [...view.links.values()].find((l) => l.id === key);
          if (link) {
            expect(view.items.has(link.from) && view.items.has(link.to)).toBe(true);
          } else {
            expect(reported.has(`link:${key}`)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same board on a peer that received it over the wire', () => {
    fc.assert(
      fc.property(junkBoardSpec, (spec) => {
        const doc = buildJunkBoard(spec);
        const peer = new Y.Doc();
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
        expect(normalizeBoard(readBoard(peer))).toEqual(normalizeBoard(readBoard(doc)));
      }),
      { numRuns: 200 },
    );
  });
});

// Properties of the json export and its import: an export imported into an empty board exports
// back the same (CONTRACT.md 5: "importing it gives back an equal board"), on valid boards with
// fields of newer clients and on any junk a peer may write; merging into a board that has content
// never changes what was there.
import {
  DIMENSIONS,
  ITEM_KINDS,
  LEVELS,
  LINK_KINDS,
  ONSETS,
  PHASES,
  POLARITIES,
  SECTORS,
  SENSITIVITIES,
  STRATEGIES,
  addItem,
  asItemId,
  asLinkId,
  boardMaps,
  initBoard,
  linkItems,
} from '@interlink/model';
import { ITEM_FIELD_NAMES, LINK_FIELD_NAMES, buildJunkBoard, junkBoardSpec, plainValue } from '@interlink/model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardToJson, serializeBoardJson } from './boardJson.js';
import { mergeIntoBoard } from './merge.js';
import { parseBoardJsonText } from './parseBoardJson.js';

const KNOWN = new Set<string>([...ITEM_FIELD_NAMES, ...LINK_FIELD_NAMES, 'id']);
/** Fields a newer client might add: any name the schema does not use, `__proto__` included. */
const unknownFields = fc.dictionary(
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'hazardZone', 'votes'), fc.string({ maxLength: 8 })).filter((key) => !KNOWN.has(key)),
  plainValue,
  { maxKeys: 3 },
);
const finite = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }));
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });

const itemSpec = fc.record({
  kind: fc.constantFrom(...ITEM_KINDS),
  x: finite,
  y: finite,
  w: maybe(fc.integer({ min: 1, max: 600 })),
  text: fc.string({ maxLength: 30, unit: 'grapheme' }),
  color: maybe(fc.constantFrom('#ffcc00', 'red')),
  sensitivity: maybe(fc.constantFrom(...SENSITIVITIES)),
  author: maybe(fc.string({ maxLength: 8 })),
  dimensions: maybe(fc.subarray([...DIMENSIONS])),
  severity: maybe(fc.integer({ min: 1, max: 5 })),
  onset: maybe(fc.constantFrom(...ONSETS)),
  level: maybe(fc.constantFrom(...LEVELS)),
  sector: maybe(fc.constantFrom(...SECTORS)),
  strategy: maybe(fc.constantFrom(...STRATEGIES)),
  phase: maybe(fc.constantFrom(...PHASES)),
  threshold: maybe(fc.string({ maxLength: 10 })),
  unknown: unknownFields,
});
const linkSpec = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  kind: fc.constantFrom(...LINK_KINDS),
  label: maybe(fc.string({ maxLength: 10 })),
  polarity: maybe(fc.constantFrom(...POLARITIES)),
  unknown: unknownFields,
});
const boardSpec = fc.record({
  title: fc.string({ maxLength: 20 }),
  items: fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), itemSpec), { maxLength: 8, selector: ([id]) => id }),
  links: fc.array(linkSpec, { maxLength: 10 }),
});
type BoardSpec = typeof boardSpec extends fc.Arbitrary<infer T> ? T : never;

/** A board written through the model's commands, plus the unknown fields a newer client would add. */
function buildBoard(spec: BoardSpec): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, spec.title);
  for (const [id, { unknown, ...fields }] of spec.items) {
    // addItem leaves a field given as undefined unset, as a client would.
    addItem(doc, { ...fields, id: asItemId(id), createdAt: 1 });
    const map = boardMaps(doc).items.get(id);
    for (const [key, value] of Object.entries(unknown)) map?.set(key, value);
  }
  const ids = spec.items.map(([id]) => asItemId(id));
  for (const [index, { from, to, unknown, label, polarity, kind }] of spec.links.entries()) {
    if (ids.length === 0) break;
    const made = linkItems(doc, {
      id: asLinkId(`l${index}`),
      kind,
      from: ids[from % ids.length] ?? asItemId(''),
      to: ids[to % ids.length] ?? asItemId(''),
      ...(label === undefined ? {} : { label }),
      ...(polarity === undefined ? {} : { polarity }),
    });
    const map = made && boardMaps(doc).links.get(made);
    for (const [key, value] of Object.entries(unknown)) map?.set(key, value);
  }
  return doc;
}

/** Export, read the file back as an import would, merge it into an empty board, export again. */
function roundTrip(doc: Y.Doc): { first: string; second: string } {
  const first = serializeBoardJson(boardToJson(doc, { maxSensitivity: 'confidential' }));
  const parsed = parseBoardJsonText(first);
  if (!parsed.ok) throw new Error(`its own export was refused: ${parsed.error.message}`);
  const target = new Y.Doc();
  initBoard(target, boardToJson(doc, { maxSensitivity: 'public' }).title);
  const result = mergeIntoBoard(target, parsed.board);
  expect(result.renamed).toEqual({ items: 0, links: 0 });
  return { first, second: serializeBoardJson(boardToJson(target, { maxSensitivity: 'confidential' })) };
}

describe('json export and import', () => {
  it('an export imported into an empty board exports back the same, unknown fields included', () => {
    fc.assert(
      fc.property(boardSpec, (spec) => {
        const { first, second } = roundTrip(buildBoard(spec));
        expect(second).toBe(first);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('round-trips whatever a peer wrote (junk boards), and never refuses its own export', () => {
    fc.assert(
      fc.property(junkBoardSpec, (spec) => {
        const { first, second } = roundTrip(buildJunkBoard(spec));
        expect(second).toBe(first);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('merging into a board with content never changes what was there, and adds what was new', () => {
    fc.assert(
      fc.property(boardSpec, boardSpec, (existingSpec, importedSpec) => {
        const doc = buildBoard(existingSpec);
        const before = boardToJson(doc, { maxSensitivity: 'confidential' });
        const imported = boardToJson(buildBoard(importedSpec), { maxSensitivity: 'confidential' });
        const result = mergeIntoBoard(doc, imported);
        const after = boardToJson(doc, { maxSensitivity: 'confidential' });
        for (const item of before.items) expect(after.items).toContainEqual(item);
        for (const link of before.links) expect(after.links).toContainEqual(link);
        expect(after.items).toHaveLength(before.items.length + result.added.items);
        expect(after.links).toHaveLength(before.links.length + result.added.links);
        expect(result.added.items + result.skipped.items).toBe(imported.items.length);
        expect(result.added.links + result.skipped.links).toBe(imported.links.length);
        // Every imported card is on the board: under its own id, or renamed with the same fields.
        const strip = ({ id: _id, ...fields }: { readonly id: string }) => fields;
        for (const item of imported.items) expect(after.items.map(strip)).toContainEqual(strip(item));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

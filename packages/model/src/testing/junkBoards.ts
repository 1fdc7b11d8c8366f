// Test support: whole boards of whatever peers may write (random values of random types under
// random keys, items that are not maps, links to anything), for the properties that every
// reader of a board (the tolerant reader, the analysis, the exports) answers and never throws.
import fc from 'fast-check';
import * as Y from 'yjs';
import { LINK_KINDS } from '../vocabulary.js';
import { ITEM_FIELD_NAMES, LINK_FIELD_NAMES, fillMap, mapSpec, materialize, valueSpec, type MapSpec, type ValueSpec } from './arbitraries.js';

export type EntrySpec = { readonly map: MapSpec } | { readonly value: ValueSpec };

export interface JunkBoardSpec {
  readonly meta: MapSpec;
  readonly items: ReadonlyArray<readonly [string, EntrySpec]>;
  readonly links: ReadonlyArray<readonly [string, EntrySpec]>;
}

const ITEM_IDS = ['a', 'b', 'c', 'd'];
const id = fc.oneof(fc.constantFrom(...ITEM_IDS), fc.string({ maxLength: 4 }));

const entry = (known: readonly string[]): fc.Arbitrary<EntrySpec> =>
  fc.oneof(
    { weight: 4, arbitrary: mapSpec(known).map((map) => ({ map })) },
    { weight: 1, arbitrary: valueSpec.map((value) => ({ value })) },
  );

/**
 * Links get their ends from the item ids, and often a known kind, most of the time, so that most
 * of them are drawable and reach the analysis; the random fields after them may still override.
 */
const linkEntry: fc.Arbitrary<EntrySpec> = fc
  .tuple(entry(LINK_FIELD_NAMES), fc.constantFrom(...ITEM_IDS), fc.constantFrom(...ITEM_IDS), fc.constantFrom(...LINK_KINDS), fc.nat(3))
  .map(([spec, from, to, kind, wiring]) => {
    if (!('map' in spec) || wiring === 0) return spec;
    const ends = [['from', { plain: from }], ['to', { plain: to }]] as const;
    return { map: [...(wiring > 1 ? [['kind', { plain: kind }] as const] : []), ...ends, ...spec.map] };
  });

export const junkBoardSpec: fc.Arbitrary<JunkBoardSpec> = fc.record({
  meta: mapSpec(['title', 'schema']),
  items: fc.array(fc.tuple(id, entry(ITEM_FIELD_NAMES)), { maxLength: 6 }),
  links: fc.array(fc.tuple(id, linkEntry), { maxLength: 8 }),
});

export function buildJunkBoard(spec: JunkBoardSpec): Y.Doc {
  const doc = new Y.Doc();
  fillMap(doc.getMap('meta'), spec.meta);
  for (const [name, entries] of [['items', spec.items], ['links', spec.links]] as const) {
    const top = doc.getMap<unknown>(name);
    for (const [key, value] of entries) {
      if ('value' in value) {
        top.set(key, materialize(value.value));
      } else {
        const map = new Y.Map<unknown>();
        top.set(key, map);
        fillMap(map, value.map);
      }
    }
  }
  return doc;
}

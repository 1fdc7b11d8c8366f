// Test support: fast-check arbitraries for what a peer may write into a board. Shared types are
// generated as specs and built only at use, because a Yjs type can be inserted into a document
// once, while fast-check may hand the same generated value to several runs.
import fc from 'fast-check';
import * as Y from 'yjs';
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
} from '../vocabulary.js';

/** Every word of the schema, so that random data often hits the reader's good paths too. */
const VOCABULARY = [
  ...ITEM_KINDS, ...LINK_KINDS, ...DIMENSIONS, ...SENSITIVITIES, ...ONSETS, ...LEVELS, ...SECTORS, ...STRATEGIES,
  ...PHASES, ...POLARITIES,
];

export const ITEM_FIELD_NAMES = [
  'kind', 'x', 'y', 'w', 'h', 'text', 'z', 'color', 'sensitivity', 'author', 'createdAt', 'dimensions',
  'severity', 'likelihood', 'onset', 'level', 'sector', 'strategy', 'phase', 'threshold', 'action',
] as const;
export const LINK_FIELD_NAMES = ['kind', 'from', 'to', 'label', 'polarity'] as const;

/** Keys of plain objects inside values. `__proto__` is left out: Yjs's own decoder drops it. */
const objectKey = fc.oneof(fc.constantFrom('a', 'b', 'value'), fc.string({ maxLength: 6 })).filter((key) => key !== '__proto__');

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer({ min: -3, max: 8 }),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  // Yjs stores bigints as 64-bit integers; a wider one would not survive the wire.
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.uint8Array({ maxLength: 4 }),
  fc.constantFrom(...VOCABULARY),
);

/** Any plain value Yjs can carry: scalars, arrays and objects of them. */
export const plainValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.constantFrom(...DIMENSIONS, 'cyber'), { maxLength: 4 }),
    fc.dictionary(objectKey, tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

export type SharedSpec =
  | { readonly shared: 'text'; readonly text: string }
  | { readonly shared: 'array'; readonly values: readonly unknown[] }
  | { readonly shared: 'map'; readonly entries: ReadonlyArray<readonly [string, unknown]> };

export type ValueSpec = { readonly plain: unknown } | SharedSpec;

/** A Y.Array refuses undefined and bigint elements at its top level (nested ones are fine). */
const arrayElement = plainValue.filter((value) => value !== undefined && typeof value !== 'bigint');

export const sharedSpec: fc.Arbitrary<SharedSpec> = fc.oneof(
  fc.record({ shared: fc.constant('text' as const), text: fc.string({ maxLength: 12 }) }),
  fc.record({ shared: fc.constant('array' as const), values: fc.array(arrayElement, { maxLength: 3 }) }),
  fc.record({ shared: fc.constant('map' as const), entries: fc.array(fc.tuple(objectKey, plainValue), { maxLength: 3 }) }),
);

export const valueSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: plainValue.map((plain) => ({ plain })) },
  { weight: 1, arbitrary: sharedSpec },
);

/** Builds the value a spec describes; shared types come out fresh, ready to insert once. */
export function materialize(spec: ValueSpec): unknown {
  if ('plain' in spec) return spec.plain;
  switch (spec.shared) {
    case 'text':
      return new Y.Text(spec.text);
    case 'array': {
      const array = new Y.Array<unknown>();
      array.push([...spec.values]);
      return array;
    }
    case 'map':
      return new Y.Map<unknown>(spec.entries.map(([key, value]) => [key, value]));
  }
}

/** A field name: mostly the schema's own, sometimes one this version does not know. */
export const fieldName = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'futureField') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );

export type MapSpec = ReadonlyArray<readonly [string, ValueSpec]>;

export const mapSpec = (known: readonly string[]): fc.Arbitrary<MapSpec> =>
  fc.array(fc.tuple(fieldName(known), valueSpec), { maxLength: 12 });

/** Sets every field of a spec on a map; the last write of a repeated key wins, as in Yjs. */
export function fillMap(map: Y.Map<unknown>, spec: MapSpec): void {
  for (const [key, value] of spec) map.set(key, materialize(value));
}

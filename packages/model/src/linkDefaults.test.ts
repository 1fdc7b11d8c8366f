import { describe, expect, it } from 'vitest';
import { allowedLinkKinds, defaultLinkKind } from './linkDefaults.js';
import { linkEndsAllowed } from './validate.js';
import { ITEM_KINDS, LINK_KINDS } from './vocabulary.js';

describe('defaultLinkKind', () => {
  it.each([
    ['root-cause', 'threat', 'causes'],
    ['threat', 'threat', 'amplifies'],
    ['threat', 'group', 'affects'],
    ['response', 'threat', 'addresses'],
    ['response', 'root-cause', 'addresses'],
    ['actor', 'response', 'responsible'],
    ['response', 'capacity', 'strengthens'],
    ['indicator', 'threat', 'monitors'],
  ] as const)('%s -> %s as drawn is %s', (from, to, kind) => {
    expect(defaultLinkKind(from, to)).toEqual({ kind, reversed: false });
  });

  it.each([
    ['threat', 'response', 'addresses'],
    ['root-cause', 'response', 'addresses'],
    ['response', 'actor', 'responsible'],
    ['group', 'threat', 'affects'],
    ['capacity', 'response', 'strengthens'],
    ['threat', 'indicator', 'monitors'],
    ['threat', 'root-cause', 'causes'],
  ] as const)('%s -> %s is %s with its ends swapped', (from, to, kind) => {
    expect(defaultLinkKind(from, to)).toEqual({ kind, reversed: true });
  });

  it.each([
    ['note', 'threat'],
    ['frame', 'note'],
    ['group', 'capacity'],
    ['actor', 'actor'],
    ['hazard-zone', 'threat'],
    ['threat', 'hazard-zone'],
    ['', ''],
  ])('%s -> %s is relates', (from, to) => {
    expect(defaultLinkKind(from, to)).toEqual({ kind: 'relates', reversed: false });
  });

  it('never suggests a link the validator would report, for any pair of known kinds', () => {
    for (const from of ITEM_KINDS) {
      for (const to of ITEM_KINDS) {
        const { kind, reversed } = defaultLinkKind(from, to);
        expect(reversed ? linkEndsAllowed(kind, to, from) : linkEndsAllowed(kind, from, to)).toBe(true);
      }
    }
  });
});

describe('allowedLinkKinds', () => {
  it('lists every kind valid as drawn, relates always', () => {
    expect(allowedLinkKinds('threat', 'threat')).toEqual(['causes', 'amplifies', 'relates']);
    expect(allowedLinkKinds('root-cause', 'threat')).toEqual(['causes', 'relates']);
    expect(allowedLinkKinds('response', 'root-cause')).toEqual(['addresses', 'relates']);
    expect(allowedLinkKinds('threat', 'response')).toEqual(['relates']);
  });

  it('offers only relates when a kind is unknown', () => {
    expect(allowedLinkKinds('hazard-zone', 'threat')).toEqual(['relates']);
  });

  it('agrees with the validator for every pair of known kinds', () => {
    for (const from of ITEM_KINDS) {
      for (const to of ITEM_KINDS) {
        const allowed = allowedLinkKinds(from, to);
        expect(allowed).toContain('relates');
        for (const kind of LINK_KINDS) expect(allowed.includes(kind)).toBe(linkEndsAllowed(kind, from, to));
      }
    }
  });

  it('holds the default of every drag drawn the right way round', () => {
    for (const from of ITEM_KINDS) {
      for (const to of ITEM_KINDS) {
        const suggestion = defaultLinkKind(from, to);
        if (!suggestion.reversed) expect(allowedLinkKinds(from, to)).toContain(suggestion.kind);
      }
    }
  });
});

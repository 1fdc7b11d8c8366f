import type { ItemId } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import type { Peer } from '../sync/peers.js';
import { MAX_RINGS, buildRemoteSelections, sameSelections, selectedBy } from './remoteSelections.js';

const ids = (...values: string[]) => values as ItemId[];

function peer(clientId: number, name: string, color: string, selection: readonly ItemId[]): Peer {
  return { clientId, name, color, role: 'participant', cursor: undefined, selection, view: undefined };
}

describe('remote selections', () => {
  it('lists who has each card selected, and gives each person their own ring on a shared card', () => {
    const amina = peer(2, 'Amina', '#0072b2', ids('a', 'b'));
    const bilal = peer(3, 'Bilal', '#d55e00', ids('b'));
    const nobody = peer(4, 'Chen', '#009e73', ids());
    const selections = buildRemoteSelections([amina, nobody, bilal]);
    expect(selectedBy(selections, 'a' as ItemId)).toEqual(['Amina']);
    expect(selectedBy(selections, 'b' as ItemId)).toEqual(['Amina', 'Bilal']);
    expect(selectedBy(selections, 'c' as ItemId)).toEqual([]);
    expect(selections.strokes).toEqual([
      { color: '#0072b2', cards: [{ id: 'a', slot: 0 }, { id: 'b', slot: 0 }] },
      { color: '#d55e00', cards: [{ id: 'b', slot: 1 }] },
    ]);
  });

  it('puts those beyond MAX_RINGS on the outermost ring, and still names them', () => {
    const many = Array.from({ length: MAX_RINGS + 2 }, (_, i) => peer(10 + i, `P${i}`, '#0072b2', ids('x')));
    const selections = buildRemoteSelections(many);
    expect(selections.strokes.map((stroke) => stroke.cards[0]?.slot)).toEqual([0, 1, 2, 3, 3, 3]);
    expect(selectedBy(selections, 'x' as ItemId)).toHaveLength(MAX_RINGS + 2);
  });

  it('knows when a refresh changed nothing it shows', () => {
    const selection = ids('a');
    const amina = peer(2, 'Amina', '#0072b2', selection);
    const current = buildRemoteSelections([amina, peer(3, 'Bilal', '#d55e00', ids())]);
    // A cursor moved: new peer objects, the same selection array.
    expect(sameSelections(current, [{ ...amina, cursor: { x: 1, y: 1 } }, peer(3, 'Bilal', '#d55e00', ids())])).toBe(true);
    expect(sameSelections(current, [{ ...amina, selection: ids('a') }])).toBe(false);
    expect(sameSelections(current, [{ ...amina, color: '#d55e00' }])).toBe(false);
    expect(sameSelections(current, [{ ...amina, name: 'Amina K.' }])).toBe(false);
    expect(sameSelections(current, [])).toBe(false);
    expect(sameSelections(current, [amina, peer(3, 'Bilal', '#d55e00', ids('b'))])).toBe(false);
    expect(sameSelections(buildRemoteSelections([]), [peer(3, 'Bilal', '#d55e00', ids())])).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Peer } from '../sync/peers.js';
import { participants } from './participants.js';

function peer(clientId: number, name: string, role: Peer['role']): Peer {
  return { clientId, name, color: '#0072b2', role, cursor: undefined, selection: [], view: undefined };
}

const compare = new Intl.Collator('en', { sensitivity: 'base' }).compare;

describe('the participant list', () => {
  it('puts facilitators first, then everyone by name, "you" among them', () => {
    const me = { name: 'Chen', color: '#009e73', role: 'participant' as const };
    const others = [
      peer(5, 'bilal', 'participant'),
      peer(4, 'Zoe', 'facilitator'),
      peer(3, 'Amina', 'observer'),
      peer(6, 'Ali', undefined),
      peer(7, 'Fatou', 'facilitator'),
    ];
    const list = participants(me, 1, others, compare);
    expect(list.map((p) => [p.name, p.role, p.self])).toEqual([
      ['Fatou', 'facilitator', false],
      ['Zoe', 'facilitator', false],
      ['Ali', undefined, false],
      ['Amina', 'observer', false],
      ['bilal', 'participant', false],
      ['Chen', 'participant', true],
    ]);
    expect(list.find((p) => p.self)?.peer).toBeUndefined();
    expect(list.find((p) => p.name === 'Zoe')?.peer?.clientId).toBe(4);
  });

  it('keeps two people of the same name in a stable order', () => {
    const me = { name: 'Amina', color: '#009e73', role: 'facilitator' as const };
    const list = participants(me, 9, [peer(3, 'Amina', 'facilitator')], compare);
    expect(list.map((p) => p.clientId)).toEqual([3, 9]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Peer, PeerView } from '../sync/peers.js';
import { FollowMachine, type FollowStopReason, type FollowTarget } from './follow.js';

function peer(clientId: number, name: string, view?: PeerView): Peer {
  return { clientId, name, color: '#0072b2', role: 'participant', cursor: undefined, selection: [], view };
}

function machine() {
  const placed: PeerView[] = [];
  const changes: [FollowTarget | undefined, FollowStopReason | undefined][] = [];
  const follow = new FollowMachine({
    place: (view) => placed.push(view),
    changed: (target, reason) => changes.push([target, reason]),
  });
  return { follow, placed, changes };
}

const AMINA_VIEW = { x: 100, y: 50, zoom: 0.8 };

describe('following someone', () => {
  it('moves to their view at once, then whenever it changes', () => {
    const { follow, placed, changes } = machine();
    const amina = peer(2, 'Amina', AMINA_VIEW);
    follow.start(amina);
    expect(follow.target).toEqual({ clientId: 2, name: 'Amina' });
    expect(changes).toEqual([[{ clientId: 2, name: 'Amina' }, undefined]]);
    expect(placed).toEqual([AMINA_VIEW]);

    // Her cursor moved, her view did not: nothing to do.
    follow.peers([peer(3, 'Bilal', { x: 0, y: 0, zoom: 1 }), peer(2, 'Amina', { ...AMINA_VIEW })]);
    expect(placed).toHaveLength(1);

    follow.peers([peer(2, 'Amina', { x: 400, y: 300, zoom: 2 })]);
    expect(placed).toEqual([AMINA_VIEW, { x: 400, y: 300, zoom: 2 }]);
  });

  it('waits for the view of someone who has not shared one yet', () => {
    const { follow, placed } = machine();
    follow.start(peer(2, 'Amina'));
    expect(placed).toEqual([]);
    follow.peers([peer(2, 'Amina', AMINA_VIEW)]);
    expect(placed).toEqual([AMINA_VIEW]);
  });

  it('stops at a move of one’s own, and then no longer moves', () => {
    const { follow, placed, changes } = machine();
    follow.start(peer(2, 'Amina', AMINA_VIEW));
    follow.userMoved();
    expect(follow.target).toBeUndefined();
    expect(changes.at(-1)).toEqual([undefined, 'moved']);
    follow.peers([peer(2, 'Amina', { x: 9, y: 9, zoom: 1 })]);
    expect(placed).toEqual([AMINA_VIEW]);
  });

  it('stops when the person leaves', () => {
    const { follow, changes } = machine();
    follow.start(peer(2, 'Amina', AMINA_VIEW));
    follow.peers([peer(3, 'Bilal')]);
    expect(follow.target).toBeUndefined();
    expect(changes.at(-1)).toEqual([undefined, 'left']);
  });

  it('toggles, switches to another person, and stops only once', () => {
    const { follow, placed, changes } = machine();
    const amina = peer(2, 'Amina', AMINA_VIEW);
    const bilal = peer(3, 'Bilal', { x: -5, y: 5, zoom: 1.5 });
    follow.toggle(amina);
    expect(follow.isFollowing(2)).toBe(true);
    follow.toggle(bilal);
    expect(follow.isFollowing(2)).toBe(false);
    expect(follow.isFollowing(3)).toBe(true);
    expect(placed).toEqual([AMINA_VIEW, bilal.view]);
    follow.toggle(bilal);
    expect(follow.target).toBeUndefined();
    expect(changes.at(-1)).toEqual([undefined, 'stopped']);
    expect(follow.stop('stopped')).toBe(false);
    expect(follow.stop('focus')).toBe(false);
    expect(changes).toHaveLength(3);
  });

  it('starting again after stopping moves again, even to the same view', () => {
    const { follow, placed } = machine();
    const amina = peer(2, 'Amina', AMINA_VIEW);
    follow.start(amina);
    follow.stop('focus');
    follow.start(amina);
    expect(placed).toEqual([AMINA_VIEW, AMINA_VIEW]);
  });

  it('follows a change of name (for the banner) without a new start', () => {
    const { follow, changes } = machine();
    follow.start(peer(2, 'Amina', AMINA_VIEW));
    follow.peers([peer(2, 'Amina K.', AMINA_VIEW)]);
    expect(follow.target).toEqual({ clientId: 2, name: 'Amina K.' });
    expect(changes.at(-1)).toEqual([{ clientId: 2, name: 'Amina K.' }, undefined]);
  });

  it('ignores presence changes while following nobody', () => {
    const { follow, placed, changes } = machine();
    follow.peers([peer(2, 'Amina', AMINA_VIEW)]);
    follow.userMoved();
    expect(placed).toEqual([]);
    expect(changes).toEqual([]);
  });
});

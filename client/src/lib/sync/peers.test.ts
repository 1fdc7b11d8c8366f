import { describe, expect, it } from 'vitest';
import { colorFor, rememberName, rememberedName } from './identity.js';
import { asFocus } from '@interlink/model';
import { MAX_ID_LENGTH, MAX_SELECTION, PeerReader, readPeer, readSelection } from './peers.js';
import { syncUrl } from './syncUrl.js';

describe('readPeer', () => {
  it('reads a well-formed state', () => {
    const state = {
      user: { name: 'Amina', color: '#0072b2', role: 'participant' },
      cursor: { x: 1, y: 2 },
      selection: ['a1', 'b2'],
      view: { x: 10.5, y: -20, zoom: 0.5 },
    };
    expect(readPeer(7, state)).toEqual({
      clientId: 7,
      name: 'Amina',
      color: '#0072b2',
      role: 'participant',
      cursor: { x: 1, y: 2 },
      selection: ['a1', 'b2'],
      view: { x: 10.5, y: -20, zoom: 0.5 },
    });
  });

  it('ignores states without a user and bounds what it keeps', () => {
    expect(readPeer(1, {})).toBeUndefined();
    expect(readPeer(1, { user: { name: '   ' } })).toBeUndefined();
    const peer = readPeer(1, { user: { name: 'x'.repeat(500), color: 'red;background:url(x)' }, cursor: { x: 'a' } });
    expect(peer?.name).toHaveLength(60);
    expect(peer?.color).toBe('#555555');
    expect(peer?.cursor).toBeUndefined();
    expect(peer?.role).toBeUndefined();
    expect(peer?.selection).toEqual([]);
    expect(peer?.view).toBeUndefined();
  });

  it('drops a role that is not one of the protocol’s', () => {
    for (const role of ['admin', 'Facilitator', 3, null, { facilitator: true }]) {
      expect(readPeer(1, { user: { name: 'Amina', role } })?.role).toBeUndefined();
    }
    expect(readPeer(1, { user: { name: 'F', role: 'facilitator' } })?.role).toBe('facilitator');
  });

  it('drops cursors and views that are not finite numbers', () => {
    const bad = [{ x: Infinity, y: 0 }, { x: 0, y: Number.NaN }, { x: '1', y: 2 }, [1, 2], 'here', null];
    for (const cursor of bad) expect(readPeer(1, { user: { name: 'A' }, cursor })?.cursor).toBeUndefined();
    for (const view of [...bad, { x: 0, y: 0 }, { x: 0, y: 0, zoom: 0 }, { x: 0, y: 0, zoom: -2 }, { x: 0, y: 0, zoom: Infinity }]) {
      expect(asFocus(view)).toBeUndefined();
      expect(readPeer(1, { user: { name: 'A' }, view })?.view).toBeUndefined();
    }
  });
});

describe('readSelection', () => {
  it('keeps distinct strings of bounded length and drops everything else', () => {
    const long = 'x'.repeat(MAX_ID_LENGTH + 1);
    expect(readSelection(['a', 7, null, '', long, 'b', 'a', { id: 'c' }])).toEqual(['a', 'b']);
    expect(readSelection('a,b')).toEqual([]);
    expect(readSelection({ 0: 'a', length: 1 })).toEqual([]);
    expect(readSelection(undefined)).toEqual([]);
  });

  it('keeps at most MAX_SELECTION ids', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `id${i}`);
    const ids = readSelection(many);
    expect(ids).toHaveLength(MAX_SELECTION);
    expect(ids[0]).toBe('id0');
  });
});

describe('PeerReader', () => {
  const stateOf = (name: string, extra: object = {}) => ({ user: { name, color: '#0072b2', role: 'participant' }, ...extra });

  it('leaves out this client and those still joining', () => {
    const reader = new PeerReader();
    const peers = reader.read(new Map<number, unknown>([[1, stateOf('Me')], [2, {}], [3, stateOf('Bilal')]]), 1);
    expect(peers.map((peer) => peer.name)).toEqual(['Bilal']);
  });

  it('answers the same peer for the same state, and keeps an unchanged selection and view by identity', () => {
    const reader = new PeerReader();
    const first = stateOf('Amina', { selection: ['a', 'b'], view: { x: 1, y: 2, zoom: 1 }, cursor: { x: 0, y: 0 } });
    const [before] = reader.read(new Map([[2, first]]), 1);
    const [same] = reader.read(new Map([[2, first]]), 1);
    expect(same).toBe(before);
    // Her cursor moved: a new state object with an equal selection and view.
    const moved = stateOf('Amina', { selection: ['a', 'b'], view: { x: 1, y: 2, zoom: 1 }, cursor: { x: 5, y: 5 } });
    const [after] = reader.read(new Map([[2, moved]]), 1);
    expect(after).not.toBe(before);
    expect(after?.cursor).toEqual({ x: 5, y: 5 });
    expect(after?.selection).toBe(before?.selection);
    expect(after?.view).toBe(before?.view);
    const reselected = stateOf('Amina', { selection: ['a'], view: { x: 1, y: 2, zoom: 1 } });
    const [changed] = reader.read(new Map([[2, reselected]]), 1);
    expect(changed?.selection).toEqual(['a']);
    expect(changed?.view).toBe(before?.view);
  });

  it('forgets those who left', () => {
    const reader = new PeerReader();
    const state = stateOf('Amina', { selection: ['a'] });
    const [before] = reader.read(new Map([[2, state]]), 1);
    expect(reader.read(new Map(), 1)).toEqual([]);
    const [back] = reader.read(new Map([[2, stateOf('Amina', { selection: ['a'] })]]), 1);
    expect(back).toEqual(before);
    expect(back?.selection).not.toBe(before?.selection);
  });
});

describe('identity', () => {
  it('gives a stable colour per seed', () => {
    expect(colorFor(12345)).toBe(colorFor(12345));
    expect(colorFor(-3)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem(): string | null {
        throw new Error('denied');
      },
      setItem(): void {
        throw new Error('denied');
      },
    };
    expect(rememberedName(broken)).toBeUndefined();
    expect(() => rememberName(broken, 'A')).not.toThrow();
  });
});

describe('syncUrl', () => {
  it('uses wss behind https and ws otherwise', () => {
    expect(syncUrl({ protocol: 'https:', host: 'board.example:8443' })).toBe('wss://board.example:8443/sync');
    expect(syncUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/sync');
  });
});

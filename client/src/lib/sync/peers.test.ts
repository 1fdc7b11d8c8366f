import { describe, expect, it } from 'vitest';
import { colorFor, rememberName, rememberedName } from './identity.js';
import { readPeer } from './peers.js';
import { syncUrl } from './syncUrl.js';

describe('readPeer', () => {
  it('reads a well-formed state', () => {
    expect(readPeer(7, { user: { name: 'Amina', color: '#0072b2' }, cursor: { x: 1, y: 2 } })).toEqual({
      clientId: 7,
      name: 'Amina',
      color: '#0072b2',
      cursor: { x: 1, y: 2 },
    });
  });

  it('ignores states without a user and bounds what it keeps', () => {
    expect(readPeer(1, {})).toBeUndefined();
    expect(readPeer(1, { user: { name: '   ' } })).toBeUndefined();
    const peer = readPeer(1, { user: { name: 'x'.repeat(500), color: 'red;background:url(x)' }, cursor: { x: 'a' } });
    expect(peer?.name).toHaveLength(60);
    expect(peer?.color).toBe('#555555');
    expect(peer?.cursor).toBeUndefined();
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

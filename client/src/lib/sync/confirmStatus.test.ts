import { describe, expect, it } from 'vitest';
import { linkKind, savedText, secondsToNextAttempt, stateText, type StatusInput } from './confirmStatus.js';
import type { LinkState } from './reconnect.js';

const link = (change: Partial<LinkState>): LinkState => ({ phase: 'connected', attempt: 0, nextAttemptAt: undefined, online: true, closeCode: undefined, ...change });
const input = (change: Partial<StatusInput>): StatusInput => ({ link: link({}), status: 'connected', refusedCode: undefined, unconfirmed: 0, ...change });

describe('status indicator text', () => {
  it('tells online, reconnecting and offline apart', () => {
    expect(linkKind(link({ phase: 'connected' }))).toBe('online');
    expect(linkKind(link({ phase: 'waiting' }))).toBe('reconnecting');
    expect(linkKind(link({ phase: 'connecting' }))).toBe('reconnecting');
    expect(linkKind(link({ phase: 'connecting', online: false }))).toBe('offline');
    expect(linkKind(link({ phase: 'offline', online: false }))).toBe('offline');
    expect(linkKind(link({ phase: 'refused', closeCode: 4401 }))).toBe('offline');
  });

  it('says connecting before the first connection and reconnecting after, whatever the attempt', () => {
    expect(stateText(input({ link: link({ phase: 'connecting' }), status: 'connecting' }))).toEqual({ key: 'status.connecting' });
    const waiting = stateText(input({ link: link({ phase: 'waiting', attempt: 1 }), status: 'disconnected' }));
    const trying = stateText(input({ link: link({ phase: 'connecting', attempt: 2 }), status: 'disconnected' }));
    expect(waiting).toEqual({ key: 'status.reconnecting' });
    // The same words for waiting and trying: a screen reader is not told of every attempt.
    expect(trying).toEqual(waiting);
    expect(stateText(input({ link: link({ phase: 'offline', online: false }), status: 'disconnected' }))).toEqual({ key: 'status.offline' });
    expect(stateText(input({ refusedCode: 4401, link: link({ phase: 'refused' }) }))).toEqual({ key: 'status.refused', params: { code: 4401 } });
  });

  it('counts unconfirmed changes, and says all is saved only when connected with none', () => {
    expect(savedText(input({ unconfirmed: 3 }))).toEqual({ key: 'status.unconfirmed', params: { count: 3 } });
    expect(savedText(input({ unconfirmed: 0 }))).toEqual({ key: 'status.allSaved' });
    expect(savedText(input({ unconfirmed: 0, link: link({ phase: 'offline', online: false }), status: 'disconnected' }))).toBeUndefined();
    expect(savedText(input({ unconfirmed: 2, link: link({ phase: 'offline', online: false }), status: 'disconnected' }))).toEqual({
      key: 'status.unconfirmed',
      params: { count: 2 },
    });
  });

  it('counts down to the next attempt in whole seconds', () => {
    expect(secondsToNextAttempt(link({ phase: 'waiting', nextAttemptAt: 10_500 }), 8_000)).toBe(3);
    expect(secondsToNextAttempt(link({ phase: 'waiting', nextAttemptAt: 10_000 }), 12_000)).toBe(0);
    expect(secondsToNextAttempt(link({ phase: 'connecting' }), 0)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { MEMBER_NAME_MAX_LENGTH, isMemberCreated, normalizeMemberName } from './members.js';

describe('normalizeMemberName', () => {
  it('collapses whitespace runs (tabs, newlines, no-break spaces) and trims', () => {
    expect(normalizeMemberName('  Amina \t\n Diallo  ')).toBe('Amina Diallo');
    expect(normalizeMemberName('\u00a0Li\u00a0\u00a0Wei\u2003')).toBe('Li Wei');
  });

  it('refuses a name that is empty once trimmed, or longer than the limit in characters', () => {
    expect(MEMBER_NAME_MAX_LENGTH).toBe(60);
    for (const empty of ['', ' ', '\t\n', '\u00a0']) expect(normalizeMemberName(empty)).toBeUndefined();
    expect(normalizeMemberName('x'.repeat(60))).toBe('x'.repeat(60));
    expect(normalizeMemberName('x'.repeat(61))).toBeUndefined();
    // Characters as people count them: an emoji outside the BMP is one, not two UTF-16 units.
    expect(normalizeMemberName('🙂'.repeat(60))).toBe('🙂'.repeat(60));
    expect(normalizeMemberName('🙂'.repeat(61))).toBeUndefined();
    // Whitespace that collapses does not count against the limit.
    expect(normalizeMemberName(`${'a'.repeat(30)}${' '.repeat(100)}${'b'.repeat(29)}`)).toHaveLength(60);
  });
});

describe('isMemberCreated', () => {
  it('accepts the answer of POST /api/boards/:id/members and nothing else', () => {
    expect(isMemberCreated({ memberId: 'm', token: 't', role: 'participant' })).toBe(true);
    expect(isMemberCreated({ memberId: 'm', token: 't', role: 'facilitator', extra: 1 })).toBe(true);
    for (const value of [null, 'x', {}, { memberId: 'm', token: 't', role: 'admin' }, { memberId: '', token: 't', role: 'observer' }, { memberId: 'm', role: 'observer' }]) {
      expect(isMemberCreated(value)).toBe(false);
    }
  });
});

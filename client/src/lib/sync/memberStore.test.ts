import { describe, expect, it } from 'vitest';
import { colorForMember, CURSOR_COLORS, PSEUDONYM_MAX, PSEUDONYM_MIN, pseudonymNumber } from './identity.js';
import { forgetMember, linkKey, loadMember, memberStorageKey, parseStoredMember, saveMember, type StoredMember } from './memberStore.js';
import { MemoryStorage } from '../testing/memoryStorage.js';


/** Storage that refuses everything, as in some private modes. */
const blocked = {
  getItem(): string | null {
    throw new Error('SecurityError');
  },
  setItem(): void {
    throw new Error('QuotaExceededError');
  },
  removeItem(): void {
    throw new Error('SecurityError');
  },
};

const amina: StoredMember = { memberId: 'm-1', token: 'personal-token', role: 'participant', title: 'Workshop', name: 'Amina' };

describe('member store', () => {
  it('keeps one member per board and share link: the facilitator link and the participant link are two people', () => {
    const storage = new MemoryStorage();
    const facilitator: StoredMember = { ...amina, memberId: 'm-f', role: 'facilitator' };
    saveMember(storage, 'board-1', 'facilitator-link-token', facilitator);
    saveMember(storage, 'board-1', 'participant-link-token', amina);
    expect(loadMember(storage, 'board-1', 'facilitator-link-token')).toEqual(facilitator);
    expect(loadMember(storage, 'board-1', 'participant-link-token')).toEqual(amina);
    expect(loadMember(storage, 'board-2', 'participant-link-token')).toBeUndefined();
    forgetMember(storage, 'board-1', 'facilitator-link-token');
    expect(loadMember(storage, 'board-1', 'facilitator-link-token')).toBeUndefined();
    expect(loadMember(storage, 'board-1', 'participant-link-token')).toEqual(amina);
  });

  it('writes the anonymous choice down, and no link token in the keys', () => {
    const storage = new MemoryStorage();
    saveMember(storage, 'board-1', 'secret-link-token', { ...amina, name: undefined });
    expect(loadMember(storage, 'board-1', 'secret-link-token')?.name).toBeUndefined();
    const [key, value] = [...storage.items][0] ?? [];
    expect(key).toBe(memberStorageKey('board-1', 'secret-link-token'));
    expect(key).not.toContain('secret');
    expect(JSON.parse(value ?? '')).toMatchObject({ name: null });
    expect(linkKey('a')).toMatch(/^[0-9a-f]{16}$/);
    expect(linkKey('a')).not.toBe(linkKey('b'));
  });

  it('treats broken or foreign records as none, and storage that throws as empty', () => {
    expect(parseStoredMember('{')).toBeUndefined();
    expect(parseStoredMember('[]')).toBeUndefined();
    expect(parseStoredMember(JSON.stringify({ ...amina, role: 'admin' }))).toBeUndefined();
    expect(parseStoredMember(JSON.stringify({ ...amina, token: '' }))).toBeUndefined();
    expect(parseStoredMember(JSON.stringify({ ...amina, name: 5 }))).toBeUndefined();
    expect(parseStoredMember(JSON.stringify({ ...amina, name: '  Amina \n B ' }))?.name).toBe('Amina B');
    expect(loadMember(blocked, 'board-1', 'token')).toBeUndefined();
    expect(saveMember(blocked, 'board-1', 'token', amina)).toBe(false);
    expect(saveMember(undefined, 'board-1', 'token', amina)).toBe(false);
    expect(() => forgetMember(blocked, 'board-1', 'token')).not.toThrow();
  });
});

describe('pseudonyms and colours', () => {
  it('are stable per member and tell members apart', () => {
    expect(pseudonymNumber('member-a')).toBe(pseudonymNumber('member-a'));
    expect(colorForMember('member-a')).toBe(colorForMember('member-a'));
    const numbers = new Set(Array.from({ length: 50 }, (_, i) => pseudonymNumber(`member-${i}`)));
    expect(numbers.size).toBeGreaterThan(45);
    for (const n of numbers) expect(n >= PSEUDONYM_MIN && n <= PSEUDONYM_MAX).toBe(true);
    const colours = new Set(Array.from({ length: 50 }, (_, i) => colorForMember(`member-${i}`)));
    expect(colours.size).toBe(CURSOR_COLORS.length);
  });
});

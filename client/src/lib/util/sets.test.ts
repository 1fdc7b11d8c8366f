import { describe, expect, it } from 'vitest';
import { changedMembers, sameMembers } from './sets.js';

describe('set comparisons', () => {
  it('compares members, not order or identity', () => {
    expect(sameMembers(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(sameMembers(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(sameMembers(new Set([1]), new Set([1, 2]))).toBe(false);
    expect(sameMembers(new Set(), new Set())).toBe(true);
  });

  it('lists what joined or left, and nothing that stayed', () => {
    expect([...changedMembers(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))].sort()).toEqual(['a', 'd']);
    expect(changedMembers(new Set(['a']), new Set(['a'])).size).toBe(0);
  });
});

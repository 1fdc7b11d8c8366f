import { describe, expect, it } from 'vitest';
import { readErrorBody } from './errors.js';
import { isBoardInfo, isCreatedBoard } from './guards.js';

describe('readErrorBody', () => {
  it('reads the contract error shape', () => {
    expect(readErrorBody({ error: { code: 'bad_request', message: 'title is required' } })).toEqual({
      code: 'bad_request',
      message: 'title is required',
    });
  });
  it('refuses anything else', () => {
    expect(readErrorBody(undefined)).toBeUndefined();
    expect(readErrorBody({ error: 'nope' })).toBeUndefined();
    expect(readErrorBody({ error: { code: 1, message: 'x' } })).toBeUndefined();
  });
});

describe('guards', () => {
  const roles = { facilitator: 'f', participant: 'p', observer: 'o' };
  it('accepts a created board', () => {
    expect(isCreatedBoard({ id: 'b', title: 'T', tokens: roles, links: roles })).toBe(true);
    expect(isCreatedBoard({ id: 'b', title: 'T', tokens: roles, links: { facilitator: 'f' } })).toBe(false);
  });
  it('accepts board info with a known role only', () => {
    expect(isBoardInfo({ id: 'b', title: 'T', role: 'observer' })).toBe(true);
    expect(isBoardInfo({ id: 'b', title: 'T', role: 'admin' })).toBe(false);
  });
});

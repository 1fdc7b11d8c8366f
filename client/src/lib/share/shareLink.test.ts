import { describe, expect, it } from 'vitest';
import { normalizeMemberName } from '@interlink/protocol';
import { absoluteLink, cleanName, parseShareParams, withName } from './shareLink.js';

describe('parseShareParams', () => {
  it('reads token and name from a normal query', () => {
    expect(parseShareParams('?token=abc_-123&name=Amina')).toEqual({ token: 'abc_-123', name: 'Amina' });
  });

  it('accepts a name appended with a second question mark', () => {
    expect(parseShareParams('?token=abc_-123?name=Amina')).toEqual({ token: 'abc_-123', name: 'Amina' });
  });

  it('decodes an encoded name and trims it', () => {
    expect(parseShareParams('?token=t&name=%20Jos%C3%A9%20Mar%C3%ADa%20')).toEqual({ token: 't', name: 'José María' });
    expect(parseShareParams('?name=Ana+Lu&token=t').name).toBe('Ana Lu');
  });

  it('treats missing or empty values as absent', () => {
    expect(parseShareParams('')).toEqual({ token: undefined, name: undefined });
    expect(parseShareParams('?token=&name=%20')).toEqual({ token: undefined, name: undefined });
  });

  it('keeps padding characters of a token', () => {
    expect(parseShareParams('?token=ab==').token).toBe('ab==');
  });
});

describe('cleanName', () => {
  it('collapses whitespace and limits the length', () => {
    expect(cleanName('  a \n b ')).toBe('a b');
    expect(cleanName('x'.repeat(100))).toHaveLength(60);
  });
  it('cuts by characters, never splitting an emoji, and gives what the members endpoint accepts', () => {
    const name = cleanName('🌊'.repeat(61));
    expect([...(name ?? '')]).toHaveLength(60);
    expect(name).toBe('🌊'.repeat(60));
    expect(normalizeMemberName(name ?? '')).toBe(name);
  });
});

describe('links', () => {
  it('makes a path absolute on an origin', () => {
    expect(absoluteLink('http://127.0.0.1:3000', '/b/x?token=t')).toBe('http://127.0.0.1:3000/b/x?token=t');
  });
  it('adds a name to a path link', () => {
    expect(withName('/b/x?token=t', 'Amina K')).toBe('/b/x?token=t&name=Amina+K');
  });
});

import { describe, expect, it } from 'vitest';
import { interpolate } from './format.js';
import { pickLocale } from './locales.js';

describe('interpolate', () => {
  it('fills every named placeholder', () => {
    expect(interpolate('{a} and {b} and {a}', { a: 'x', b: 2 })).toBe('x and 2 and x');
  });
  it('keeps a placeholder with no value visible', () => {
    expect(interpolate('hello {name}', {})).toBe('hello {name}');
  });
  it('does not interpret replacement patterns in values', () => {
    expect(interpolate('{v}', { v: '$& $1' })).toBe('$& $1');
  });
});

describe('pickLocale', () => {
  it('matches by primary subtag and falls back to English', () => {
    expect(pickLocale(['en-GB'])).toBe('en');
    expect(pickLocale(['xx', 'EN'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

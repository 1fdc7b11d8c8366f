import { describe, expect, it } from 'vitest';
import { picturesServe } from './cardBitmaps.js';

describe('card pictures', () => {
  it('serve a zoom in progress within a little scaling, and a resting zoom only exactly', () => {
    expect(picturesServe(1, 1.2, false)).toBe(true);
    expect(picturesServe(1, 0.6, false)).toBe(true);
    expect(picturesServe(1, 1.6, false)).toBe(false);
    expect(picturesServe(1, 0.4, false)).toBe(false);
    expect(picturesServe(1, 1.2, true)).toBe(false);
    expect(picturesServe(1, 1, true)).toBe(true);
  });
});

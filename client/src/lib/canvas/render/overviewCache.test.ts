import { describe, expect, it } from 'vitest';
import { CACHE_MAX_SCALE, cacheScaleFor, cacheServes } from './overviewCache.js';

describe('the cached picture of the board', () => {
  it('is painted with a card a few pixels wide, smaller for a board too large for one picture', () => {
    expect(cacheScaleFor({ x: 0, y: 0, w: 28_800, h: 13_440 })).toBe(CACHE_MAX_SCALE);
    expect(cacheScaleFor({ x: 0, y: 0, w: 100_000, h: 1_000 })).toBeCloseTo(2048 / 100_000, 12);
  });

  it('serves only zoom levels at least as coarse as it, counting the screen’s pixel ratio', () => {
    expect(cacheServes(0.02, 1, 0.05)).toBe(true);
    expect(cacheServes(0.05, 1, 0.05)).toBe(true);
    expect(cacheServes(0.1, 1, 0.05)).toBe(false);
    // A sharp screen needs twice the pixels: the picture serves only half the zoom there.
    expect(cacheServes(0.03, 2, 0.05)).toBe(false);
  });
});

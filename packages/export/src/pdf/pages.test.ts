import { describe, expect, it } from 'vitest';
import { MAX_TILES, PAGE_SIZES, TILE_OVERLAP, TILE_SCALE, fitScale, paperFor, planTiles } from './pages.js';

describe('paperFor', () => {
  it('turns the page as asked, or to suit the content', () => {
    expect(paperFor('a4', 'portrait', { w: 2000, h: 100 })).toEqual(PAGE_SIZES.a4);
    expect(paperFor('a4', 'landscape', { w: 100, h: 2000 })).toEqual({ w: PAGE_SIZES.a4.h, h: PAGE_SIZES.a4.w });
    expect(paperFor('letter', undefined, { w: 2000, h: 100 })).toEqual({ w: 792, h: 612 });
    expect(paperFor('a3', undefined, { w: 100, h: 2000 })).toEqual(PAGE_SIZES.a3);
  });
});

describe('fitScale', () => {
  it('fits the content inside the room, whichever side binds', () => {
    expect(fitScale({ w: 1000, h: 500 }, { w: 500, h: 500 })).toBe(0.5);
    expect(fitScale({ w: 100, h: 1000 }, { w: 500, h: 500 })).toBe(0.5);
  });
});

describe('planTiles', () => {
  const room = { w: 540, h: 780 };

  it('covers the whole map with overlapping tiles, row by row', () => {
    const map = { left: -100, top: 0, right: 4000, bottom: 3000 };
    const plan = planTiles(map, room);
    expect(plan.tiles).toHaveLength(plan.rows * plan.columns);
    expect(plan.tiles[0]?.region.left).toBe(map.left);
    expect(plan.tiles[0]?.region.top).toBe(map.top);
    const last = plan.tiles[plan.tiles.length - 1];
    expect(last?.region.right).toBeGreaterThanOrEqual(map.right);
    expect(last?.region.bottom).toBeGreaterThanOrEqual(map.bottom);
    const [first, second] = plan.tiles;
    expect((first?.region.right ?? 0) - (second?.region.left ?? 0)).toBeCloseTo(TILE_OVERLAP);
    expect(second?.row).toBe(1);
    expect(second?.column).toBe(2);
    expect(plan.scale).toBeLessThanOrEqual(TILE_SCALE);
    expect(plan.scale).toBeGreaterThan(TILE_SCALE * 0.8);
  });

  it('prints a little smaller rather than add a page for a sliver', () => {
    // At TILE_SCALE this map is a few units wider than one page.
    const width = room.w / TILE_SCALE + 20;
    const plan = planTiles({ left: 0, top: 0, right: width, bottom: 300 }, room);
    expect(plan.tiles).toHaveLength(1);
  });

  it('prints a huge map smaller rather than on more than MAX_TILES pages', () => {
    const plan = planTiles({ left: 0, top: 0, right: 200_000, bottom: 200_000 }, room);
    expect(plan.tiles.length).toBeLessThanOrEqual(MAX_TILES);
    expect(plan.scale).toBeLessThan(TILE_SCALE);
  });
});

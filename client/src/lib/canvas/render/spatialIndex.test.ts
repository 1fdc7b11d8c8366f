import { describe, expect, it } from 'vitest';
import { SpatialIndex } from './spatialIndex.js';

const sorted = (keys: string[]): string[] => [...keys].sort();

describe('SpatialIndex', () => {
  it('finds what overlaps an area, and nothing else', () => {
    const index = new SpatialIndex<string>();
    index.set('a', { x: 0, y: 0, w: 100, h: 50 });
    index.set('b', { x: 500, y: 500, w: 100, h: 50 });
    index.set('c', { x: 90, y: 40, w: 20, h: 20 });
    expect(sorted(index.keysIn({ x: -10, y: -10, w: 50, h: 50 }))).toEqual(['a']);
    expect(sorted(index.keysIn({ x: 95, y: 45, w: 1, h: 1 }))).toEqual(['a', 'c']);
    expect(index.keysIn({ x: 200, y: 200, w: 100, h: 100 })).toEqual([]);
  });

  it('moves and removes entries one at a time', () => {
    const index = new SpatialIndex<string>();
    index.set('a', { x: 0, y: 0, w: 10, h: 10 });
    index.set('a', { x: 1000, y: 0, w: 10, h: 10 });
    expect(index.size).toBe(1);
    expect(index.keysIn({ x: 0, y: 0, w: 20, h: 20 })).toEqual([]);
    expect(index.keysIn({ x: 995, y: 0, w: 20, h: 20 })).toEqual(['a']);
    index.delete('a');
    index.delete('never there');
    expect(index.size).toBe(0);
    expect(index.keysIn({ x: -1e9, y: -1e9, w: 2e9, h: 2e9 })).toEqual([]);
  });

  it('finds zero-width rects (a vertical link)', () => {
    const index = new SpatialIndex<string>();
    index.set('line', { x: 50, y: 0, w: 0, h: 100 });
    expect(index.keysIn({ x: 40, y: 40, w: 20, h: 20 })).toEqual(['line']);
  });

  it('bulk loads a large board and answers a viewport with only what it shows', () => {
    const index = new SpatialIndex<number>();
    const cells: [number, { x: number; y: number; w: number; h: number }][] = [];
    for (let i = 0; i < 10_000; i += 1) cells.push([i, { x: (i % 120) * 240, y: Math.floor(i / 120) * 160, w: 200, h: 120 }]);
    index.reset(cells);
    expect(index.size).toBe(10_000);
    // A 950 x 714 screen at 100% over the top-left corner: 4 columns by 5 rows.
    expect(index.keysIn({ x: 0, y: 0, w: 950, h: 714 })).toHaveLength(4 * 5);
    expect(index.bounds()).toEqual({ x: 0, y: 0, w: 119 * 240 + 200, h: 83 * 160 + 120 });
    // Incremental changes after a bulk load keep the bounds current.
    index.set(0, { x: -1000, y: 0, w: 200, h: 120 });
    expect(index.bounds()?.x).toBe(-1000);
    index.delete(0);
    expect(index.bounds()?.x).toBe(0);
  });

  it('has no bounds when empty', () => {
    const index = new SpatialIndex<string>();
    expect(index.bounds()).toBeUndefined();
    index.reset([]);
    expect(index.bounds()).toBeUndefined();
  });
});

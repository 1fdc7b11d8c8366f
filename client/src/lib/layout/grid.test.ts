import { describe, expect, it } from 'vitest';
import { card } from './boardFixtures.js';
import { GRID_GAP, gridLayout } from './grid.js';

describe('gridLayout', () => {
  it('fills rows up to the width and starts a new row for each kind', () => {
    const cards = [card('t1', 'threat'), card('n1', 'note'), card('t2', 'threat'), card('t3', 'threat')];
    const { placed, height } = gridLayout(cards, 2 * 200 + GRID_GAP);
    const at = Object.fromEntries(placed.map((p) => [p.id, [p.x, p.y]]));
    expect(at).toEqual({
      t1: [0, 0],
      t2: [200 + GRID_GAP, 0],
      t3: [0, 120 + GRID_GAP],
      n1: [0, 2 * (120 + GRID_GAP)],
    });
    expect(height).toBe(3 * 120 + 2 * GRID_GAP);
  });

  it('gives a card wider than a row a row of its own, and a zero-sized card some size', () => {
    const { placed } = gridLayout([card('a', 'note', 0, 0, 50, 50), card('b', 'note', 0, 0, 900, 50), card('c', 'note', 0, 0, 0, 0)], 300);
    expect(placed.map((p) => [p.id, p.x, p.y, p.w])).toEqual([
      ['a', 0, 0, 50],
      ['b', 0, 50 + GRID_GAP, 900],
      ['c', 0, 2 * (50 + GRID_GAP), 1],
    ]);
  });
});

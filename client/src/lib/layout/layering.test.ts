import { describe, expect, it } from 'vitest';
import { assignColumns, type LayerNode } from './layering.js';

const node = (id: string, rank: LayerNode['rank']): LayerNode => ({ id, rank });

describe('assignColumns', () => {
  it('puts every rank after all columns of the lower ranks', () => {
    const columns = assignColumns(
      [node('r', 0), node('t1', 1), node('t2', 1), node('t3', 1), node('g', 2), node('a', 3)],
      [
        { from: 'r', to: 't1' },
        { from: 't1', to: 't2' },
        { from: 't2', to: 't3' },
        { from: 't1', to: 'g' },
        { from: 'g', to: 'a' },
      ],
    );
    expect(Object.fromEntries(columns)).toEqual({ r: 0, t1: 1, t2: 2, t3: 3, g: 4, a: 5 });
  });

  it('places a node one column after the latest node leading to it (longest path)', () => {
    const columns = assignColumns(
      [node('a', 1), node('b', 1), node('c', 1)],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'a', to: 'c' },
      ],
    );
    expect(Object.fromEntries(columns)).toEqual({ a: 0, b: 1, c: 2 });
  });

  it('breaks an amplifying loop where it closes, leaving its threats in a row', () => {
    const columns = assignColumns(
      [node('a', 1), node('b', 1), node('c', 1)],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ],
    );
    expect(new Set(columns.values()).size).toBe(3);
    expect(Object.fromEntries(columns)).toEqual({ a: 0, b: 1, c: 2 });
  });

  it('handles a causal chain far longer than the call stack would allow in recursion', () => {
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`t${i}`, 1));
    const edges = Array.from({ length: n - 1 }, (_, i) => ({ from: `t${i}`, to: `t${i + 1}` }));
    const columns = assignColumns(nodes, edges);
    expect(columns.get(`t${n - 1}`)).toBe(n - 1);
  });

  it('leaves no empty rank band when a rank has no cards', () => {
    const columns = assignColumns([node('r', 0), node('a', 3)], [{ from: 'r', to: 'a' }]);
    expect(Object.fromEntries(columns)).toEqual({ r: 0, a: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { compareDrawOrder } from './drawOrder.js';

describe('draw order', () => {
  it('orders by z, then by creation time, with missing values first', () => {
    const items = [
      { id: 'c', z: 'a1', createdAt: 5 },
      { id: 'a', z: 'a0', createdAt: 9 },
      { id: 'b', z: 'a1', createdAt: 1 },
      { id: 'd', createdAt: 3 },
    ];
    expect([...items].sort(compareDrawOrder).map((item) => item.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});

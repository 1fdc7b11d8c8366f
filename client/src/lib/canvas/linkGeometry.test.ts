import { describe, expect, it } from 'vitest';
import { arrowPoints, borderPoint } from './linkGeometry.js';

describe('link geometry', () => {
  const a = { x: 0, y: 0, w: 200, h: 100 };
  const b = { x: 400, y: 0, w: 200, h: 100 };

  it('starts and ends the arrow on the facing borders', () => {
    expect(arrowPoints(a, b)).toEqual([200, 50, 400, 50]);
  });

  it('leaves through the top or bottom when the target is steeply above or below', () => {
    expect(borderPoint(a, { x: 100, y: 1000 })).toEqual({ x: 100, y: 100 });
    const up = borderPoint(a, { x: 150, y: -1000 });
    expect(up.y).toBeCloseTo(0, 9);
    expect(up.x).toBeCloseTo(100 + (50 * 50) / 1050, 9);
  });

  it('stays at the target when it lies inside the card', () => {
    expect(borderPoint(a, { x: 110, y: 55 })).toEqual({ x: 110, y: 55 });
  });
});

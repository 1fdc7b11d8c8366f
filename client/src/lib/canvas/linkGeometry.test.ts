import { describe, expect, it } from 'vitest';
import { arrowPoints, borderPoint, distanceToSegment, segmentMidpoint } from './linkGeometry.js';

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

describe('distance to a link', () => {
  const segment = [0, 0, 100, 0] as const;

  it('measures perpendicular distance within the segment', () => {
    expect(distanceToSegment({ x: 50, y: 7 }, segment)).toBe(7);
  });

  it('measures to the nearer end beyond the segment', () => {
    expect(distanceToSegment({ x: 103, y: 4 }, segment)).toBe(5);
    expect(distanceToSegment({ x: -6, y: -8 }, segment)).toBe(10);
  });

  it('treats a zero-length segment as a point', () => {
    expect(distanceToSegment({ x: 3, y: 4 }, [0, 0, 0, 0])).toBe(5);
  });

  it('finds the midpoint', () => {
    expect(segmentMidpoint([0, 10, 100, 30])).toEqual({ x: 50, y: 20 });
  });
});

import { describe, expect, it } from 'vitest';
import { ARROW_HEAD, arrowHeadPolygon, arrowPoints, arrowShaft, borderPoint, mapBounds, segmentTouchesBox } from './geometry.js';

const card = (x: number, y: number, w = 200, h = 100) => ({ x, y, w, h });

describe('arrow clipping', () => {
  it('starts and ends an arrow on the borders of its cards, on the line between centres', () => {
    expect(arrowPoints(card(0, 0), card(400, 0))).toEqual([200, 50, 400, 50]);
    expect(arrowPoints(card(0, 0), card(0, 300))).toEqual([100, 100, 100, 300]);
    // Diagonal: the ray leaves through the nearer side.
    const [x1, y1, x2, y2] = arrowPoints(card(0, 0, 100, 100), card(300, 300, 100, 100));
    expect([x1, y1, x2, y2]).toEqual([100, 100, 300, 300]);
  });

  it('draws from centre to centre when the cards overlap', () => {
    expect(borderPoint(card(0, 0), { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
    expect(arrowPoints(card(0, 0), card(50, 20))).toEqual([100, 50, 150, 70]);
  });

  it('ends the shaft where the head begins and puts the head tip on the end point', () => {
    const points = [0, 0, 100, 0] as const;
    expect(arrowShaft(points)).toEqual([0, 0, 100 - ARROW_HEAD.length, 0]);
    const [tip, left, right] = arrowHeadPolygon(points);
    expect(tip).toEqual({ x: 100, y: 0 });
    expect(left.x).toBeCloseTo(90);
    expect(right.x).toBeCloseTo(90);
    expect(Math.abs(left.y - right.y)).toBeCloseTo(ARROW_HEAD.width);
    expect(arrowShaft([5, 5, 5, 5])).toEqual([5, 5, 5, 5]);
  });
});

describe('mapBounds', () => {
  it('is the box around every item, a negative size drawn to the left', () => {
    expect(mapBounds([card(0, 0), card(500, -40, -100, 50), card(-30, 200, 10, 10)])).toEqual({ left: -30, top: -40, right: 500, bottom: 210 });
    expect(mapBounds([])).toBeUndefined();
  });
});

describe('segmentTouchesBox', () => {
  const box = { left: 0, top: 0, right: 100, bottom: 100 };
  it('finds segments that cross, start in or end in the box, and only those', () => {
    expect(segmentTouchesBox([-50, 50, 150, 50], box)).toBe(true);
    expect(segmentTouchesBox([50, 50, 500, 500], box)).toBe(true);
    expect(segmentTouchesBox([-100, -100, 200, 200], box)).toBe(true);
    // Its bounding box overlaps the box, the segment itself passes beside it.
    expect(segmentTouchesBox([-100, 60, 60, -100], box)).toBe(false);
    expect(segmentTouchesBox([200, 0, 200, 100], box)).toBe(false);
    expect(segmentTouchesBox([50, 50, 50, 50], box)).toBe(true);
  });
});

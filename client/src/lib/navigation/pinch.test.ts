import { describe, expect, it } from 'vitest';
import { MAX_SCALE, toCanvas } from '../canvas/viewport.js';
import { midpoint, pinchView } from './pinch.js';

describe('pinch', () => {
  const start = { view: { x: 100, y: 50, scale: 0.5 }, a: { x: 200, y: 300 }, b: { x: 400, y: 300 } };

  it('zooms by how far the fingers spread, about the point between them', () => {
    const view = pinchView(start, { x: 100, y: 300 }, { x: 500, y: 300 });
    expect(view.scale).toBeCloseTo(1, 9);
    const under = toCanvas(view, { x: 300, y: 300 });
    const before = toCanvas(start.view, { x: 300, y: 300 });
    expect(under.x).toBeCloseTo(before.x, 9);
    expect(under.y).toBeCloseTo(before.y, 9);
  });

  it('pans with the fingers when they move together', () => {
    const view = pinchView(start, { x: 250, y: 350 }, { x: 450, y: 350 });
    expect(view).toEqual({ x: 150, y: 100, scale: 0.5 });
  });

  it('keeps the board point under the fingers while zooming and moving at once', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 600, y: 400 };
    const view = pinchView(start, a, b);
    const anchor = toCanvas(start.view, midpoint(start.a, start.b));
    const now = toCanvas(view, midpoint(a, b));
    expect(now.x).toBeCloseTo(anchor.x, 9);
    expect(now.y).toBeCloseTo(anchor.y, 9);
  });

  it('stays within the zoom limits, and survives fingers on the same spot', () => {
    expect(pinchView(start, { x: 0, y: 0 }, { x: 100_000, y: 0 }).scale).toBe(MAX_SCALE);
    const same = pinchView({ ...start, b: start.a }, { x: 10, y: 10 }, { x: 10, y: 10 });
    expect(Number.isFinite(same.x) && Number.isFinite(same.scale)).toBe(true);
  });
});

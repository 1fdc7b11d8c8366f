import { describe, expect, it } from 'vitest';
import {
  IDENTITY_VIEW,
  MAX_SCALE,
  MIN_SCALE,
  boundingBox,
  centreOn,
  fitView,
  intersects,
  toCanvas,
  toScreen,
  visibleRect,
  wheelPixels,
  type Rect,
  wheelZoomFactor,
  zoomAt,
} from './viewport.js';

describe('coordinates', () => {
  it('round-trips between screen and canvas', () => {
    const view = { x: 40, y: -20, scale: 2 };
    const p = { x: 13, y: 7 };
    expect(toCanvas(view, toScreen(view, p))).toEqual(p);
    expect(toScreen(view, { x: 0, y: 0 })).toEqual({ x: 40, y: -20 });
  });

  it('computes the visible canvas area', () => {
    expect(visibleRect({ x: -100, y: -50, scale: 2 }, 800, 600)).toEqual({ x: 50, y: 25, w: 400, h: 300 });
  });
});

describe('zoomAt', () => {
  it('keeps the canvas point under the pointer fixed', () => {
    const view = { x: 30, y: 10, scale: 1.5 };
    const pointer = { x: 200, y: 120 };
    const before = toCanvas(view, pointer);
    const after = toCanvas(zoomAt(view, pointer, 1.7), pointer);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('clamps the scale', () => {
    expect(zoomAt(IDENTITY_VIEW, { x: 0, y: 0 }, 1000).scale).toBe(MAX_SCALE);
    expect(zoomAt(IDENTITY_VIEW, { x: 0, y: 0 }, 0.0001).scale).toBe(MIN_SCALE);
  });
});

describe('wheel', () => {
  it('converts lines to pixels and maps shift+wheel to horizontal', () => {
    expect(wheelPixels({ deltaX: 0, deltaY: 3, deltaMode: 1, shiftKey: false }, 600)).toEqual({ x: 0, y: 48 });
    expect(wheelPixels({ deltaX: 0, deltaY: 10, deltaMode: 0, shiftKey: true }, 600)).toEqual({ x: 10, y: 0 });
  });

  it('zooms in for an upward wheel and out for a downward one', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1, 9);
  });

  it('zooms by the whole delta of coalesced events, as much as the events one by one', () => {
    // Four notches the browser delivered as one event zoom as far as four separate events.
    expect(wheelZoomFactor(400)).toBeCloseTo(wheelZoomFactor(100) ** 4, 9);
    expect(wheelZoomFactor(-250)).toBeCloseTo(wheelZoomFactor(-100) * wheelZoomFactor(-150), 9);
    // A glitch of a delta is still bounded.
    expect(wheelZoomFactor(1e6)).toBeGreaterThan(0.2);
    expect(wheelZoomFactor(-1e6)).toBeLessThan(5);
  });
});

describe('rects', () => {
  it('detects overlap, not mere touching', () => {
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(true);
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false);
  });

  it('centres a rect on the screen', () => {
    const view = centreOn({ x: 100, y: 100, w: 200, h: 100 }, 800, 600, 1);
    expect(toScreen(view, { x: 200, y: 150 })).toEqual({ x: 400, y: 300 });
  });
});

describe('fitting a view to cards', () => {
  const contains = (outer: Rect, inner: Rect): boolean =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

  it('bounds rects, and nothing for no rects', () => {
    expect(boundingBox([{ x: 10, y: 20, w: 100, h: 50 }, { x: -40, y: 60, w: 20, h: 100 }])).toEqual({ x: -40, y: 20, w: 150, h: 140 });
    expect(boundingBox([])).toBeUndefined();
  });

  it('shows every card, with a margin, when they are spread out', () => {
    const box = { x: -2000, y: 500, w: 3000, h: 1200 };
    const view = fitView(box, 800, 600);
    expect(view.scale).toBeLessThan(1);
    expect(contains(visibleRect(view, 800, 600), box)).toBe(true);
    const screen = toScreen(view, { x: box.x, y: box.y });
    expect(Math.min(screen.x, screen.y)).toBeGreaterThanOrEqual(47.9);
  });

  it('never magnifies one small card beyond 100%, and centres it', () => {
    const card = { x: 5000, y: -300, w: 200, h: 120 };
    const view = fitView(card, 1000, 700);
    expect(view.scale).toBe(1);
    expect(toScreen(view, { x: 5100, y: -240 })).toEqual({ x: 500, y: 350 });
  });

  it('shows the whole of a large workshop board on a laptop-sized canvas', () => {
    // 120 columns x 84 rows of cards: what the canvas benchmark opens.
    const board = { x: -20, y: -20, w: 28_800, h: 13_440 };
    const view = fitView(board, 960, 714);
    expect(view.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(view.scale).toBeLessThan(0.035);
    expect(contains(visibleRect(view, 960, 714), board)).toBe(true);
    // Zooming out as far as possible from there shows at least as much.
    const out = zoomAt(view, { x: 480, y: 357 }, 0.0001);
    expect(out.scale).toBe(MIN_SCALE);
    expect(contains(visibleRect(out, 960, 714), board)).toBe(true);
  });

  it('stays within the zoom limits for a board wider than MIN_SCALE can show', () => {
    const view = fitView({ x: 0, y: 0, w: 1e6, h: 10 }, 800, 600);
    expect(view.scale).toBe(MIN_SCALE);
    expect(toScreen(view, { x: 5e5, y: 5 })).toEqual({ x: 400, y: 300 });
    expect(fitView({ x: 0, y: 0, w: 1, h: 1 }, 800, 600, { maxScale: 100 }).scale).toBe(MAX_SCALE);
  });
});

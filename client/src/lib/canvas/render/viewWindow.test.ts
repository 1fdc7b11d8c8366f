import { describe, expect, it } from 'vitest';
import { visibleRect } from '../viewport.js';
import { MARGIN_PX, contains, needsNewWindow, windowFor } from './viewWindow.js';

describe('the window of built nodes', () => {
  const screen = { w: 960, h: 714 };
  const visibleAt = (x: number, y: number, scale: number) => visibleRect({ x, y, scale }, screen.w, screen.h);

  it('holds the screen plus a margin in screen pixels, whatever the zoom', () => {
    const window = windowFor(visibleAt(0, 0, 0.5), 0.5);
    expect(window.area).toEqual({ x: -MARGIN_PX * 2, y: -MARGIN_PX * 2, w: 1920 + 4 * MARGIN_PX, h: 1428 + 4 * MARGIN_PX });
  });

  it('is kept while small pans stay inside it, and replaced once the screen leaves it', () => {
    const window = windowFor(visibleAt(0, 0, 1), 1);
    expect(needsNewWindow(window, visibleAt(-MARGIN_PX + 1, 0, 1), 1)).toBe(false);
    expect(needsNewWindow(window, visibleAt(-MARGIN_PX - 1, 0, 1), 1)).toBe(true);
    expect(needsNewWindow(undefined, visibleAt(0, 0, 1), 1)).toBe(true);
  });

  it('is replaced when zooming out past its edges or zooming in far', () => {
    const window = windowFor(visibleAt(0, 0, 1), 1);
    expect(needsNewWindow(window, visibleAt(0, 0, 0.8), 0.8)).toBe(true);
    expect(needsNewWindow(window, visibleAt(-100, -100, 1.2), 1.2)).toBe(false);
    expect(needsNewWindow(window, visibleAt(-400, -400, 2), 2)).toBe(true);
  });

  it('compares rects by containment', () => {
    expect(contains({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 10, h: 10 })).toBe(true);
    expect(contains({ x: 0, y: 0, w: 10, h: 10 }, { x: 1, y: 1, w: 10, h: 2 })).toBe(false);
  });
});

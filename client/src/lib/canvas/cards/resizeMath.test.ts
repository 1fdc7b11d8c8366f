import { MIN_ITEM_SIZE } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { HANDLES, handlePoint, resizeCommand, resizedRect, visibleHandles } from './resizeMath.js';

const card = { x: 100, y: 50, w: 200, h: 120 };

describe('resize handles', () => {
  it('sit on the corners and the middles of the edges', () => {
    expect(handlePoint(card, HANDLES.se)).toEqual({ x: 300, y: 170 });
    expect(handlePoint(card, HANDLES.nw)).toEqual({ x: 100, y: 50 });
    expect(handlePoint(card, HANDLES.e)).toEqual({ x: 300, y: 110 });
    expect(handlePoint(card, HANDLES.n)).toEqual({ x: 200, y: 50 });
  });

  it('move the edges they name and keep the opposite ones', () => {
    expect(resizedRect(card, HANDLES.se, { x: 40, y: -20 })).toEqual({ x: 100, y: 50, w: 240, h: 100 });
    expect(resizedRect(card, HANDLES.e, { x: 40, y: 999 })).toEqual({ x: 100, y: 50, w: 240, h: 120 });
    expect(resizedRect(card, HANDLES.nw, { x: 30, y: 10 })).toEqual({ x: 130, y: 60, w: 170, h: 110 });
  });

  it('stop at the minimum size, a left or top edge included', () => {
    expect(resizedRect(card, HANDLES.se, { x: -500, y: -500 })).toEqual({ x: 100, y: 50, ...MIN_ITEM_SIZE });
    const shrunk = resizedRect(card, HANDLES.nw, { x: 500, y: 500 });
    expect(shrunk).toEqual({ x: 300 - MIN_ITEM_SIZE.w, y: 170 - MIN_ITEM_SIZE.h, ...MIN_ITEM_SIZE });
  });

  it('end in one resizeItem command naming x and y only when those edges moved', () => {
    expect(resizeCommand({ x: 100, y: 50, w: 240, h: 100 }, HANDLES.se)).toEqual({ w: 240, h: 100 });
    expect(resizeCommand({ x: 130, y: 50, w: 170, h: 100 }, HANDLES.sw)).toEqual({ w: 170, h: 100, x: 130 });
    expect(resizeCommand({ x: 130, y: 60, w: 170, h: 110 }, HANDLES.nw)).toEqual({ w: 170, h: 110, x: 130, y: 60 });
  });

  it('leave the right edge to the link handle, and the edge middles out on a card too small on screen', () => {
    expect(visibleHandles(200, 120, 60).map((h) => h.name).sort()).toEqual(['n', 'ne', 'nw', 's', 'se', 'sw', 'w']);
    expect(visibleHandles(200, 30, 60).map((h) => h.name).sort()).toEqual(['n', 'ne', 'nw', 's', 'se', 'sw']);
    expect(visibleHandles(30, 30, 60).map((h) => h.name).sort()).toEqual(['ne', 'nw', 'se', 'sw']);
  });
});

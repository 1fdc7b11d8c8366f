import { asItemId, type ItemGeometry } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { idsInMarquee, rectFromPoints } from './marquee.js';

const geo = (id: string, x: number, y: number, kind = 'note', w = 100, h = 50): ItemGeometry => ({ id: asItemId(id), kind, x, y, w, h });

describe('the marquee', () => {
  it('spans the two corners whichever way it was dragged', () => {
    expect(rectFromPoints({ x: 100, y: 80 }, { x: 20, y: 10 })).toEqual({ x: 20, y: 10, w: 80, h: 70 });
  });

  it('selects the cards it touches, partly or wholly', () => {
    const items = [geo('inside', 10, 10), geo('partly', 150, 10), geo('touching', 200, 100), geo('outside', 500, 500)];
    expect(idsInMarquee(items, { x: 0, y: 0, w: 200, h: 100 })).toEqual(['inside', 'partly', 'touching']);
  });

  it('selects a frame only when it lies wholly inside', () => {
    const items = [geo('frame', 0, 0, 'frame', 1000, 800), geo('card', 100, 100)];
    expect(idsInMarquee(items, { x: 50, y: 50, w: 300, h: 300 })).toEqual(['card']);
    expect(idsInMarquee(items, { x: -10, y: -10, w: 1100, h: 900 })).toEqual(['frame', 'card']);
  });

  it('selects nothing for a click without a drag', () => {
    expect(idsInMarquee([geo('a', 0, 0)], { x: 10, y: 10, w: 0, h: 0 })).toEqual([]);
  });
});

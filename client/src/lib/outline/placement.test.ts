import { describe, expect, it } from 'vitest';
import { CASCADE_STEP, placeNewCard } from './placement.js';

describe('placeNewCard', () => {
  const size = { w: 200, h: 120 };

  it('centres the card on the point when the spot is free', () => {
    expect(placeNewCard([], { x: 500, y: 300 }, size)).toEqual({ x: 400, y: 240 });
  });

  it('steps past cards added there before, so none hides another', () => {
    const first = placeNewCard([], { x: 500, y: 300 }, size);
    const second = placeNewCard([first], { x: 500, y: 300 }, size);
    const third = placeNewCard([first, second], { x: 500, y: 300 }, size);
    expect(second).toEqual({ x: 400 + CASCADE_STEP, y: 240 + CASCADE_STEP });
    expect(third).toEqual({ x: 400 + 2 * CASCADE_STEP, y: 240 + 2 * CASCADE_STEP });
  });
});

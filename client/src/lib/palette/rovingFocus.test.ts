import { describe, expect, it } from 'vitest';
import { nextIndex } from './rovingFocus.js';

describe('moving through the palette with the keyboard', () => {
  it('steps with the arrows, wrapping around, and jumps with Home and End', () => {
    expect(nextIndex('ArrowDown', 0, 9)).toBe(1);
    expect(nextIndex('ArrowRight', 8, 9)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 9)).toBe(8);
    expect(nextIndex('ArrowLeft', 3, 9)).toBe(2);
    expect(nextIndex('Home', 5, 9)).toBe(0);
    expect(nextIndex('End', 5, 9)).toBe(8);
    expect(nextIndex('Enter', 5, 9)).toBeUndefined();
    expect(nextIndex('ArrowDown', 0, 0)).toBeUndefined();
  });
});

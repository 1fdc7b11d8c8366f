import { asItemId } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { afterClick, atDragStart } from './selectionRules.js';

const [a, b, c] = ['a', 'b', 'c'].map(asItemId) as [ReturnType<typeof asItemId>, ReturnType<typeof asItemId>, ReturnType<typeof asItemId>];

describe('selection rules', () => {
  it('a click replaces the selection', () => {
    expect([...afterClick(new Set([a, b]), c, false)]).toEqual([c]);
    expect([...afterClick(new Set([a, b]), a, false)]).toEqual([a]);
  });

  it('Shift + click toggles one card', () => {
    expect([...afterClick(new Set([a]), b, true)]).toEqual([a, b]);
    expect([...afterClick(new Set([a, b]), a, true)]).toEqual([b]);
  });

  it('a drag from a selected card keeps the selection (the same set, so nothing redraws)', () => {
    const current = new Set([a, b]);
    expect(atDragStart(current, b, false)).toBe(current);
  });

  it('a drag from another card picks it alone, or adds it with Shift', () => {
    expect([...atDragStart(new Set([a]), c, false)]).toEqual([c]);
    expect([...atDragStart(new Set([a]), c, true)]).toEqual([a, c]);
  });
});

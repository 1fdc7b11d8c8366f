import { describe, expect, it } from 'vitest';
import { dimensionCoverage, sharedValue } from './values.js';
import { itemViews } from './testItems.js';

describe('shared values of a selection', () => {
  it('is the one value all items with the field hold, ignoring items without it', () => {
    const items = itemViews(
      { kind: 'threat', x: 0, y: 0, severity: 4 },
      { kind: 'threat', x: 0, y: 0, severity: 4 },
      { kind: 'note', x: 0, y: 0 },
    );
    expect(sharedValue(items, 'severity')).toEqual({ state: 'same', value: 4 });
    expect(sharedValue(items, 'likelihood')).toEqual({ state: 'same', value: undefined });
    expect(sharedValue(items, 'level')).toEqual({ state: 'absent' });
  });

  it('is mixed when they differ, "not set" counting as a value', () => {
    const items = itemViews({ kind: 'threat', x: 0, y: 0, severity: 4 }, { kind: 'threat', x: 0, y: 0 });
    expect(sharedValue(items, 'severity')).toEqual({ state: 'mixed' });
  });

  it('reads sensitivity (public when absent) and colour on every kind', () => {
    const items = itemViews({ kind: 'note', x: 0, y: 0 }, { kind: 'actor', x: 0, y: 0, sensitivity: 'public' });
    expect(sharedValue(items, 'sensitivity')).toEqual({ state: 'same', value: 'public' });
    expect(sharedValue(items, 'color')).toEqual({ state: 'same', value: undefined });
    const coloured = itemViews({ kind: 'note', x: 0, y: 0, color: '#ffffff' }, { kind: 'group', x: 0, y: 0 });
    expect(sharedValue(coloured, 'color')).toEqual({ state: 'mixed' });
  });

  it('tells for each dimension whether all, some or none of the selected threats name it', () => {
    const items = itemViews(
      { kind: 'threat', x: 0, y: 0, dimensions: ['food', 'health'] },
      { kind: 'threat', x: 0, y: 0, dimensions: ['food'] },
      { kind: 'response', x: 0, y: 0 },
    );
    const coverage = dimensionCoverage(items);
    expect(coverage?.get('food')).toBe('all');
    expect(coverage?.get('health')).toBe('some');
    expect(coverage?.get('political')).toBe('none');
    expect(dimensionCoverage(itemViews({ kind: 'note', x: 0, y: 0 }))).toBeUndefined();
  });
});

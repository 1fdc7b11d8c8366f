import { asItemId, type ItemView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { outlineItems } from './outline.js';

const item = (id: string, x: number, y: number): ItemView => ({
  id: asItemId(id),
  kind: 'note',
  knownKind: 'note',
  x,
  y,
  w: 100,
  h: 50,
  text: id,
  sensitivity: 'public',
  extra: {},
});

describe('outlineItems', () => {
  const items = [item('c', 0, 300), item('b', 200, 10), item('a', 0, 0), item('far', 5000, 5000)];

  it('lists items in reading order, rows first', () => {
    expect(outlineItems(items, undefined).map((i) => i.id)).toEqual(['a', 'b', 'c', 'far']);
  });

  it('keeps only items overlapping the area', () => {
    expect(outlineItems(items, { x: -10, y: -10, w: 400, h: 400 }).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});

import { asItemId, type ItemView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { dropTarget, rubberBand } from './linkDrag.js';

const card = (id: string, kind: string, x: number, y = 0, w = 200, h = 100): ItemView => ({
  id: asItemId(id),
  kind,
  knownKind: undefined,
  x,
  y,
  w,
  h,
  text: '',
  sensitivity: 'public',
  extra: {},
});

describe('drawing a link', () => {
  const source = card('s', 'response', 0);
  const target = card('t', 'threat', 400);
  const frame = card('f', 'frame', -500, -500, 2000, 2000);

  it('drops on the card under the pointer, never on the source or a frame', () => {
    const items = [frame, source, target];
    expect(dropTarget(items, { x: 450, y: 50 }, source.id)?.id).toBe('t');
    expect(dropTarget(items, { x: 50, y: 50 }, source.id)).toBeUndefined();
    expect(dropTarget(items, { x: 300, y: 700 }, source.id)).toBeUndefined();
  });

  it('draws the rubber band to the pointer, or border to border over a card', () => {
    expect(rubberBand(source, { x: 300, y: 50 }, undefined)).toEqual([200, 50, 300, 50]);
    expect(rubberBand(source, { x: 450, y: 60 }, target)).toEqual([200, 50, 400, 50]);
  });
});

import { describe, expect, it } from 'vitest';
import { KIND_MIME, carriesKind, dropPoint, droppedKind, startKindDrag } from './paletteDrop.js';

/** Enough of DataTransfer for the palette's use, in Node. */
function transfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'none',
  } as unknown as DataTransfer;
}

describe('dragging a kind from the palette', () => {
  it('carries the kind, and only a known kind is dropped', () => {
    const t = transfer();
    expect(carriesKind(t)).toBe(false);
    startKindDrag(t, 'threat');
    expect(carriesKind(t)).toBe(true);
    expect(droppedKind(t)).toBe('threat');
    expect(t.effectAllowed).toBe('copy');
    const other = transfer();
    other.setData(KIND_MIME, 'spaceship');
    expect(droppedKind(other)).toBeUndefined();
    expect(droppedKind(null)).toBeUndefined();
  });

  it('lands at the board point under the pointer, whatever the pan and zoom', () => {
    const box = { left: 300, top: 100 };
    expect(dropPoint({ x: 400, y: 150 }, box, { x: 0, y: 0, scale: 1 })).toEqual({ x: 100, y: 50 });
    expect(dropPoint({ x: 400, y: 150 }, box, { x: -200, y: 20, scale: 2 })).toEqual({ x: 150, y: 15 });
  });
});

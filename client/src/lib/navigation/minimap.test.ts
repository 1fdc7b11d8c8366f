import { describe, expect, it } from 'vitest';
import type { BlockContext } from '../canvas/render/blockPainter.js';
import { fromMinimap, minimapMapping, paintBoard, paintViewport, toMinimap } from './minimap.js';

/** Records what is painted: each fill's colour and how many rects its path held. */
function recorder() {
  const fills: { colour: string; rects: number[][] }[] = [];
  let path: number[][] = [];
  const ctx = {
    fillStyle: '' as BlockContext['fillStyle'],
    strokeStyle: '' as BlockContext['strokeStyle'],
    lineWidth: 1,
    globalAlpha: 1,
    beginPath: () => {
      path = [];
    },
    rect: (x: number, y: number, w: number, h: number) => {
      path.push([x, y, w, h]);
    },
    fill: () => {
      fills.push({ colour: String(ctx.fillStyle), rects: path });
    },
    stroke: () => {},
    moveTo: () => {},
    lineTo: () => {},
    setLineDash: () => {},
  };
  return { ctx: ctx as unknown as BlockContext, fills };
}

describe('minimap', () => {
  const board = { x: -20, y: -20, w: 28_800, h: 13_440 };

  it('fits the whole board, centred, and maps points both ways', () => {
    const m = minimapMapping(board, 200, 120);
    if (!m) throw new Error('no mapping');
    const topLeft = toMinimap(m, { x: board.x, y: board.y });
    const bottomRight = toMinimap(m, { x: board.x + board.w, y: board.y + board.h });
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(200);
    expect(bottomRight.y).toBeLessThanOrEqual(120);
    expect(topLeft.x + bottomRight.x).toBeCloseTo(200, 9);
    const back = fromMinimap(m, toMinimap(m, { x: 12_345, y: 678 }));
    expect(back.x).toBeCloseTo(12_345, 6);
    expect(back.y).toBeCloseTo(678, 6);
  });

  it('has nothing to show for an empty board', () => {
    expect(minimapMapping(undefined, 200, 120)).toBeUndefined();
  });

  it('paints cards as visible dots, one fill per colour, and frames under them', () => {
    const m = minimapMapping(board, 200, 120)!;
    const { ctx, fills } = recorder();
    const cards = Array.from({ length: 1000 }, (_, i) => ({ kind: i % 2 ? 'threat' : 'response', x: (i % 100) * 240, y: Math.floor(i / 100) * 160, w: 200, h: 120 }));
    paintBoard(ctx, [{ kind: 'frame', x: 0, y: 0, w: 5000, h: 3000 }, ...cards], m);
    expect(fills).toHaveLength(3);
    expect(fills[0]!.rects).toHaveLength(1);
    expect(fills[1]!.rects.length + fills[2]!.rects.length).toBe(1000);
    for (const [, , w, h] of fills[1]!.rects) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(2);
  });

  it('frames what the screen shows', () => {
    const m = minimapMapping(board, 200, 120)!;
    const { ctx, fills } = recorder();
    paintViewport(ctx, m, { x: 0, y: 0, w: 960, h: 714 });
    expect(fills).toHaveLength(1);
    const [x, y, w, h] = fills[0]!.rects[0]! as [number, number, number, number];
    // Centred on the screen's middle, and never smaller than a few pixels.
    const middle = toMinimap(m, { x: 480, y: 357 });
    expect(x + w / 2).toBeCloseTo(middle.x, 9);
    expect(y + h / 2).toBeCloseTo(middle.y, 9);
    expect(Math.min(w, h)).toBeGreaterThanOrEqual(4);
  });
});

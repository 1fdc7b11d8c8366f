import type { ItemId } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { buildRemoteSelections } from '../../presence/remoteSelections.js';
import type { Peer } from '../../sync/peers.js';
import type { Rect } from '../viewport.js';
import { paintRemoteSelections, ringInView, ringOffset, ringRect, type RingContext } from './remoteSelectionPainter.js';

type Call = readonly [string, ...unknown[]];

/** Records what is painted: the path's rounded rects and each stroke with its colour and width. */
function recorder(): { ctx: RingContext; calls: Call[] } {
  const calls: Call[] = [];
  const ctx = {
    strokeStyle: '' as RingContext['strokeStyle'],
    lineWidth: 1,
    beginPath: () => calls.push(['beginPath']),
    roundRect: (x: number, y: number, w: number, h: number) => calls.push(['roundRect', x, y, w, h]),
    stroke: () => calls.push(['stroke', ctx.strokeStyle, ctx.lineWidth]),
    setLineDash: () => undefined,
  } as unknown as RingContext;
  return { ctx, calls };
}

function peer(clientId: number, color: string, selection: string[]): Peer {
  return { clientId, name: `P${clientId}`, color, role: 'participant', cursor: undefined, selection: selection as ItemId[], view: undefined };
}

const card = (x: number, y: number): Rect => ({ x, y, w: 200, h: 120 });
const items = new Map<ItemId, Rect>([
  ['near' as ItemId, card(0, 0)],
  ['far' as ItemId, card(5000, 5000)],
]);
const screen: Rect = { x: -100, y: -100, w: 1000, h: 800 };

describe('ring geometry', () => {
  it('puts each further ring a few screen pixels further out, at any zoom', () => {
    for (const scale of [0.1, 1, 4]) {
      const step = (ringOffset(1, scale) - ringOffset(0, scale)) * scale;
      expect(step).toBeCloseTo(4, 10);
      expect(ringOffset(0, scale)).toBeGreaterThan(5);
    }
    expect(ringRect(card(0, 0), 0, 1)).toEqual({ x: -9, y: -9, w: 218, h: 138 });
    expect(ringRect(card(0, 0), 2, 2)).toEqual({ x: -11, y: -11, w: 222, h: 142 });
  });

  it('counts a ring in view when only its outer edge is', () => {
    const offScreenLeft = card(-210, 0);
    expect(ringInView(offScreenLeft, 0, 1, { x: 0, y: 0, w: 100, h: 100 })).toBe(true);
    expect(ringInView(card(-300, 0), 0, 1, { x: 0, y: 0, w: 100, h: 100 })).toBe(false);
  });
});

describe('painting remote selections', () => {
  it('strokes one path per person, only for cards in view and still on the board', () => {
    const { ctx, calls } = recorder();
    const selections = buildRemoteSelections([peer(2, '#0072b2', ['near', 'far', 'gone']), peer(3, '#d55e00', ['near'])]);
    const drawn = paintRemoteSelections(ctx, selections, items, screen, 1);
    expect(drawn).toBe(2);
    const rects = calls.filter(([name]) => name === 'roundRect');
    expect(rects).toEqual([
      ['roundRect', -9, -9, 218, 138],
      ['roundRect', -13, -13, 226, 146],
    ]);
    expect(calls.filter(([name]) => name === 'stroke')).toEqual([
      ['stroke', '#0072b2', 2.5],
      ['stroke', '#d55e00', 2.5],
    ]);
  });

  it('strokes nothing for a person whose cards are all out of view', () => {
    const { ctx, calls } = recorder();
    const selections = buildRemoteSelections([peer(2, '#0072b2', ['far'])]);
    expect(paintRemoteSelections(ctx, selections, items, screen, 0.5)).toBe(0);
    expect(calls).toEqual([]);
  });

  it('keeps the ring width in screen pixels when zoomed out', () => {
    const { ctx, calls } = recorder();
    paintRemoteSelections(ctx, buildRemoteSelections([peer(2, '#0072b2', ['near'])]), items, screen, 0.25);
    expect(calls.at(-1)).toEqual(['stroke', '#0072b2', 10]);
  });
});

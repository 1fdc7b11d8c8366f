// The minimap's geometry and painting, free of the DOM: how the board's extent maps onto a
// small canvas, and back (a click there is a place on the board), what the board looks like
// there (frames as pale areas, cards as dots of their kind's strong colour), and the frame of
// what the screen shows. Everything of one colour is one path and one fill.
import { itemStyle } from '../canvas/kindStyle.js';
import type { Block, BlockContext } from '../canvas/render/blockPainter.js';
import type { Point, Rect } from '../canvas/viewport.js';

/** minimap = (canvas - world origin) * scale + offset, in minimap pixels. */
export interface MinimapMapping {
  readonly world: Rect;
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** Minimap pixels kept free around the board. */
const PAD = 6;
/** A card is never smaller than this on the minimap, or it would not show at all. */
const MIN_DOT = 2;
const VIEWPORT_STROKE = '#1a56db';
const VIEWPORT_FILL = 'rgba(26, 86, 219, 0.08)';

/** Fits `bounds` (the board's extent) into `width` x `height`, centred; undefined for an empty board. */
export function minimapMapping(bounds: Rect | undefined, width: number, height: number): MinimapMapping | undefined {
  if (!bounds || width <= 2 * PAD || height <= 2 * PAD) return undefined;
  const w = Math.max(bounds.w, 1);
  const h = Math.max(bounds.h, 1);
  const scale = Math.min((width - 2 * PAD) / w, (height - 2 * PAD) / h);
  return { world: bounds, scale, offsetX: (width - w * scale) / 2, offsetY: (height - h * scale) / 2 };
}

export function toMinimap(m: MinimapMapping, p: Point): Point {
  return { x: (p.x - m.world.x) * m.scale + m.offsetX, y: (p.y - m.world.y) * m.scale + m.offsetY };
}

export function fromMinimap(m: MinimapMapping, p: Point): Point {
  return { x: (p.x - m.offsetX) / m.scale + m.world.x, y: (p.y - m.offsetY) / m.scale + m.world.y };
}

export function rectToMinimap(m: MinimapMapping, r: Rect): Rect {
  const { x, y } = toMinimap(m, r);
  return { x, y, w: r.w * m.scale, h: r.h * m.scale };
}

/** Paints the board in minimap pixels (the caller clears and sets the device pixel ratio). */
export function paintBoard(ctx: BlockContext, items: Iterable<Block>, m: MinimapMapping): void {
  const frames: Block[] = [];
  const dots = new Map<string, Rect[]>();
  for (const item of items) {
    if (item.kind === 'frame') {
      frames.push(item);
      continue;
    }
    const r = rectToMinimap(m, item);
    const colour = itemStyle(item.kind).stroke;
    let bucket = dots.get(colour);
    if (!bucket) dots.set(colour, (bucket = []));
    bucket.push({ x: r.x, y: r.y, w: Math.max(r.w, MIN_DOT), h: Math.max(r.h, MIN_DOT) });
  }
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  for (const frame of frames) {
    const r = rectToMinimap(m, frame);
    const style = itemStyle(frame.kind);
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.fillStyle = frame.color ?? style.fill;
    ctx.fill();
    ctx.strokeStyle = style.stroke;
    ctx.stroke();
  }
  for (const [colour, bucket] of dots) {
    ctx.beginPath();
    for (const r of bucket) ctx.rect(r.x, r.y, r.w, r.h);
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

/** The frame of what the screen shows, kept at least a few pixels large so that it can be seen. */
export function paintViewport(ctx: BlockContext, m: MinimapMapping, visible: Rect): void {
  const r = rectToMinimap(m, visible);
  const w = Math.max(r.w, 4);
  const h = Math.max(r.h, 4);
  ctx.beginPath();
  ctx.rect(r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h);
  ctx.fillStyle = VIEWPORT_FILL;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.setLineDash([]);
  ctx.strokeStyle = VIEWPORT_STROKE;
  ctx.stroke();
}

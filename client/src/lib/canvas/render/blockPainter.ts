// Paints the zoomed-out board: frames as areas, links as thin lines, cards as coloured blocks,
// straight onto a 2D context in canvas units (the caller sets the view's transform). Thousands
// of blocks cost little because everything of one colour is one path and one fill call, not
// one Konva node each. Free of Konva and the DOM, so tests can paint onto a recorder.
import { itemStyle, linkStyle, SELECTION_STROKE } from '../kindStyle.js';
import { drawsAsDot } from './levelOfDetail.js';

/** What a block needs of an item (ItemView has it). */
export interface Block {
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly color?: string | undefined;
}

/** A link as a line between the centres of its two cards. */
export interface LinkLine {
  readonly kind: string;
  readonly from: Block;
  readonly to: Block;
}

export type BlockContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'beginPath' | 'rect' | 'fill' | 'stroke' | 'moveTo' | 'lineTo' | 'setLineDash'
>;

/** Screen pixels. */
const LINE_PX = 1;
const RING_PX = 2;
const RING_GAP_PX = 3;
const LINK_ALPHA = 0.6;

/**
 * Keeps its colour buckets between frames, so a frame of 10,000 blocks allocates no arrays
 * (the buckets are emptied, not replaced).
 */
export class BlockPainter {
  readonly #buckets = new Map<string, Block[]>();
  readonly #lineBuckets = new Map<string, LinkLine[]>();

  /** Frames: pale areas with a thin border, under everything else. */
  frames(ctx: BlockContext, frames: Iterable<Block>, scale: number): void {
    ctx.lineWidth = LINE_PX / scale;
    ctx.setLineDash([]);
    for (const frame of frames) {
      const style = itemStyle(frame.kind);
      ctx.beginPath();
      ctx.rect(frame.x, frame.y, frame.w, frame.h);
      ctx.fillStyle = frame.color ?? style.fill;
      ctx.fill();
      ctx.strokeStyle = style.stroke;
      ctx.stroke();
    }
  }

  /** Links: one path per colour, centre to centre, one screen pixel wide, no arrowheads. */
  links(ctx: BlockContext, lines: Iterable<LinkLine>, scale: number): void {
    const buckets = fill(this.#lineBuckets, lines, (line) => linkStyle(line.kind).stroke);
    ctx.lineWidth = LINE_PX / scale;
    ctx.globalAlpha = LINK_ALPHA;
    ctx.setLineDash([]);
    for (const [stroke, bucket] of buckets) {
      if (bucket.length === 0) continue;
      ctx.beginPath();
      for (const { from, to } of bucket) {
        ctx.moveTo(from.x + from.w / 2, from.y + from.h / 2);
        ctx.lineTo(to.x + to.w / 2, to.y + to.h / 2);
      }
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /**
   * Cards: one path per colour. A card a few pixels small becomes a dot of its kind's strong
   * colour (a pale fill would vanish); a larger one keeps its fill and gets its border.
   * `dots`: every card is a dot, e.g. in a picture to be shown smaller still.
   */
  cards(ctx: BlockContext, cards: Iterable<Block>, scale: number, dots = false): void {
    const dot = (card: Block): boolean => dots || drawsAsDot(card.w, card.h, scale);
    const colour = (card: Block): string => {
      const style = itemStyle(card.kind);
      return dot(card) ? style.stroke : (card.color ?? style.fill);
    };
    const buckets = fill(this.#buckets, cards, colour);
    for (const [fillStyle, bucket] of buckets) {
      if (bucket.length === 0) continue;
      ctx.beginPath();
      for (const card of bucket) ctx.rect(card.x, card.y, card.w, card.h);
      ctx.fillStyle = fillStyle;
      ctx.fill();
    }
    // Borders only for the blocks drawn with their pale fill, again one path per colour.
    ctx.lineWidth = LINE_PX / scale;
    ctx.setLineDash([]);
    for (const bucket of buckets.values()) {
      const large = bucket.filter((card) => !dot(card));
      if (large.length === 0) continue;
      const stroke = itemStyle(large[0]!.kind).stroke;
      ctx.beginPath();
      for (const card of large) ctx.rect(card.x, card.y, card.w, card.h);
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
  }

  /** Rings around the selected (or focused) cards, a few pixels outside them at any zoom. */
  rings(ctx: BlockContext, cards: Iterable<Block>, scale: number): void {
    const gap = RING_GAP_PX / scale;
    ctx.beginPath();
    let any = false;
    for (const card of cards) {
      ctx.rect(card.x - gap, card.y - gap, card.w + 2 * gap, card.h + 2 * gap);
      any = true;
    }
    if (!any) return;
    ctx.lineWidth = RING_PX / scale;
    ctx.setLineDash([]);
    ctx.strokeStyle = SELECTION_STROKE;
    ctx.stroke();
  }
}

/** Sorts `values` into the reused buckets by `key`; emptied buckets stay for the next frame. */
function fill<T>(buckets: Map<string, T[]>, values: Iterable<T>, key: (value: T) => string): Map<string, T[]> {
  for (const bucket of buckets.values()) bucket.length = 0;
  for (const value of values) {
    const k = key(value);
    let bucket = buckets.get(k);
    if (!bucket) buckets.set(k, (bucket = []));
    bucket.push(value);
  }
  return buckets;
}

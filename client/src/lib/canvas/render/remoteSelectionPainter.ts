// Paints other people's selections: a ring in each person's colour around each card they
// selected, several people on one card on rings further out, so that every one of them shows.
// Straight onto a 2D context in canvas units (the caller has set the view's transform). A frame
// walks the selections (at most 30 people x 100 cards in a large workshop), skips cards out of
// view, and strokes one path per person: no allocation per frame, and a cost that follows the
// number of selected cards, never the size of the board. Free of Konva and the DOM: tests paint
// onto a recorder.
import type { ItemId } from '@interlink/model';
import type { RemoteSelections } from '../../presence/remoteSelections.js';
import type { Rect } from '../viewport.js';

export type RingContext = Pick<CanvasRenderingContext2D, 'strokeStyle' | 'lineWidth' | 'beginPath' | 'roundRect' | 'stroke' | 'setLineDash'>;

/** Canvas units: the card's own selection ring lies this far outside it (cardNode.ts RING_GAP)... */
const LOCAL_RING_GAP = 5;
/** ...and is this many screen pixels wide, so remote rings begin beyond it. */
const FIRST_RING_PX = 4;
/** Screen pixels between one person's ring and the next one's around the same card. */
const RING_STEP_PX = 4;
const RING_WIDTH_PX = 2.5;
/** The card's corner radius (cardNode.ts CORNER): rings follow the rounded corners. */
const CORNER = 10;
const SOLID: number[] = [];

/** How far outside a card (canvas units) the ring in `slot` lies at `scale`. */
export function ringOffset(slot: number, scale: number): number {
  return LOCAL_RING_GAP + (FIRST_RING_PX + slot * RING_STEP_PX) / scale;
}

/** The ring in `slot` around `card`, in canvas units. */
export function ringRect(card: Rect, slot: number, scale: number): Rect {
  const offset = ringOffset(slot, scale);
  return { x: card.x - offset, y: card.y - offset, w: card.w + 2 * offset, h: card.h + 2 * offset };
}

/** Whether any part of the ring in `slot` around `card` can be in `visible`. */
export function ringInView(card: Rect, slot: number, scale: number, visible: Rect): boolean {
  const pad = ringOffset(slot, scale) + RING_WIDTH_PX / scale;
  return (
    card.x - pad < visible.x + visible.w &&
    visible.x < card.x + card.w + pad &&
    card.y - pad < visible.y + visible.h &&
    visible.y < card.y + card.h + pad
  );
}

/**
 * Strokes every ring in view; answers how many it drew (for tests). `items` gives where a card
 * is now: a card someone selected that is gone (or not on this board) is skipped.
 */
export function paintRemoteSelections(
  ctx: RingContext,
  selections: RemoteSelections,
  items: ReadonlyMap<ItemId, Rect>,
  visible: Rect,
  scale: number,
): number {
  let drawn = 0;
  ctx.lineWidth = RING_WIDTH_PX / scale;
  ctx.setLineDash(SOLID);
  for (const stroke of selections.strokes) {
    let any = false;
    for (const { id, slot } of stroke.cards) {
      const card = items.get(id);
      if (!card || !ringInView(card, slot, scale, visible)) continue;
      if (!any) ctx.beginPath();
      any = true;
      const offset = ringOffset(slot, scale);
      ctx.roundRect(card.x - offset, card.y - offset, card.w + 2 * offset, card.h + 2 * offset, CORNER + offset);
      drawn++;
    }
    if (!any) continue;
    ctx.strokeStyle = stroke.color;
    ctx.stroke();
  }
  return drawn;
}

// How much of each card the canvas draws at a zoom. Below about 40% a card's text is under 6 px
// tall and unreadable, yet laying it out and drawing it is most of what a frame costs (and the
// most cards are on screen just above the switch); there cards become plain coloured blocks
// (and links thin lines), all drawn by one shape from the spatial index, so the whole board can
// be on screen at once.

export type Detail = 'full' | 'blocks';

/** Zooming out below this turns cards into blocks... */
export const BLOCKS_BELOW = 0.4;
/**
 * ...and zooming in to this turns them back into cards. The gap between the two keeps a zoom
 * that hovers near the threshold (a trackpad's jitter) from rebuilding every node each frame.
 */
export const FULL_FROM = 0.45;

/** The detail to draw at `scale`, given the detail drawn so far. */
export function detailAt(scale: number, current: Detail): Detail {
  if (scale < BLOCKS_BELOW) return 'blocks';
  if (scale >= FULL_FROM) return 'full';
  return current;
}

/**
 * Screen pixels: a block whose shorter side is smaller than this is filled with its kind's
 * strong (border) colour instead of its pale fill, which would vanish on the background.
 */
export const DOT_BELOW_PX = 6;

export function drawsAsDot(w: number, h: number, scale: number): boolean {
  return Math.min(w, h) * scale < DOT_BELOW_PX;
}

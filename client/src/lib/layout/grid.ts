// The grid for cards the layered layout leaves out (notes, cards with no link, and any over the
// cap): rows of cards, one kind after another, each kind starting a new row so that the reader
// finds "the unlinked threats" together. Linear in the number of cards, so hundreds or
// thousands of loose cards cost nothing and never blow up the layered part.
import type { ItemView } from '@interlink/model';
import { sizeOf, type Placed } from './geometry.js';
import { GRID_KIND_ORDER } from './ranks.js';

export const GRID_GAP = 40;

export interface GridResult {
  readonly placed: readonly Placed[];
  readonly width: number;
  readonly height: number;
}

/**
 * Places the cards (already in reading order) in rows from (0, 0). A row ends at `rowWidth`, or
 * earlier when the kind changes; a card wider than a row gets a row of its own.
 */
export function gridLayout(cards: readonly ItemView[], rowWidth: number): GridResult {
  const kindIndex = (kind: string) => {
    const index = GRID_KIND_ORDER.indexOf(kind);
    return index === -1 ? GRID_KIND_ORDER.length : index;
  };
  // Array.prototype.sort is stable: within a kind the given (reading) order stays.
  const sorted = [...cards].sort((a, b) => kindIndex(a.kind) - kindIndex(b.kind));

  const placed: Placed[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  let previousKind: string | undefined;
  for (const card of sorted) {
    const { w, h } = sizeOf(card);
    const newKind = previousKind !== undefined && card.kind !== previousKind;
    if (x > 0 && (newKind || x + w > rowWidth)) {
      y += rowHeight + GRID_GAP;
      x = 0;
      rowHeight = 0;
    }
    placed.push({ id: card.id, x, y, w, h });
    x += w + GRID_GAP;
    width = Math.max(width, x - GRID_GAP);
    rowHeight = Math.max(rowHeight, h);
    previousKind = card.kind;
  }
  return { placed, width, height: placed.length === 0 ? 0 : y + rowHeight };
}

/**
 * A row width that keeps the grid roughly as wide as the layered part above it, and for a grid
 * alone about 1.6 times wider than tall (a screen's shape), never narrower than a few cards.
 */
export function gridRowWidth(cards: readonly ItemView[], layeredWidth: number): number {
  let area = 0;
  let widest = 0;
  for (const card of cards) {
    const { w, h } = sizeOf(card);
    area += (w + GRID_GAP) * (h + GRID_GAP);
    widest = Math.max(widest, w);
  }
  const screenShaped = Math.sqrt(area * 1.6);
  return Math.max(layeredWidth, screenShaped, widest, 1200);
}

// Auto-layout on demand: arranges the cards of a board (or of a selection) by their links.
//
// The linked cards are laid out left to right by ELK's layered algorithm, in the human-security
// reading order (ranks.ts): root causes and indicators, then threats, then affected groups and
// the responses addressing each threat, then the actors and capacities of those responses.
// Cards with no link that shapes the layout, and notes, go in a grid below, a row per kind.
// Frames and cards of unknown kinds are left where they are (scope.ts says why).
//
// The whole arrangement starts at the top-left corner of the cards it moves, so the board does
// not jump away from where people were looking, and it is written with one `moveItems`: one
// transaction, one undo step.
import { getItemMap, moveItems, type BoardView, type ItemId, type ItemMove } from '@interlink/model';
import type * as Y from 'yjs';
import { layoutLayered } from './elkLayered.js';
import type { Placed } from './geometry.js';
import { gridLayout, gridRowWidth } from './grid.js';
import { selectScope } from './scope.js';

/**
 * At most this many linked cards are laid out by ELK; beyond it the rest go to the grid.
 * ELK's layered layout grows faster than linearly and runs on the page's thread: 750 cards
 * tangled by 930 random links took about 3 s of CPU on the 2-core test machine (bench.ts), about
 * as long as a click should block.
 */
export const MAX_LAYERED_CARDS = 1000;

/** The gap between the layered part and the grid below it. */
export const GRID_SEPARATION = 200;

export interface AutoLayoutOptions {
  /** Lay out only these cards (the selection); the others are not moved and not considered. */
  readonly ids?: ReadonlySet<ItemId>;
  /** Overrides MAX_LAYERED_CARDS (tests use a small cap). */
  readonly maxLayered?: number;
}

export interface LayoutResult {
  /** New positions, only for cards that actually move. */
  readonly moves: ItemMove[];
  /** Linked cards put in the grid because the board has more than the cap; 0 normally. */
  readonly truncated: number;
}

/** Computes the layout; pure (reads the view only, no DOM), so it runs the same in tests. */
export async function computeLayout(view: BoardView, options: AutoLayoutOptions = {}): Promise<LayoutResult> {
  const scope = selectScope(view, options.ids, options.maxLayered ?? MAX_LAYERED_CARDS);
  const moving = [...scope.layered.map((card) => card.item), ...scope.grid];
  if (moving.length === 0) return { moves: [], truncated: 0 };
  // A loop, not Math.min(...): spreading tens of thousands of arguments can overflow the stack.
  const anchor = { x: Infinity, y: Infinity };
  for (const item of moving) {
    anchor.x = Math.min(anchor.x, item.x);
    anchor.y = Math.min(anchor.y, item.y);
  }

  const layered = await layoutLayered(scope.layered, scope.edges);
  const gridCards = [...scope.grid, ...layered.missing.map((card) => card.item)];
  const grid = gridLayout(gridCards, gridRowWidth(gridCards, layered.width));
  const gridTop = layered.placed.length > 0 ? layered.height + GRID_SEPARATION : 0;

  const current = new Map(moving.map((item) => [item.id, item]));
  const moves: ItemMove[] = [];
  const place = (placed: Placed, top: number) => {
    // Whole canvas units: ELK answers fractions, and rounding moves a card by at most half a
    // unit, far less than the spacing, so no two cards can come to overlap.
    const x = Math.round(anchor.x + placed.x);
    const y = Math.round(anchor.y + top + placed.y);
    const item = current.get(placed.id);
    if (item && (item.x !== x || item.y !== y)) moves.push({ id: placed.id, x, y });
  };
  for (const placed of layered.placed) place(placed, 0);
  for (const placed of grid.placed) place(placed, gridTop);
  return { moves, truncated: scope.truncated };
}

/**
 * Computes the layout and applies it as one command (one undo step for `origin`). The layout
 * takes time and the board is shared: a card someone deleted meanwhile is skipped, never
 * brought back. Answers what was applied.
 */
export async function applyAutoLayout(
  doc: Y.Doc,
  view: BoardView,
  origin: unknown,
  options: AutoLayoutOptions = {},
): Promise<LayoutResult> {
  const result = await computeLayout(view, options);
  const moves = result.moves.filter((move) => getItemMap(doc, move.id) !== undefined);
  if (moves.length > 0) moveItems(doc, moves, origin);
  return { moves, truncated: result.truncated };
}

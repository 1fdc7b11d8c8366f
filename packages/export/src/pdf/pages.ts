// Paper for the PDF export: page sizes, orientation, and how the map is cut into tiles when it
// is printed at a readable size over several pages. Pure arithmetic, in PDF points (1/72 in)
// for paper and canvas units for the map.
import type { Box } from '@interlink/model';

export const PAGE_SIZES = {
  a4: { w: 595.28, h: 841.89 },
  a3: { w: 841.89, h: 1190.55 },
  letter: { w: 612, h: 792 },
} as const;
export type PageSize = keyof typeof PAGE_SIZES;
export const PAGE_SIZE_NAMES = Object.keys(PAGE_SIZES) as PageSize[];

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const FITS = ['page', 'tiles'] as const;
/** `page`: the whole map shrunk onto one page; `tiles`: an overview page, then the map in parts at a readable size. */
export type Fit = (typeof FITS)[number];

/** Blank paper around what is printed (about 1 cm). */
export const PAGE_MARGIN = 28;
/** Points per canvas unit on a tile: card text of 15 units prints at 9 pt. */
export const TILE_SCALE = 0.6;
/** Canvas units that neighbouring tiles share, so that a card cut by one page edge is whole on the next. */
export const TILE_OVERLAP = 80;
/** Room for the line that names the part at the top of each tile page. */
export const TILE_HEADER = 22;
/** Beyond this many parts the tiles are printed smaller rather than on more paper. */
export const MAX_TILES = 200;

export interface Paper {
  readonly w: number;
  readonly h: number;
}

/** The page in the orientation asked for; without one, the orientation that suits the content's shape. */
export function paperFor(size: PageSize, orientation: Orientation | undefined, content: { w: number; h: number }): Paper {
  const { w, h } = PAGE_SIZES[size];
  const landscape = orientation ? orientation === 'landscape' : content.w > content.h;
  return landscape ? { w: h, h: w } : { w, h };
}

/** The scale that fits `content` (canvas units) inside `room` (points). */
export function fitScale(content: { w: number; h: number }, room: { w: number; h: number }): number {
  if (content.w <= 0 || content.h <= 0) return 1;
  return Math.min(room.w / content.w, room.h / content.h);
}

export interface Tile {
  readonly row: number;
  readonly column: number;
  /** The part of the map this page shows, in canvas units. */
  readonly region: Box;
}

export interface TilePlan {
  readonly rows: number;
  readonly columns: number;
  /** Points per canvas unit. */
  readonly scale: number;
  /** Row by row, left to right. */
  readonly tiles: readonly Tile[];
}

function gridFor(map: Box, room: Paper, scale: number): { rows: number; columns: number; w: number; h: number } {
  const w = room.w / scale;
  const h = room.h / scale;
  const count = (length: number, tile: number): number => Math.max(1, Math.ceil((length - TILE_OVERLAP) / (tile - TILE_OVERLAP)));
  return { rows: count(map.bottom - map.top, h), columns: count(map.right - map.left, w), w, h };
}

/** Printing up to this much smaller is preferred to a page that holds only a sliver of the map. */
const SHRINK_TO_SAVE_PAGES = 0.85;

/** The largest scale in [low, high] that still needs no more than `pages` pages (bisection). */
function largestScaleFor(map: Box, room: Paper, pages: number, low: number, high: number): number {
  for (let step = 0; step < 20; step++) {
    const mid = (low + high) / 2;
    const grid = gridFor(map, room, mid);
    if (grid.rows * grid.columns <= pages) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * Cuts `map` into page-sized regions at TILE_SCALE (or up to 15% smaller when that saves pages),
 * each overlapping its neighbours by TILE_OVERLAP; a map that would need more than MAX_TILES
 * pages is printed smaller instead.
 */
export function planTiles(map: Box, room: Paper): TilePlan {
  let scale = TILE_SCALE;
  let grid = gridFor(map, room, scale);
  const smaller = gridFor(map, room, TILE_SCALE * SHRINK_TO_SAVE_PAGES);
  if (smaller.rows * smaller.columns < grid.rows * grid.columns) {
    scale = largestScaleFor(map, room, smaller.rows * smaller.columns, TILE_SCALE * SHRINK_TO_SAVE_PAGES, TILE_SCALE);
    grid = gridFor(map, room, scale);
  }
  while (grid.rows * grid.columns > MAX_TILES) {
    scale *= Math.sqrt(MAX_TILES / (grid.rows * grid.columns)) * 0.98;
    grid = gridFor(map, room, scale);
  }
  const tiles: Tile[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let column = 0; column < grid.columns; column++) {
      const left = map.left + column * (grid.w - TILE_OVERLAP);
      const top = map.top + row * (grid.h - TILE_OVERLAP);
      tiles.push({ row: row + 1, column: column + 1, region: { left, top, right: left + grid.w, bottom: top + grid.h } });
    }
  }
  return { rows: grid.rows, columns: grid.columns, scale, tiles };
}

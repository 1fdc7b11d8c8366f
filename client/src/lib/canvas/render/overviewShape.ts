// The shape that draws the board without a Konva node per card: when zoomed out, everything in
// view as blocks and lines (see blockPainter.ts); when zoomed in, only the cards in view whose
// nodes are not built yet, as placeholders, so that nothing is missing while the renderer
// builds nodes a few per frame. One shape whose draw function asks the spatial index what is
// in view, so its cost follows what is on screen, never the size of the board.
import type { ItemId, ItemView, LinkId, LinkView } from '@interlink/model';
import Konva from 'konva';
import { intersects, type Rect } from '../viewport.js';
import { BlockPainter, type LinkLine } from './blockPainter.js';
import type { BoardIndex } from './boardIndex.js';
import { OverviewCache } from './overviewCache.js';

/** The parts of the mirror the overview reads. */
export interface OverviewSource {
  readonly items: ReadonlyMap<ItemId, ItemView>;
  readonly links: ReadonlyMap<LinkId, LinkView>;
  linkEnds(link: LinkView): readonly [ItemView, ItemView] | undefined;
}

type Scene =
  | { readonly mode: 'hidden' }
  | { readonly mode: 'blocks'; readonly area: Rect; readonly scale: number; readonly marked: ReadonlySet<ItemId> }
  | { readonly mode: 'placeholders'; readonly area: Rect; readonly scale: number; readonly ids: readonly ItemId[] };

const FRAME = 'frame';

export class OverviewShape {
  /** Never listens: zoomed out, a press anywhere pans the board. */
  readonly shape: Konva.Shape;
  readonly #painter = new BlockPainter();
  /** The whole board as one picture, for the farthest zoom levels (see overviewCache.ts). */
  readonly #cache = new OverviewCache();
  readonly #source: OverviewSource;
  readonly #index: BoardIndex;
  #scene: Scene = { mode: 'hidden' };

  constructor(source: OverviewSource, index: BoardIndex) {
    this.#source = source;
    this.#index = index;
    this.shape = new Konva.Shape({
      listening: false,
      visible: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => this.#paint(context._context, context.canvas.getPixelRatio()),
    });
  }

  /** Zoomed out: draws everything in `area` (canvas units), rings around `marked` cards. */
  showBlocks(area: Rect, scale: number, marked: ReadonlySet<ItemId>): void {
    this.#scene = { mode: 'blocks', area, scale, marked };
    this.shape.visible(true);
  }

  /** Zoomed in: draws these items (nodes not built yet) where they overlap `area`. */
  showPlaceholders(ids: readonly ItemId[], area: Rect, scale: number): void {
    if (ids.length === 0) {
      this.hide();
      return;
    }
    this.#scene = { mode: 'placeholders', ids, area, scale };
    this.shape.visible(true);
  }

  hide(): void {
    this.#scene = { mode: 'hidden' };
    this.shape.visible(false);
  }

  get visible(): boolean {
    return this.#scene.mode !== 'hidden';
  }

  /** The board changed: the cached picture of it is out of date. */
  invalidate(): void {
    this.#cache.invalidate();
  }

  #paint(ctx: CanvasRenderingContext2D, pixelRatio: number): void {
    const scene = this.#scene;
    if (scene.mode === 'hidden') return;
    if (scene.mode === 'blocks') {
      const paintAll = (cacheCtx: CanvasRenderingContext2D, scale: number): void => this.#paintAll(cacheCtx, scale);
      if (this.#cache.draw(ctx, scene.scale, pixelRatio, this.#index.items.bounds(), paintAll, performance.now())) {
        this.#paintRings(ctx, scene.marked, scene.scale);
        return;
      }
    }
    const items = this.#source.items;
    const frames: ItemView[] = [];
    const cards: ItemView[] = [];
    const sort = (item: ItemView | undefined): void => {
      if (item) (item.kind === FRAME ? frames : cards).push(item);
    };
    if (scene.mode === 'placeholders') {
      for (const id of scene.ids) {
        const item = items.get(id);
        if (item && intersects(scene.area, item)) sort(item);
      }
    } else {
      for (const entry of this.#index.items.search(scene.area)) sort(items.get(entry.key));
    }
    this.#painter.frames(ctx, frames, scene.scale);
    if (scene.mode === 'blocks') this.#painter.links(ctx, this.#linkLines(scene.area), scene.scale);
    this.#painter.cards(ctx, cards, scene.scale);
    if (scene.mode === 'blocks') this.#paintRings(ctx, scene.marked, scene.scale);
  }

  #paintRings(ctx: CanvasRenderingContext2D, marked: ReadonlySet<ItemId>, scale: number): void {
    if (marked.size === 0) return;
    this.#painter.rings(ctx, [...marked].flatMap((id) => this.#source.items.get(id) ?? []), scale);
  }

  /** Everything, for the cached picture: frames, links, and cards as dots. */
  #paintAll(ctx: CanvasRenderingContext2D, scale: number): void {
    const frames: ItemView[] = [];
    const cards: ItemView[] = [];
    for (const item of this.#source.items.values()) (item.kind === FRAME ? frames : cards).push(item);
    const lines: LinkLine[] = [];
    for (const link of this.#source.links.values()) {
      const ends = this.#source.linkEnds(link);
      if (ends) lines.push({ kind: link.kind, from: ends[0], to: ends[1] });
    }
    this.#painter.frames(ctx, frames, scale);
    this.#painter.links(ctx, lines, scale);
    this.#painter.cards(ctx, cards, scale, true);
  }

  #linkLines(area: Rect): LinkLine[] {
    const lines: LinkLine[] = [];
    for (const id of this.#index.linksCrossing(area)) {
      const link = this.#source.links.get(id);
      const ends = link && this.#source.linkEnds(link);
      if (link && ends) lines.push({ kind: link.kind, from: ends[0], to: ends[1] });
    }
    return lines;
  }
}

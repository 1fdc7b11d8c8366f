// What of the board is drawn, frame by frame: at full detail the Konva nodes of the items and
// links in the window around the screen (built a few per frame, placeholders meanwhile); zoomed
// out, nothing but the overview's blocks. It keeps the spatial index current from the mirror's
// change reports and knows which nodes those reports touched; the renderer says how to build a
// node and when a frame runs.
import type { ItemId, LinkId } from '@interlink/model';
import type Konva from 'konva';
import { inflate, type Rect } from '../viewport.js';
import { BoardIndex, type IndexChange, type IndexSource } from './boardIndex.js';
import { detailAt, type Detail } from './levelOfDetail.js';
import { OverviewShape } from './overviewShape.js';
import { distanceSq, needsNewWindow, windowFor, type ViewWindow } from './viewWindow.js';
import { VirtualNodes, type NodeFactory } from './virtualNodes.js';

/** Detached nodes kept for panning back (a few screens' worth at full detail). */
const CACHE_CAPACITY = 1500;
/** Zoomed out, blocks just outside the screen are drawn too (screen pixels). */
const BLOCK_MARGIN_PX = 16;

export interface VisibleBoardOptions {
  readonly source: IndexSource;
  readonly cards: NodeFactory<ItemId, Konva.Group>;
  readonly links: NodeFactory<LinkId, Konva.Group>;
  /** The groups holding the nodes, hidden while zoomed out. */
  readonly groups: readonly Konva.Group[];
}

export interface FrameOutcome {
  /** New nodes went on the stage: the draw order needs fixing. */
  readonly built: boolean;
  /** Nodes are still to be built: another frame should follow. */
  readonly pending: boolean;
}

export class VisibleBoard {
  readonly index: BoardIndex;
  readonly overview: OverviewShape;
  readonly cards: VirtualNodes<ItemId, Konva.Group>;
  readonly links: VirtualNodes<LinkId, Konva.Group>;
  readonly #source: IndexSource;
  readonly #groups: readonly Konva.Group[];
  #detail: Detail = 'full';
  #window: ViewWindow | undefined;
  /** The board changed since the window's contents were last looked up. */
  #contentChanged = true;
  readonly #dirtyItems = new Set<ItemId>();
  readonly #dirtyLinks = new Set<LinkId>();

  constructor(options: VisibleBoardOptions) {
    this.#source = options.source;
    this.#groups = options.groups;
    this.index = new BoardIndex(options.source);
    this.overview = new OverviewShape(options.source, this.index);
    this.cards = new VirtualNodes(options.cards, CACHE_CAPACITY);
    this.links = new VirtualNodes(options.links, CACHE_CAPACITY);
  }

  /** A mirror change report: the index follows at once, nodes at the next frame. */
  changed(change: IndexChange): void {
    this.index.apply(change);
    this.overview.invalidate();
    for (const id of change.items) this.#dirtyItems.add(id);
    for (const id of change.links) this.#dirtyLinks.add(id);
    this.#contentChanged = true;
  }

  /** A card to redraw at the next frame although the board did not change (its look did). */
  touch(id: ItemId): void {
    this.#dirtyItems.add(id);
  }

  /**
   * Brings what is drawn up to date with the screen: `visible` in canvas units at `scale`.
   * Node building stops at `deadline` (performance.now() time); `marked` cards get rings zoomed out.
   */
  update(visible: Rect, scale: number, deadline: number, marked: ReadonlySet<ItemId>): FrameOutcome {
    const detail = detailAt(scale, this.#detail);
    if (detail !== this.#detail) this.#setDetail(detail);
    this.#applyChanges();
    if (detail === 'blocks') {
      this.overview.showBlocks(inflate(visible, BLOCK_MARGIN_PX / scale), scale, marked);
      return { built: false, pending: false };
    }
    if (needsNewWindow(this.#window, visible, scale)) {
      this.#window = windowFor(visible, scale);
      this.#contentChanged = true;
    }
    if (this.#contentChanged && this.#window) {
      this.#contentChanged = false;
      this.#fillWindow(this.#window.area, visible);
    }
    const clock = (): number => performance.now();
    const built = this.cards.build(deadline, clock) > 0;
    this.links.build(deadline, clock);
    this.overview.showPlaceholders(this.cards.pending, visible, scale);
    return { built, pending: this.cards.pending.length > 0 || this.links.pending.length > 0 };
  }

  destroy(): void {
    this.cards.destroy();
    this.links.destroy();
  }

  #setDetail(detail: Detail): void {
    this.#detail = detail;
    const full = detail === 'full';
    if (!full) {
      this.cards.detachAll();
      this.links.detachAll();
      this.#window = undefined;
    }
    this.#contentChanged = true;
    for (const group of this.#groups) group.visible(full);
    if (full) this.overview.hide();
  }

  /** Changed items and links: nodes on the stage are updated, those of deleted ones forgotten. */
  #applyChanges(): void {
    for (const id of this.#dirtyItems) {
      if (this.#source.items.has(id)) this.cards.refresh(id);
      else this.cards.forget(id);
    }
    for (const id of this.#dirtyLinks) {
      if (this.#source.links.has(id)) this.links.refresh(id);
      else this.links.forget(id);
    }
    this.#dirtyItems.clear();
    this.#dirtyLinks.clear();
  }

  /** Looks up what the window holds; what is nearest the middle of the screen is built first. */
  #fillWindow(area: Rect, visible: Rect): void {
    const cx = visible.x + visible.w / 2;
    const cy = visible.y + visible.h / 2;
    const items = this.#source.items;
    const itemDistance = (id: ItemId): number => {
      const item = items.get(id);
      return item ? distanceSq(item, cx, cy) : Infinity;
    };
    const linkDistance = (id: LinkId): number => {
      const link = this.#source.links.get(id);
      return link ? Math.min(itemDistance(link.from), itemDistance(link.to)) : Infinity;
    };
    this.cards.want(new Set(this.index.items.keysIn(area)), itemDistance);
    this.links.want(new Set(this.index.linksCrossing(area)), linkDistance);
  }
}

// Draws the board with Konva from the BoardMirror. Konva is a view only: nodes are created,
// updated and destroyed in response to the mirror's change reports, never edited as the source
// of truth. Large boards stay fast because only what is in view has nodes, and zoomed far out
// the board is blocks drawn by one shape (render/visibleBoard); cards on screen are drawn from
// pictures of themselves (render/cardBitmaps); everything is on one layer, so a frame of a pan
// redraws and hands the compositor one canvas, not one per kind of thing; and it is drawn at
// most once per animation frame (render/drawScheduler). This class builds the nodes and
// coordinates those pieces.
import { createTranslator, en } from '@interlink/i18n';
import type { ItemId, ItemView, LinkId } from '@interlink/model';
import Konva from 'konva';
import type { BoardMirror, MirrorChange } from '../board/boardMirror.js';
import type { RemoteSelections } from '../presence/remoteSelections.js';
import { changedMembers } from '../util/sets.js';
import { createCardNode, updateCardNode } from './cardNode.js';
import type { CardWords } from './cards/cardLayout.js';
import { createLinkNode, updateLinkNode } from './linkNode.js';
import { CardBitmaps, release } from './render/cardBitmaps.js';
import { sortChildren } from './render/drawOrder.js';
import { DrawScheduler, quietly } from './render/drawScheduler.js';
import { RemoteSelectionOverlay } from './render/remoteSelectionOverlay.js';
import { VisibleBoard } from './render/visibleBoard.js';
import { IDENTITY_VIEW, VIEW_SETTLE_MS, visibleRect, type View } from './viewport.js';

export interface RendererOptions {
  /** Whether cards react to the pointer (drag, double-click); false for observers. */
  readonly editable: boolean;
  /** The display label of an item kind, in the current language. */
  readonly label: (kind: string) => string;
  /** The other words on cards (chips, badges), in the current language; English by default. */
  readonly words?: CardWords;
  /** Told after a frame in which the number of card nodes on the stage changed. */
  readonly onCardCount?: (count: number) => void;
}

const ENGLISH_WORDS: CardWords = createTranslator(() => en).t;

/** Node building per frame, in ms: the rest of a frame is left for drawing. */
const BUILD_BUDGET_MS = 8;

type Box = Pick<ItemView, 'x' | 'y' | 'w' | 'h'>;

export class BoardRenderer {
  readonly stage: Konva.Stage;
  /** Observers' layer does not listen at all: nothing to hit-test, and the stage pans instead. */
  readonly #layer: Konva.Layer;
  /** Frames lie under the links, so that arrows between cards in a frame stay visible. */
  readonly #frameGroup = new Konva.Group();
  /** Links do not listen (no hit graph to keep); they are hit-tested in code (interaction/hitTest). */
  readonly #linkGroup = new Konva.Group({ listening: false });
  readonly #cardGroup = new Konva.Group();
  readonly #board: VisibleBoard;
  /** Other people's selections, ringed in their colours above everything else. */
  readonly #remote: RemoteSelectionOverlay;
  readonly #bitmaps = new CardBitmaps();
  readonly #draws: DrawScheduler;
  readonly #mirror: BoardMirror;
  readonly #options: RendererOptions;
  readonly #unsubscribe: () => void;
  #view: View = IDENTITY_VIEW;
  #applied: View | undefined;
  #movedAt = -Infinity;
  #orderDirty = false;
  #reportedCount = -1;
  #highlighted: ItemId | undefined;
  #selected: ReadonlySet<ItemId> = new Set();
  #editing: ItemId | undefined;
  /** Sizes shown instead of the stored ones while this browser resizes a card (see previewRect). */
  readonly #previews = new Map<ItemId, Box>();

  constructor(container: HTMLDivElement, mirror: BoardMirror, options: RendererOptions) {
    this.#mirror = mirror;
    this.#options = options;
    this.stage = new Konva.Stage({ container, width: container.clientWidth, height: container.clientHeight });
    this.#layer = new Konva.Layer({ listening: options.editable });
    this.#board = new VisibleBoard({
      source: mirror,
      cards: {
        create: (id) => this.#createCard(id),
        update: (id, node) => this.#updateCard(id, node),
        pinned: (id, node) => node.isDragging() || this.#previews.has(id),
        detached: (_id, node) => release(node),
      },
      links: {
        create: (id) => (this.#mirror.links.has(id) ? createLinkNode() : undefined),
        update: (id, node) => this.#updateLink(id, node),
        pinned: () => false,
      },
      groups: [this.#frameGroup, this.#linkGroup, this.#cardGroup],
    });
    // Between links and cards: placeholders for cards not built yet sit where the cards will.
    this.#remote = new RemoteSelectionOverlay(mirror.items);
    this.#layer.add(this.#frameGroup, this.#linkGroup, this.#board.overview.shape, this.#cardGroup, this.#remote.shape);
    this.stage.add(this.#layer);
    this.#draws = new DrawScheduler(this.#onFrame);
    // A press right after a wheel gesture must hit-test against where things are now.
    container.addEventListener('pointerdown', this.#flushHit, { capture: true });
    this.#unsubscribe = mirror.subscribe(this.#onChange);
    this.#draws.request();
  }

  /** Card nodes on the stage: those in view at full detail, none when zoomed out to blocks. */
  get cardCount(): number {
    return this.#board.cards.attached.size;
  }

  /** A card's node, for gestures that move several at once; undefined when out of view. */
  cardNode(id: ItemId): Konva.Group | undefined {
    return this.#board.cards.attached.get(id);
  }

  setSize(width: number, height: number): void {
    quietly(() => this.stage.size({ width, height }));
    this.#applied = undefined;
    this.#draws.request();
  }

  /** Applied at the next animation frame, so a burst of wheel events costs one redraw. */
  setView(view: View): void {
    this.#view = view;
    this.#draws.request();
  }

  /** Outlines one card (keyboard focus in the outline, or the card being edited). */
  setHighlight(id: ItemId | undefined): void {
    if (id === this.#highlighted) return;
    const previous = this.#highlighted;
    this.#highlighted = id;
    if (previous) this.#renderItem(previous);
    if (id) this.#renderItem(id);
  }

  /** Rings the selected cards; redraws only those whose selection changed. */
  setSelection(ids: ReadonlySet<ItemId>): void {
    const changed = changedMembers(this.#selected, ids);
    this.#selected = ids;
    for (const id of changed) this.#renderItem(id);
  }

  /** Rings the cards other people have selected, in their colours. */
  setRemoteSelections(selections: RemoteSelections): void {
    if (this.#remote.set(selections)) this.#draws.request();
  }

  /** Hides the canvas text of the card whose text editor is open (the editor shows it). */
  setEditing(id: ItemId | undefined): void {
    if (id === this.#editing) return;
    const previous = this.#editing;
    this.#editing = id;
    if (previous) this.#renderItem(previous);
    if (id) this.#renderItem(id);
  }

  /**
   * Shows a card at another position and size than stored, until called with undefined: the live
   * preview of a resize, whose one command is sent when the gesture ends.
   */
  previewRect(id: ItemId, rect: Box | undefined): void {
    if (rect) this.#previews.set(id, rect);
    else if (!this.#previews.delete(id)) return;
    this.#renderItem(id);
  }

  /** Redraws every label, e.g. after the language changed. */
  relabel(): void {
    for (const id of this.#board.cards.attached.keys()) this.#renderItem(id);
  }

  destroy(): void {
    this.#unsubscribe();
    this.#draws.destroy();
    this.stage.container().removeEventListener('pointerdown', this.#flushHit, { capture: true });
    this.#board.destroy();
    this.stage.destroy();
  }

  #flushHit = (): void => this.#draws.flushHit();

  #onChange = (change: MirrorChange): void => {
    this.#board.changed(change);
    this.#draws.request();
  };

  /** Marks a card for redrawing in the next frame (with every other change in between). */
  #renderItem(id: ItemId): void {
    this.#board.touch(id);
    this.#draws.request();
  }

  /** The item as drawn: stored, or where a resize in progress shows it. */
  #itemView(id: ItemId): ItemView | undefined {
    const stored = this.#mirror.items.get(id);
    const preview = this.#previews.get(id);
    return stored && preview ? { ...stored, ...preview } : stored;
  }

  #createCard(id: ItemId): Konva.Group | undefined {
    const item = this.#itemView(id);
    if (!item) return undefined;
    const node = createCardNode(item);
    node.draggable(this.#options.editable);
    return node;
  }

  #updateCard(id: ItemId, node: Konva.Group): boolean {
    const item = this.#itemView(id);
    if (!item) return false;
    const parent = item.kind === 'frame' ? this.#frameGroup : this.#cardGroup;
    if (node.getParent() !== parent) {
      parent.add(node);
      this.#orderDirty = true;
    }
    if (node.getAttr('z') !== item.z) {
      node.setAttr('z', item.z);
      this.#orderDirty = true;
    }
    updateCardNode(
      node,
      item,
      {
        label: this.#options.label(item.kind),
        highlighted: id === this.#highlighted,
        selected: this.#selected.has(id),
        hasProblem: this.#mirror.problems.has(id),
        editing: id === this.#editing,
        words: this.#options.words ?? ENGLISH_WORDS,
      },
      node.isDragging(),
    );
    this.#bitmaps.refresh(node);
    return true;
  }

  /** A link with a missing end is not drawn (CONTRACT.md section 4); it is listed as a problem. */
  #updateLink(id: LinkId, node: Konva.Group): boolean {
    const link = this.#mirror.links.get(id);
    const ends = link ? this.#mirror.linkEnds(link) : undefined;
    if (!link || !ends) return false;
    if (node.getParent() !== this.#linkGroup) this.#linkGroup.add(node);
    updateLinkNode(node, link, ends[0], ends[1]);
    return true;
  }

  #onFrame = (): void => {
    const now = performance.now();
    const view = this.#view;
    const visible = visibleRect(view, this.stage.width(), this.stage.height());
    const deadline = now + BUILD_BUDGET_MS;
    const { outcome, bitmaps } = quietly(() => {
      if (this.#applyView(view)) this.#movedAt = now;
      this.#remote.frame(visible, view.scale);
      const result = this.#board.update(visible, view.scale, deadline, this.#marked());
      if (result.built || this.#orderDirty) this.#reorder();
      const ratio = view.scale * this.#layer.getCanvas().getPixelRatio();
      const pictures = this.#bitmaps.frame(ratio, now, this.#board.cards.attached.values(), () => performance.now() >= deadline);
      return { outcome: result, bitmaps: pictures };
    });
    this.#draws.draw([this.#layer], now - this.#movedAt < VIEW_SETTLE_MS, this.stage.isDragging());
    // Nodes still to build or to picture: the next frame goes on with them.
    if (outcome.pending || bitmaps.more) this.#draws.request();
    else if (bitmaps.retryInMs !== undefined) this.#draws.requestIn(bitmaps.retryInMs);
    const count = this.#board.cards.attached.size;
    if (count !== this.#reportedCount) {
      this.#reportedCount = count;
      this.#options.onCardCount?.(count);
    }
  };

  /** The cards ringed when zoomed out: the selected ones and the highlighted one. */
  #marked(): ReadonlySet<ItemId> {
    if (!this.#highlighted || this.#selected.has(this.#highlighted)) return this.#selected;
    return new Set([...this.#selected, this.#highlighted]);
  }

  #applyView(view: View): boolean {
    const applied = this.#applied;
    if (applied && applied.x === view.x && applied.y === view.y && applied.scale === view.scale) return false;
    this.stage.position({ x: view.x, y: view.y });
    this.stage.scale({ x: view.scale, y: view.scale });
    this.#applied = view;
    return true;
  }

  /** Draw order: see drawOrder.ts. */
  #reorder(): void {
    this.#orderDirty = false;
    const keyOf = (node: Konva.Node): ItemView | undefined => this.#mirror.items.get(node.getAttr('itemId') as ItemId);
    sortChildren(this.#frameGroup, keyOf);
    sortChildren(this.#cardGroup, keyOf);
  }
}

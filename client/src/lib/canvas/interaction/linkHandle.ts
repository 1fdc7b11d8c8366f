// Where the link handle shows: on the right edge of the card under the pointer, or else of the
// one selected card (so that touch, which has no hover, can tap a card and then drag from its
// handle). Hidden while cards are dragged, for observers, and on frames (a frame is an area,
// not something a workshop draws arrows from).
import { asItemId, type ItemId, type ItemView } from '@interlink/model';
import type Konva from 'konva';
import { cardItemId } from '../cardNode.js';
import type { Point } from '../viewport.js';
import type { InteractionOverlay } from './overlay.js';
import type { EditorTarget } from './target.js';

/** The middle of a card's right edge, where its handle sits. */
export function handlePoint(item: Pick<ItemView, 'x' | 'y' | 'w' | 'h'>): Point {
  return { x: Math.max(item.x, item.x + item.w), y: item.y + item.h / 2 };
}

export class LinkHandle {
  readonly #overlay: InteractionOverlay;
  readonly #target: EditorTarget;
  readonly #unsubscribe: () => void;
  #hovered: ItemId | undefined;
  #owner: ItemId | undefined;
  #selection: ReadonlySet<ItemId> = new Set();
  #suppressed = false;
  #linking = false;

  constructor(stage: Konva.Stage, overlay: InteractionOverlay, target: EditorTarget) {
    this.#overlay = overlay;
    this.#target = target;
    stage.on('mouseover', this.#onOver);
    this.#unsubscribe = target.board.subscribe((change) => {
      if (this.#owner && change.items.has(this.#owner)) this.refresh();
    });
    this.destroy = () => {
      stage.off('mouseover', this.#onOver);
      this.#unsubscribe();
    };
  }

  readonly destroy: () => void;

  /** The card a drag from the handle starts at. */
  get owner(): ItemId | undefined {
    return this.#owner;
  }

  /** The pointer left the board. */
  leave(): void {
    this.#hovered = undefined;
    this.refresh();
  }

  /** The selection changed: with one card selected, its handle shows when no card is hovered. */
  setSelection(ids: ReadonlySet<ItemId>): void {
    this.#selection = ids;
    this.refresh();
  }

  /** Cards are being dragged: the handle would only be in the way. */
  setSuppressed(suppressed: boolean): void {
    this.#suppressed = suppressed;
    this.refresh();
  }

  /** A link is being drawn from the handle: its owner stays fixed until the drop. */
  setLinking(linking: boolean): void {
    this.#linking = linking;
    if (!linking) this.refresh();
  }

  refresh(): void {
    if (this.#linking) return;
    const item = this.#target.editable && !this.#suppressed ? this.#card(this.#hovered) ?? this.#singleSelected() : undefined;
    this.#owner = item?.id;
    this.#overlay.showHandle(item && handlePoint(item));
  }

  #onOver = (event: Konva.KonvaEventObject<MouseEvent>): void => {
    // Moving from the card onto its handle keeps the handle where it is.
    if (event.target === this.#overlay.handle || this.#linking) return;
    const id = cardItemId(event.target);
    this.#hovered = id === undefined ? undefined : this.#card(asItemId(id))?.id;
    this.refresh();
  };

  #card(id: ItemId | undefined): ItemView | undefined {
    const item = id && this.#target.board.items.get(id);
    return item && item.kind !== 'frame' ? item : undefined;
  }

  #singleSelected(): ItemView | undefined {
    if (this.#selection.size !== 1) return undefined;
    const [only] = this.#selection;
    return this.#card(only);
  }
}

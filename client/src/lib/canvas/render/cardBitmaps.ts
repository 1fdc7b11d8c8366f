// Cards drawn from pictures. Drawing a card means drawing its text line by line, most of what
// a frame of a pan or zoom costs; a card cached as a bitmap (Konva's cache) is one image copy
// instead. The pictures are made at the screen's resolution for the zoom in force. While a zoom
// goes on they are kept as long as they are not scaled up more than a little (a slight blur
// for a moment) and made anew beyond that; once the zoom rests they are made again at exactly
// its resolution, as sharp as the card itself. A card that changes is pictured again at once.
import type Konva from 'konva';
import { VIEW_SETTLE_MS } from '../viewport.js';

/** Pixels around a card's box kept in its picture: the selection ring and antialiased edges. */
const EDGE = 6;
/** While zooming, pictures serve from this much smaller to this much larger than made. */
const SERVES_DOWN = 0.5;
const SERVES_UP = 1.5;

export interface BitmapsFrame {
  /** More cards wait for their picture: run another frame. */
  readonly more: boolean;
  /** The zoom has not rested yet: run a frame after this many ms to sharpen the pictures then. */
  readonly retryInMs?: number;
}

/** Whether pictures made at `made` screen pixels per canvas unit may show the zoom at `ratio`. */
export function picturesServe(made: number, ratio: number, resting: boolean): boolean {
  return resting ? ratio === made : ratio >= made * SERVES_DOWN && ratio <= made * SERVES_UP;
}

export class CardBitmaps {
  /** Screen pixels per canvas unit that the pictures are made at; undefined when there are none. */
  #ratio: number | undefined;
  /** The latest ratio seen, and since when. */
  #latest = 0;
  #since = -Infinity;

  /**
   * Once a frame, with the zoom's screen pixels per canvas unit and the cards on the stage:
   * drops pictures that no longer serve, and pictures cards until `deadline` says stop.
   */
  frame(ratio: number, now: number, cards: Iterable<Konva.Group>, deadline: () => boolean): BitmapsFrame {
    if (ratio !== this.#latest) {
      this.#latest = ratio;
      this.#since = now;
    }
    const rest = this.#since + VIEW_SETTLE_MS - now;
    if (this.#ratio !== undefined && !picturesServe(this.#ratio, ratio, rest <= 0)) {
      for (const node of cards) release(node);
      this.#ratio = undefined;
    }
    this.#ratio ??= ratio;
    const sharpen = rest > 0 && this.#ratio !== ratio ? rest : undefined;
    for (const node of cards) {
      if (node.isCached()) continue;
      if (deadline()) return { more: true };
      this.#picture(node);
    }
    return sharpen === undefined ? { more: false } : { more: false, retryInMs: sharpen };
  }

  /** After a card's node changed: its picture is made again (or later, while zooming). */
  refresh(node: Konva.Group): void {
    release(node);
    if (this.#ratio !== undefined) this.#picture(node);
  }

  #picture(node: Konva.Group): void {
    // A card being dragged moves every frame anyway; one without size cannot be pictured.
    if (node.isDragging() || this.#ratio === undefined) return;
    const size = node.getClientRect({ skipTransform: true });
    if (!(size.width > 0 && size.height > 0)) return;
    node.cache({ pixelRatio: this.#ratio, offset: EDGE });
  }
}

/** Frees a card's picture (when it changes, leaves the stage, or the zoom changes). */
export function release(node: Konva.Node): void {
  if (node.isCached()) node.clearCache();
}

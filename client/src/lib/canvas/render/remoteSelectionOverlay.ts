// The shape that rings other people's selections (see remoteSelectionPainter.ts), one Konva
// shape above the cards that never listens: it adds no node per card and no hit graph, and
// the renderer redraws it with the rest of the layer, so rings follow cards as they move.
import type { ItemId } from '@interlink/model';
import Konva from 'konva';
import { buildRemoteSelections, type RemoteSelections } from '../../presence/remoteSelections.js';
import type { Rect } from '../viewport.js';
import { paintRemoteSelections } from './remoteSelectionPainter.js';

export class RemoteSelectionOverlay {
  readonly shape: Konva.Shape;
  readonly #items: ReadonlyMap<ItemId, Rect>;
  #selections: RemoteSelections = buildRemoteSelections([]);
  #visible: Rect = { x: 0, y: 0, w: 0, h: 0 };
  #scale = 1;

  constructor(items: ReadonlyMap<ItemId, Rect>) {
    this.#items = items;
    this.shape = new Konva.Shape({
      listening: false,
      visible: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => {
        paintRemoteSelections(context._context, this.#selections, this.#items, this.#visible, this.#scale);
      },
    });
  }

  /** Answers whether anything changed (the layer then needs a redraw). */
  set(selections: RemoteSelections): boolean {
    if (selections === this.#selections) return false;
    this.#selections = selections;
    this.shape.visible(selections.strokes.length > 0);
    return true;
  }

  /** Where the screen is this frame, in canvas units, and the zoom: what the next draw culls to. */
  frame(visible: Rect, scale: number): void {
    this.#visible = visible;
    this.#scale = scale;
  }
}

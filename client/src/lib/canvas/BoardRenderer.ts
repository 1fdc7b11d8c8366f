// Draws the board with Konva from the BoardMirror. Konva is a view only: nodes are created,
// updated and destroyed in response to the mirror's change reports (one node per changed
// item, plus the links attached to it), never edited as the source of truth.
import type { ItemId, LinkId } from '@interlink/model';
import Konva from 'konva';
import type { BoardMirror, MirrorChange } from '../board/boardMirror.js';
import { changedMembers } from '../util/sets.js';
import { createCardNode, updateCardNode } from './cardNode.js';
import { createLinkNode, updateLinkNode } from './linkNode.js';
import { segmentBounds } from './linkGeometry.js';
import { IDENTITY_VIEW, inflate, intersects, visibleRect, type Rect, type View } from './viewport.js';

export interface RendererOptions {
  /** Whether cards react to the pointer (drag, double-click); false for observers. */
  readonly editable: boolean;
  /** The display label of an item kind, in the current language. */
  readonly label: (kind: string) => string;
}

/** Nodes just outside the viewport stay drawn, so that a small pan does not pop them in. */
const CULL_MARGIN = 200;

export class BoardRenderer {
  readonly stage: Konva.Stage;
  /** Frames lie under the links, so that arrows between cards in a frame stay visible. */
  readonly #frameLayer: Konva.Layer;
  /** Links: static, so the layer does not listen (no hit graph to maintain). */
  readonly #linkLayer = new Konva.Layer({ listening: false });
  readonly #cardLayer: Konva.Layer;
  readonly #cardNodes = new Map<ItemId, Konva.Group>();
  readonly #linkNodes = new Map<LinkId, { node: Konva.Group; bounds: Rect }>();
  readonly #mirror: BoardMirror;
  readonly #options: RendererOptions;
  readonly #unsubscribe: () => void;
  #view: View = IDENTITY_VIEW;
  #highlighted: ItemId | undefined;
  #selected: ReadonlySet<ItemId> = new Set();
  #editing: ItemId | undefined;
  #frame = 0;
  #orderDirty = false;

  constructor(container: HTMLDivElement, mirror: BoardMirror, options: RendererOptions) {
    this.#mirror = mirror;
    this.#options = options;
    this.stage = new Konva.Stage({ container, width: container.clientWidth, height: container.clientHeight });
    // Observers' cards do not listen at all: nothing to hit-test, and the stage pans instead.
    this.#frameLayer = new Konva.Layer({ listening: options.editable });
    this.#cardLayer = new Konva.Layer({ listening: options.editable });
    this.stage.add(this.#frameLayer, this.#linkLayer, this.#cardLayer);
    for (const id of mirror.items.keys()) this.#renderItem(id);
    for (const id of mirror.links.keys()) this.#renderLink(id);
    this.#orderDirty = true;
    this.#schedule();
    this.#unsubscribe = mirror.subscribe(this.#onChange);
  }

  get cardCount(): number {
    return this.#cardNodes.size;
  }

  setSize(width: number, height: number): void {
    this.stage.size({ width, height });
    this.#schedule();
  }

  setView(view: View): void {
    this.#view = view;
    this.stage.position({ x: view.x, y: view.y });
    this.stage.scale({ x: view.scale, y: view.scale });
    this.#schedule();
  }

  /** Outlines one card (keyboard focus in the outline, or the card being edited). */
  setHighlight(id: ItemId | undefined): void {
    if (id === this.#highlighted) return;
    const previous = this.#highlighted;
    this.#highlighted = id;
    if (previous) this.#renderItem(previous);
    if (id) this.#renderItem(id);
    this.#schedule();
  }

  /** Rings the selected cards; redraws only those whose selection changed. */
  setSelection(ids: ReadonlySet<ItemId>): void {
    const changed = changedMembers(this.#selected, ids);
    this.#selected = ids;
    if (changed.size === 0) return;
    for (const id of changed) if (this.#cardNodes.has(id)) this.#renderItem(id);
    this.#schedule();
  }

  /** Hides the canvas text of the card whose text editor is open (the editor shows it). */
  setEditing(id: ItemId | undefined): void {
    if (id === this.#editing) return;
    const previous = this.#editing;
    this.#editing = id;
    if (previous) this.#renderItem(previous);
    if (id) this.#renderItem(id);
    this.#schedule();
  }

  /** Redraws every label, e.g. after the language changed. */
  relabel(): void {
    for (const id of this.#cardNodes.keys()) this.#renderItem(id);
    this.#schedule();
  }

  destroy(): void {
    this.#unsubscribe();
    cancelAnimationFrame(this.#frame);
    this.stage.destroy();
  }

  #onChange = (change: MirrorChange): void => {
    for (const id of change.items) this.#renderItem(id);
    for (const id of change.links) this.#renderLink(id);
    this.#schedule();
  };

  #renderItem(id: ItemId): void {
    const item = this.#mirror.items.get(id);
    let node = this.#cardNodes.get(id);
    if (!item) {
      node?.destroy();
      this.#cardNodes.delete(id);
      return;
    }
    const parent = item.kind === 'frame' ? this.#frameLayer : this.#cardLayer;
    if (!node) {
      node = createCardNode(item);
      node.draggable(this.#options.editable);
      this.#cardNodes.set(id, node);
      this.#orderDirty = true;
    }
    if (node.getParent() !== parent) {
      node.moveTo(parent);
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
      },
      node.isDragging(),
    );
  }

  #renderLink(id: LinkId): void {
    const link = this.#mirror.links.get(id);
    const ends = link ? this.#mirror.linkEnds(link) : undefined;
    const entry = this.#linkNodes.get(id);
    // A link with a missing end is not drawn (CONTRACT.md section 4); it is listed as a problem.
    if (!link || !ends) {
      entry?.node.destroy();
      this.#linkNodes.delete(id);
      return;
    }
    const node = entry?.node ?? createLinkNode();
    if (!entry) this.#linkLayer.add(node);
    const points = updateLinkNode(node, link, ends[0], ends[1]);
    this.#linkNodes.set(id, { node, bounds: segmentBounds(points) });
  }

  /** One redraw per animation frame, however many changes arrived in between. */
  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#orderDirty) this.#reorder();
      this.#cull();
      this.#frameLayer.batchDraw();
      this.#linkLayer.batchDraw();
      this.#cardLayer.batchDraw();
    });
  }

  /** Draw order: the items' `z` (fractional index strings), then creation time. */
  #reorder(): void {
    this.#orderDirty = false;
    for (const group of [this.#frameLayer, this.#cardLayer]) {
      const children = [...group.getChildren()];
      const key = (node: Konva.Node): [string, number] => {
        const item = this.#mirror.items.get(node.getAttr('itemId') as ItemId);
        return [item?.z ?? '', item?.createdAt ?? 0];
      };
      children.sort((a, b) => {
        const [za, ca] = key(a);
        const [zb, cb] = key(b);
        return za < zb ? -1 : za > zb ? 1 : ca - cb;
      });
      children.forEach((node, index) => node.zIndex(index));
    }
  }

  /** Hides what lies outside the viewport, so large boards draw only what is seen. */
  #cull(): void {
    const area = inflate(visibleRect(this.#view, this.stage.width(), this.stage.height()), CULL_MARGIN / this.#view.scale);
    for (const [id, node] of this.#cardNodes) {
      const item = this.#mirror.items.get(id);
      node.visible(item !== undefined && (node.isDragging() || intersects(area, item)));
    }
    for (const { node, bounds } of this.#linkNodes.values()) node.visible(intersects(area, bounds));
  }
}

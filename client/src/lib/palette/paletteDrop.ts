// Dragging a kind from the palette onto the canvas (HTML5 drag and drop): what the drag
// carries, and where on the board a drop lands.
import { ITEM_KINDS, isOneOf, type ItemKind } from '@interlink/model';
import { toCanvas, type Point, type View } from '../canvas/viewport.js';

/** The drag's data type. Only types can be read while dragging over, so this one says "a kind". */
export const KIND_MIME = 'application/x-interlink-kind';

/** What a palette button puts on the drag. */
export function startKindDrag(transfer: DataTransfer, kind: ItemKind): void {
  transfer.setData(KIND_MIME, kind);
  // Plain text too, so that dropping into a text field elsewhere writes the kind, not nothing.
  transfer.setData('text/plain', kind);
  transfer.effectAllowed = 'copy';
}

/** Whether a drag over the canvas carries a kind (then the canvas accepts the drop). */
export function carriesKind(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes(KIND_MIME);
}

/** The kind a drop carries; undefined for anything else (a file, text from another page). */
export function droppedKind(transfer: DataTransfer | null): ItemKind | undefined {
  const kind = transfer?.getData(KIND_MIME);
  return isOneOf(ITEM_KINDS, kind) ? kind : undefined;
}

/** The board point (canvas units) under a drop at `client` on a stage whose box is `box`. */
export function dropPoint(client: Point, box: { readonly left: number; readonly top: number }, view: View): Point {
  return toCanvas(view, { x: client.x - box.left, y: client.y - box.top });
}

export interface KindDropTarget {
  readonly editable: boolean;
  getView(): View;
  /** The element the stage fills: drop points are measured from its corner. */
  getContainer(): HTMLElement | undefined;
  create(point: Point, kind: ItemKind): void;
}

/** The dragover and drop handlers of the board's surface. */
export function kindDropHandlers(target: KindDropTarget): { ondragover: (event: DragEvent) => void; ondrop: (event: DragEvent) => void } {
  return {
    ondragover(event) {
      if (!target.editable || !carriesKind(event.dataTransfer)) return;
      // Accepting the drop is saying no to the browser's default, which refuses it.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    ondrop(event) {
      const kind = droppedKind(event.dataTransfer);
      const container = target.getContainer();
      if (!target.editable || !kind || !container) return;
      event.preventDefault();
      target.create(dropPoint({ x: event.clientX, y: event.clientY }, container.getBoundingClientRect(), target.getView()), kind);
    },
  };
}

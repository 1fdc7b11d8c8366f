// What this person can do to the cards and the link they selected: delete, duplicate, align,
// distribute, link, and (through `clipboard`) copy, cut and paste. Each is one named model
// command in one transaction with the session's origin (one gesture, one undo step, never half
// a change for a peer). The keyboard, the toolbars, the link editor and the canvas call these.
import {
  alignItems,
  copySelection,
  defaultLinkKind,
  deleteItems,
  distributeItems,
  dragSet,
  duplicateItems,
  linkItems,
  moveItemsBy,
  unlink,
  updateLink,
  type AlignEdge,
  type Delta,
  type DistributeAxis,
  type ItemId,
  type LinkId,
  type LinkKind,
  type Polarity,
} from '@interlink/model';
import { ClipboardCommands, type ClipboardIo } from '../clipboard/clipboardCommands.js';
import { fitsOneUpdate } from '../clipboard/pasteSize.js';
import { asStep, selectedCards, type CommandHost } from './commandHost.js';

export type { CommandHost, EditorLike, SelectionLike } from './commandHost.js';
export type { ClipboardIo } from '../clipboard/clipboardCommands.js';

/** Where a duplicate lands relative to its original: close enough to see it is a copy. */
export const DUPLICATE_OFFSET: Delta = { dx: 24, dy: 24 };

export class SelectionCommands {
  /** Copy, cut and paste of the selected cards. */
  readonly clipboard: ClipboardCommands;
  readonly #host: CommandHost;
  readonly #unsubscribe: () => void;

  constructor(host: CommandHost, io?: ClipboardIo) {
    this.#host = host;
    this.clipboard = new ClipboardCommands(host, io);
    // A link deleted by someone else closes its editor here.
    this.#unsubscribe = host.mirror.subscribe((change) => {
      const id = host.editor.linkId;
      if (id && change.links.has(id) && !this.#linkShown(id)) host.editor.selectLink(undefined);
    });
  }

  destroy(): void {
    this.#unsubscribe();
  }

  get #selected(): ItemId[] {
    return selectedCards(this.#host);
  }

  selectAll(): void {
    this.#host.editor.selectLink(undefined);
    this.#host.selection.select(this.#host.mirror.items.keys());
  }

  clearSelection(): void {
    this.#host.editor.selectLink(undefined);
    this.#host.selection.clear();
  }

  selectLink(id: LinkId | undefined): void {
    this.#host.selection.clear();
    this.#host.editor.selectLink(id);
  }

  /** Deletes the selected cards with their links, or else the selected link. */
  deleteSelection(): boolean {
    const { doc, origin, editable, selection, editor } = this.#host;
    if (!editable) return false;
    const ids = this.#selected;
    if (ids.length > 0) {
      this.#step(() => deleteItems(doc, ids, origin));
      selection.clear();
      editor.notify('selection.deleted', { count: ids.length });
      return true;
    }
    return editor.linkId !== undefined && this.deleteLink(editor.linkId);
  }

  /** Copies the selected cards (frames with their contents) beside them; the copies become the selection. */
  duplicateSelection(): boolean {
    const { doc, origin, editable, mirror, selection, editor } = this.#host;
    const ids = this.#selected;
    if (!editable || ids.length === 0) return false;
    const all = dragSet(mirror, ids);
    if (!fitsOneUpdate(copySelection(doc, all))) {
      editor.notify('clipboard.tooLargeToPaste', undefined, 'error');
      return false;
    }
    const copies = this.#step(() => duplicateItems(doc, all, DUPLICATE_OFFSET, origin));
    selection.select(ids.flatMap((id) => copies.get(id) ?? []));
    return true;
  }

  align(edge: AlignEdge): void {
    if (this.#host.editable) this.#step(() => alignItems(this.#host.doc, this.#selected, edge, this.#host.origin));
  }

  distribute(axis: DistributeAxis): void {
    if (this.#host.editable) this.#step(() => distributeItems(this.#host.doc, this.#selected, axis, this.#host.origin));
  }

  /** One step of a drag: `ids` is the drag set decided when the drag started. */
  moveBy(ids: readonly ItemId[], delta: Delta): void {
    if (this.#host.editable) moveItemsBy(this.#host.doc, ids, delta, this.#host.origin);
  }

  /**
   * Links two cards as a drag from `source` to `target` asks, with the kind the model suggests for
   * their kinds (ends swapped when it says so), and selects the link so its editor opens. An
   * equal link that already joins them is selected instead of drawn twice.
   */
  linkCards(source: ItemId, target: ItemId): LinkId | undefined {
    const { doc, origin, editable, mirror } = this.#host;
    const a = mirror.items.get(source);
    const b = mirror.items.get(target);
    if (!editable || !a || !b || source === target) return undefined;
    const suggestion = defaultLinkKind(a.kind, b.kind);
    const [from, to] = suggestion.reversed ? [target, source] : [source, target];
    const existing = [...mirror.links.values()].find((link) => link.from === from && link.to === to && link.kind === suggestion.kind);
    const id = existing?.id ?? this.#step(() => linkItems(doc, { kind: suggestion.kind, from, to }, origin));
    if (id) this.selectLink(id);
    return id;
  }

  updateLink(id: LinkId, fields: { kind?: LinkKind; label?: string | null; polarity?: Polarity | null }): void {
    if (this.#host.editable) this.#step(() => updateLink(this.#host.doc, id, fields, this.#host.origin));
  }

  deleteLink(id: LinkId): boolean {
    const { doc, origin, editable, editor } = this.#host;
    if (!editable || !this.#host.mirror.links.has(id)) return false;
    this.#step(() => unlink(doc, [id], origin));
    if (editor.linkId === id) editor.selectLink(undefined);
    editor.notify('link.editor.deleted');
    return true;
  }

  /** Runs one command as an undo step of its own, not joined to a drag or typing just before. */
  #step<T>(command: () => T): T {
    return asStep(this.#host, command);
  }

  #linkShown(id: LinkId): boolean {
    const link = this.#host.mirror.links.get(id);
    return link !== undefined && this.#host.mirror.linkEnds(link) !== undefined;
  }
}

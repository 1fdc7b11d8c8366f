// One person's live session on one board: the document, its connection, presence, the
// mirror the views read, and the commands this person's gestures turn into.
import {
  DEFAULT_ITEM_SIZE,
  addItem,
  analyseBoard,
  getItemText,
  moveItems,
  readBoard,
  type ItemId,
  type ItemMove,
} from '@interlink/model';
import { canEdit, type BoardInfo } from '@interlink/protocol';
import * as Y from 'yjs';
import { LiveAnalysis } from '../analysis/liveAnalysis.svelte.js';
import { boundingBox, type Point } from '../canvas/viewport.js';
import { BoardConnection } from '../sync/connection.svelte.js';
import { colorFor } from '../sync/identity.js';
import { LocalOrigin } from '../sync/localOrigin.js';
import { Presence } from '../sync/presence.svelte.js';
import { BoardMirror } from './boardMirror.js';
import { Selection } from './selection.svelte.js';
import { ViewportState } from './viewportState.svelte.js';

export interface SessionOptions {
  readonly info: BoardInfo;
  readonly token: string;
  readonly name: string;
  readonly location: { readonly protocol: string; readonly host: string };
}

export class BoardSession {
  readonly info: BoardInfo;
  readonly name: string;
  readonly editable: boolean;
  readonly doc = new Y.Doc();
  readonly origin = new LocalOrigin('interlink-client');
  readonly mirror: BoardMirror;
  readonly connection: BoardConnection;
  readonly presence: Presence;
  readonly viewport = new ViewportState();
  readonly selection = new Selection();
  /** The board's findings, recomputed while the Analysis panel is open. */
  readonly analysis: LiveAnalysis;

  /** Bumped on every change to the board, so rune-based views re-read the mirror. */
  revision = $state(0);
  title = $state('');
  /** The card whose text is open in the editor. */
  editingId = $state<ItemId | undefined>();
  /** The card focused in the outline (outlined on the canvas). */
  focusedId = $state<ItemId | undefined>();

  readonly #unsubscribe: () => void;
  #returnFocus: HTMLElement | undefined;

  constructor(options: SessionOptions) {
    this.info = options.info;
    this.name = options.name;
    this.editable = canEdit(options.info.role);
    this.title = options.info.title;
    this.mirror = new BoardMirror(this.doc, this.origin);
    this.#unsubscribe = this.mirror.subscribe((change) => {
      this.revision++;
      if (change.title && this.mirror.title) this.title = this.mirror.title;
      if (this.editingId && !this.mirror.items.has(this.editingId)) this.editingId = undefined;
      if (this.selection.size > 0) this.selection.forget([...change.items].filter((id) => !this.mirror.items.has(id)));
    });
    this.analysis = new LiveAnalysis({
      compute: () => {
        const view = readBoard(this.doc);
        return { view, analysis: analyseBoard(view) };
      },
      subscribe: (listener) => this.mirror.subscribe(listener),
    });
    this.connection = new BoardConnection(this.doc, options.info.id, options.token, options.location);
    this.presence = new Presence(this.connection.awareness, { name: options.name, color: colorFor(this.doc.clientID) });
  }

  /** Adds a note centred on `point` (canvas units) and opens it for typing. */
  createNoteAt(point: Point, returnFocus?: HTMLElement): ItemId | undefined {
    if (!this.editable) return undefined;
    const { w, h } = DEFAULT_ITEM_SIZE;
    const id = addItem(this.doc, { kind: 'note', x: point.x - w / 2, y: point.y - h / 2, author: this.name }, this.origin);
    this.#returnFocus = returnFocus;
    this.editingId = id;
    return id;
  }

  moveItems(moves: readonly ItemMove[]): void {
    if (this.editable) moveItems(this.doc, moves, this.origin);
  }

  /** A note in the middle of what is on screen: the keyboard's way to add a card. */
  createNoteInView(returnFocus?: HTMLElement): ItemId | undefined {
    const area = this.viewport.visible;
    return this.createNoteAt({ x: area.x + area.w / 2, y: area.y + area.h / 2 }, returnFocus);
  }

  /**
   * `returnFocus` is where keyboard focus goes when editing ends with Escape, e.g. the outline
   * entry the edit was started from, so a keyboard user is not dropped at the top of the page.
   */
  startEditing(id: ItemId, returnFocus?: HTMLElement): void {
    if (!this.editable || !this.mirror.items.has(id)) return;
    this.#returnFocus = returnFocus;
    this.editingId = id;
  }

  stopEditing(options: { restoreFocus?: boolean } = {}): void {
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    this.editingId = undefined;
    if (options.restoreFocus && target?.isConnected) target.focus();
  }

  /** Fits the view to these cards, so that every one of them is on screen. */
  showItems(ids: Iterable<ItemId>): void {
    const box = boundingBox([...ids].flatMap((id) => this.mirror.items.get(id) ?? []));
    if (box) this.viewport.show(box);
  }

  /** Selects these cards (those still on the board) and shows them: what choosing a finding does. */
  selectAndShow(ids: readonly ItemId[]): void {
    const present = ids.filter((id) => this.mirror.items.has(id));
    this.selection.select(present);
    this.showItems(present);
  }

  itemText(id: ItemId): Y.Text | undefined {
    return getItemText(this.doc, id);
  }

  destroy(): void {
    this.#unsubscribe();
    this.analysis.destroy();
    this.presence.destroy();
    this.connection.destroy();
    this.mirror.destroy();
    this.doc.destroy();
  }
}

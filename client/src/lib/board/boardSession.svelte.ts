// One person's live session on one board: the document, its connection, presence, the
// mirror the views read, and the commands this person's gestures turn into.
import {
  DEFAULT_ITEM_SIZE,
  addItem,
  analyseBoard,
  getItemText,
  moveItems,
  readBoard,
  resizeItem,
  type ItemId,
  type ItemKind,
  type ItemMove,
  type ItemResize,
} from '@interlink/model';
import { canEdit, hasRole, type BoardInfo } from '@interlink/protocol';
import * as Y from 'yjs';
import { LiveAnalysis } from '../analysis/liveAnalysis.svelte.js';
import { CanvasEditorState } from '../canvas/interaction/editorState.svelte.js';
import { boundingBox, type Point } from '../canvas/viewport.js';
import { Announcer } from '../keyboard/announcer.svelte.js';
import { ShortcutRegistry } from '../keyboard/registry.js';
import { Confirmations } from '../sync/confirmations.svelte.js';
import { pendingStorageKey } from '../sync/confirmStore.js';
import { BoardConnection } from '../sync/connection.svelte.js';
import { LocalOrigin } from '../sync/localOrigin.js';
import { OfflineStore } from '../sync/offlineStore.js';
import { PaletteState } from '../palette/paletteState.svelte.js';
import { Presence } from '../sync/presence.svelte.js';
import { Follow } from '../presence/follow.svelte.js';
import { SessionFocus } from '../presence/sessionFocus.js';
import { t } from '../i18n/index.js';
import { BoardMirror } from './boardMirror.js';
import { Selection } from './selection.svelte.js';
import { SelectionCommands } from './selectionCommands.js';
import { Undo } from './undo.svelte.js';
import { ViewportState } from './viewportState.svelte.js';

export interface SessionOptions {
  readonly info: BoardInfo;
  /** The member's personal token (CONTRACT.md section 6): the WebSocket and every HTTP call. */
  readonly token: string;
  /** The member this person is; undefined only if joining gave none. */
  readonly memberId: string | undefined;
  /** Next to the cursor and in the participant list: a pseudonym when anonymous. */
  readonly name: string;
  /** Written on the cards this person creates or pastes; undefined in anonymous mode (DOMAIN.md). */
  readonly author: string | undefined;
  /** Their cursor and selection colour. */
  readonly color: string;
  readonly location: { readonly protocol: string; readonly host: string };
  /** Where the list of unconfirmed changes waits across a reload (may be missing). */
  readonly storage: Storage | undefined;
}

export class BoardSession {
  readonly info: BoardInfo;
  /** The member's personal token, for the HTTP calls of this board (exports, import). */
  readonly token: string;
  /** The display name: the person's, or their pseudonym when anonymous. */
  readonly name: string;
  /** The `author` of the cards this person adds; undefined when anonymous: no author at all. */
  readonly author: string | undefined;
  readonly editable: boolean;
  readonly doc = new Y.Doc();
  readonly origin = new LocalOrigin('interlink-client');
  readonly mirror: BoardMirror;
  readonly connection: BoardConnection;
  /** This browser's copy of the board (IndexedDB): offline edits survive a reload. */
  readonly offline: OfflineStore;
  /** This person's changes the server has not yet confirmed as stored. */
  readonly confirmations: Confirmations;
  readonly presence: Presence;
  /** Following someone's view (the participant list's Follow buttons, the banner). */
  readonly follow: Follow;
  /** The facilitator's "bring everyone here": `session.focus`, and moving there when it changes. */
  readonly focus: SessionFocus;
  readonly viewport = new ViewportState();
  readonly selection = new Selection();
  /** The kind a double-click (or the palette's Add button) creates. */
  readonly palette = new PaletteState();
  /** This person's own undo history (never a peer's change): gestures call `undo.checkpoint()`. */
  readonly undo = new Undo(this.doc, this.origin);
  /** The board page's keyboard shortcuts: features register theirs here (see keyboard/registry.ts). */
  readonly shortcuts: ShortcutRegistry;
  /** The page's polite live region: what a keyboard action did out of sight (deleted, undone). */
  readonly announcer = new Announcer();
  /** The board's findings, recomputed while the Analysis panel is open. */
  readonly analysis: LiveAnalysis;
  /** The selected link, the pointer, and notices about what selection commands did. */
  readonly editor = new CanvasEditorState();
  /** Delete, duplicate, align, link, copy and paste what is selected (see selectionCommands.ts). */
  readonly commands: SelectionCommands;

  /** Bumped on every change to the board, so rune-based views re-read the mirror. */
  revision = $state(0);
  title = $state('');
  /** The card whose text is open in the editor. */
  editingId = $state<ItemId | undefined>();
  /** The card focused in the outline (outlined on the canvas). */
  focusedId = $state<ItemId | undefined>();

  readonly #unsubscribe: () => void;
  #returnFocus: HTMLElement | undefined;
  #destroyed = false;

  constructor(options: SessionOptions) {
    this.info = options.info;
    this.token = options.token;
    this.name = options.name;
    this.author = options.author;
    this.editable = canEdit(options.info.role);
    this.shortcuts = new ShortcutRegistry({ editable: this.editable });
    this.title = options.info.title;
    this.mirror = new BoardMirror(this.doc, this.origin);
    this.#unsubscribe = this.mirror.subscribe((change) => {
      this.revision++;
      if (change.title && this.mirror.title) this.title = this.mirror.title;
      if (this.editingId && !this.mirror.items.has(this.editingId)) this.editingId = undefined;
      if (this.selection.size > 0) this.selection.forget([...change.items].filter((id) => !this.mirror.items.has(id)));
    });
    this.commands = new SelectionCommands({
      doc: this.doc,
      origin: this.origin,
      mirror: this.mirror,
      selection: this.selection,
      editor: this.editor,
      editable: this.editable,
      // The same rule as the server's exports: confidential cards leave the board only with a facilitator.
      mayCopyConfidential: hasRole(options.info.role, 'facilitator'),
      author: options.author,
      visibleArea: () => this.viewport.visible,
      checkpoint: () => this.undo.checkpoint(),
    });
    this.analysis = new LiveAnalysis({
      compute: () => {
        const view = readBoard(this.doc);
        return { view, analysis: analyseBoard(view) };
      },
      subscribe: (listener) => this.mirror.subscribe(listener),
    });
    // The offline copy is loaded before the connection opens: the first exchange then sends the
    // server only what it lacks, and our offline edits, instead of the whole board both ways.
    this.offline = new OfflineStore(this.doc, options.info.id);
    this.connection = new BoardConnection(this.doc, options.info.id, options.token, options.location);
    this.confirmations = new Confirmations(this.doc, this.connection.provider, {
      storage: options.storage,
      storageKey: pendingStorageKey(options.info.id, options.memberId),
    });
    void this.offline.loaded.then(() => {
      if (!this.#destroyed) this.connection.start();
    });
    this.presence = new Presence(this.connection.awareness, {
      name: options.name,
      color: options.color,
      role: options.info.role,
    });
    this.follow = new Follow({
      presence: this.presence,
      viewport: this.viewport,
      announce: (message) => this.announcer.say(message),
      connected: () => this.connection.provider.wsconnected && this.connection.provider.synced,
    });
    this.focus = new SessionFocus({
      doc: this.doc,
      sync: this.connection.provider,
      apply: (focus, arrival) => {
        this.follow.stop('focus');
        this.viewport.centreAt(focus, focus.zoom);
        if (arrival === 'changed') this.announcer.say(t('focus.arrived'));
      },
    });
  }

  /**
   * Adds a card of `kind` (the palette's current kind by default) centred on `point` (canvas
   * units), selects it so that the inspector shows its fields, and opens it for typing.
   */
  createItemAt(point: Point, kind: ItemKind = this.palette.current, returnFocus?: HTMLElement): ItemId | undefined {
    if (!this.editable) return undefined;
    const { w, h } = DEFAULT_ITEM_SIZE;
    // A new card is a step of its own: typing its text right after must not join its creation.
    this.undo.checkpoint();
    const id = addItem(this.doc, { kind, x: point.x - w / 2, y: point.y - h / 2, ...(this.author === undefined ? {} : { author: this.author }) }, this.origin);
    this.undo.checkpoint();
    this.selection.select([id]);
    this.#returnFocus = returnFocus;
    this.editingId = id;
    return id;
  }

  /** @deprecated Kept only until every caller says createItemAt; it too creates the current kind. */
  createNoteAt(point: Point, returnFocus?: HTMLElement): ItemId | undefined {
    return this.createItemAt(point, this.palette.current, returnFocus);
  }

  moveItems(moves: readonly ItemMove[]): void {
    if (this.editable) moveItems(this.doc, moves, this.origin);
  }

  /** The end of a resize gesture: one command, one undo step. */
  resizeItem(id: ItemId, size: ItemResize): void {
    if (!this.editable) return;
    this.undo.checkpoint();
    resizeItem(this.doc, id, size, this.origin);
    this.undo.checkpoint();
  }

  /** A card of the current kind in the middle of what is on screen: the keyboard's way to add one. */
  createItemInView(returnFocus?: HTMLElement): ItemId | undefined {
    const area = this.viewport.visible;
    return this.createItemAt({ x: area.x + area.w / 2, y: area.y + area.h / 2 }, this.palette.current, returnFocus);
  }

  /**
   * `returnFocus` is where keyboard focus goes when editing ends with Escape, e.g. the outline
   * entry the edit was started from, so a keyboard user is not dropped at the top of the page.
   */
  startEditing(id: ItemId, returnFocus?: HTMLElement): void {
    if (!this.editable || !this.mirror.items.has(id)) return;
    this.undo.checkpoint();
    this.#returnFocus = returnFocus;
    this.editingId = id;
  }

  stopEditing(options: { restoreFocus?: boolean } = {}): void {
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    this.editingId = undefined;
    this.undo.checkpoint();
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

  // The selection commands the keyboard shortcuts and the toolbars call.
  deleteSelection = (): boolean => this.commands.deleteSelection();
  duplicateSelection = (): boolean => this.commands.duplicateSelection();
  selectAll = (): void => this.commands.selectAll();
  /** Clears the selected cards and the selected link. */
  clearSelection = (): void => this.commands.clearSelection();
  copySelection = (): Promise<boolean> => this.commands.clipboard.copySelection();
  cutSelection = (): Promise<boolean> => this.commands.clipboard.cutSelection();
  pasteFromClipboard = (): Promise<boolean> => this.commands.clipboard.pasteFromClipboard();

  itemText(id: ItemId): Y.Text | undefined {
    return getItemText(this.doc, id);
  }

  /** True in anonymous mode: the cards this person adds carry no author. */
  get anonymous(): boolean {
    return this.author === undefined;
  }

  /**
   * Ends the session: the socket closed, nothing written to the browser any more. Resolves once
   * the offline copy's database is closed, which forgetting the board waits for to delete it.
   */
  destroy(): Promise<void> {
    this.#destroyed = true;
    this.#unsubscribe();
    this.analysis.destroy();
    this.commands.destroy();
    this.editor.destroy();
    this.undo.destroy();
    this.announcer.destroy();
    this.focus.destroy();
    this.follow.destroy();
    this.presence.destroy();
    this.confirmations.destroy();
    this.connection.destroy();
    const closed = this.offline.destroy();
    this.mirror.destroy();
    this.doc.destroy();
    return closed;
  }
}

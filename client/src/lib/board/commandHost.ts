// What the selection and clipboard commands act on: the session's document, mirror, selection
// and editor state, through narrow interfaces so that tests can pass plain stand-ins.
import type { MessageKey, MessageParams } from '@interlink/i18n';
import type { ItemId, LinkId } from '@interlink/model';
import type * as Y from 'yjs';
import type { NoticeTone } from '../canvas/interaction/editorState.svelte.js';
import type { Point, Rect } from '../canvas/viewport.js';
import type { BoardMirror } from './boardMirror.js';

/** The part of the session's Selection the commands use. */
export interface SelectionLike {
  readonly ids: ReadonlySet<ItemId>;
  select(ids: Iterable<ItemId>): void;
  clear(): void;
}

/** The part of the session's CanvasEditorState the commands use. */
export interface EditorLike {
  readonly linkId: LinkId | undefined;
  readonly pointer: Point | undefined;
  selectLink(id: LinkId | undefined): void;
  notify(key: MessageKey, params?: MessageParams, tone?: NoticeTone): void;
}

export interface CommandHost {
  readonly doc: Y.Doc;
  readonly origin: unknown;
  readonly mirror: BoardMirror;
  readonly selection: SelectionLike;
  readonly editor: EditorLike;
  readonly editable: boolean;
  /** Only a facilitator may copy confidential cards out of the board (see copyPolicy.ts). */
  readonly mayCopyConfidential: boolean;
  /** The author written on pasted cards; undefined in anonymous mode: they carry none. */
  readonly author: string | undefined;
  /** What is on screen, for a paste when the pointer is not over the board. */
  visibleArea(): Rect;
  /** Ends the current undo step: each command is a step of its own. */
  checkpoint(): void;
}

/** The selected cards that are still on the board, in selection order. */
export function selectedCards(host: Pick<CommandHost, 'selection' | 'mirror'>): ItemId[] {
  return [...host.selection.ids].filter((id) => host.mirror.items.has(id));
}

/** Runs one command as an undo step of its own, not joined to a drag or typing just before. */
export function asStep<T>(host: Pick<CommandHost, 'checkpoint'>, command: () => T): T {
  host.checkpoint();
  try {
    return command();
  } finally {
    host.checkpoint();
  }
}

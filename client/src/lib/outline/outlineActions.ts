// The outline's commands: add a card of any kind, delete one, link two, each one undo step of
// this person's (checkpoints around it, so it never joins a drag or a typing burst) and each
// with this person's origin, so that their undo takes it back and nobody else's does.
import {
  DEFAULT_ITEM_SIZE,
  addItem,
  deleteItems,
  linkItems,
  type ItemId,
  type ItemKind,
  type LinkId,
  type LinkKind,
} from '@interlink/model';
import type * as Y from 'yjs';
import type { Point } from '../canvas/viewport.js';
import { placeNewCard } from './placement.js';

/** What the commands need of a board session (a BoardSession is one). */
export interface OutlineEditor {
  readonly doc: Y.Doc;
  readonly origin: unknown;
  readonly editable: boolean;
  /** Written as the card's author; undefined in anonymous mode (not the display name, which is a pseudonym then). */
  readonly author: string | undefined;
  readonly undo: { checkpoint(): void };
}

function step<T>(editor: OutlineEditor, command: () => T): T {
  editor.undo.checkpoint();
  try {
    return command();
  } finally {
    editor.undo.checkpoint();
  }
}

/** Adds a card near `centre` (canvas units), clear of cards already exactly there. */
export function createCard(
  editor: OutlineEditor,
  card: { kind: ItemKind; text: string; centre: Point; taken: Iterable<Point> },
): ItemId | undefined {
  if (!editor.editable) return undefined;
  const at = placeNewCard(card.taken, card.centre, DEFAULT_ITEM_SIZE);
  const author = editor.author === undefined ? {} : { author: editor.author };
  return step(editor, () => addItem(editor.doc, { kind: card.kind, x: at.x, y: at.y, text: card.text, ...author }, editor.origin));
}

/** Deletes a card and its links (one step: undo brings both back). */
export function deleteCard(editor: OutlineEditor, id: ItemId): void {
  if (editor.editable) step(editor, () => deleteItems(editor.doc, [id], editor.origin));
}

export function linkCards(editor: OutlineEditor, link: { kind: LinkKind; from: ItemId; to: ItemId }): LinkId | undefined {
  if (!editor.editable) return undefined;
  return step(editor, () => linkItems(editor.doc, link, editor.origin));
}

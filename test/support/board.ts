// Reading a board document the way tests compare them: plain JSON of its maps.
import { addItem, boardMaps, type ItemId } from '@interlink/model';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';

/** items, links and meta as plain JSON (Y.Text as strings). */
export function boardJson(doc: Y.Doc): Record<string, unknown> {
  const { meta, items, links } = boardMaps(doc);
  return { meta: meta.toJSON(), items: items.toJSON(), links: links.toJSON() };
}

/** True when the two boards hold the same content (key order aside). */
export function sameBoard(a: Y.Doc, b: Y.Doc): boolean {
  return isDeepStrictEqual(boardJson(a), boardJson(b));
}

/** Item id -> its text, for items whose text is a Y.Text. */
export function itemTexts(doc: Y.Doc): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [id, item] of boardMaps(doc).items.entries()) {
    if (!(item instanceof Y.Map)) continue;
    const text: unknown = item.get('text');
    if (text instanceof Y.Text) texts.set(id, text.toString());
  }
  return texts;
}

export function itemCount(doc: Y.Doc): number {
  return boardMaps(doc).items.size;
}

/** Adds a note card through the model, in its own transaction (so one update per card). */
export function addNote(doc: Y.Doc, text: string, x = 0, y = 0): ItemId {
  return addItem(doc, { kind: 'note', x, y, text });
}

// Typed look-ups for callers that want one entry or one kind, not the whole board by hand.
import type * as Y from 'yjs';
import { boardMaps } from './document.js';
import type { ItemId, LinkId } from './ids.js';
import type { Problem } from './problems.js';
import { readItem, readLink, type BoardView, type ItemView, type LinkView } from './read.js';
import type { ItemKind, LinkKind } from './vocabulary.js';

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One item read the tolerant way, without reading the rest of the board; undefined when there
 * is no item (or no readable one) under that id. Its problems are not returned: ask readBoard.
 */
export function readItemById(doc: Y.Doc, id: ItemId): ItemView | undefined {
  const items = boardMaps(doc).items;
  if (!items.has(id)) return undefined;
  const ignored: Problem[] = [];
  return readItem(id, items.get(id), ignored);
}

/** One link read the tolerant way. Its ends are not checked: the link may point at a deleted item. */
export function readLinkById(doc: Y.Doc, id: LinkId): LinkView | undefined {
  const links = boardMaps(doc).links;
  if (!links.has(id)) return undefined;
  const ignored: Problem[] = [];
  return readLink(id, links.get(id), ignored);
}

/**
 * The items of one known kind, by id. Sorted because the view's maps follow Y.Map order, which
 * can differ between replicas of the same board.
 */
export function itemsOfKind(view: BoardView, kind: ItemKind): ItemView[] {
  return [...view.items.values()].filter((item) => item.knownKind === kind).sort(byId);
}

/** The drawn links of one known kind, by id. */
export function linksOfKind(view: BoardView, kind: LinkKind): LinkView[] {
  return [...view.links.values()].filter((link) => link.knownKind === kind).sort(byId);
}

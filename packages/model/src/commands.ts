// Named commands: every change to a board is one of these, run in one Yjs transaction with
// the caller's origin, so that an undo manager tracking that origin undoes a gesture as one
// step, and no peer ever sees half a command (a card deleted but its links still there).
import * as Y from 'yjs';
import { boardMaps, getItemMap, getLinkMap } from './document.js';
import { newItemId, newLinkId, type ItemId, type LinkId } from './ids.js';
import { DEFAULT_ITEM_SIZE } from './read.js';
import type {
  ActorLevel,
  Dimension,
  ItemKind,
  LinkKind,
  Onset,
  Phase,
  Polarity,
  Sector,
  Sensitivity,
  Strategy,
} from './vocabulary.js';

/** The fields a command may set on an item, besides its text. `null` removes a field. */
export interface ItemFields {
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  z?: string | null;
  color?: string | null;
  sensitivity?: Sensitivity | null;
  author?: string | null;
  dimensions?: readonly Dimension[] | null;
  severity?: number | null;
  likelihood?: number | null;
  onset?: Onset | null;
  level?: ActorLevel | null;
  sector?: Sector | null;
  strategy?: Strategy | null;
  phase?: Phase | null;
  threshold?: string | null;
  action?: string | null;
}

export interface NewItem extends ItemFields {
  kind: ItemKind;
  x: number;
  y: number;
  text?: string;
  /** Defaults to a new random id; given when importing or pasting with ids kept. */
  id?: ItemId;
  createdAt?: number;
}

export interface NewLink {
  kind: LinkKind;
  from: ItemId;
  to: ItemId;
  label?: string;
  polarity?: Polarity;
  id?: LinkId;
}

export interface ItemMove {
  id: ItemId;
  x: number;
  y: number;
}

/** Sets each given field; `null` removes it, `undefined` leaves it alone. Arrays are copied. */
function applyFields(map: Y.Map<unknown>, fields: object): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) map.delete(key);
    else map.set(key, Array.isArray(value) ? [...value] : value);
  }
}

export function addItem(doc: Y.Doc, item: NewItem, origin: unknown = null): ItemId {
  const id = item.id ?? newItemId();
  const { text, id: _id, createdAt, ...fields } = item;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    boardMaps(doc).items.set(id, map);
    map.set('kind', item.kind);
    map.set('w', DEFAULT_ITEM_SIZE.w);
    map.set('h', DEFAULT_ITEM_SIZE.h);
    applyFields(map, fields);
    map.set('createdAt', createdAt ?? Date.now());
    map.set('text', new Y.Text(text ?? ''));
  }, origin);
  return id;
}

/** Sets or removes fields of one item; unknown fields already on it are left untouched. */
export function updateItem(doc: Y.Doc, id: ItemId, fields: ItemFields, origin: unknown = null): boolean {
  const map = getItemMap(doc, id);
  if (!map) return false;
  doc.transact(() => applyFields(map, fields), origin);
  return true;
}

/** Replaces the whole text of an item (editors bind to the Y.Text instead, for merging). */
export function setItemText(doc: Y.Doc, id: ItemId, text: string, origin: unknown = null): boolean {
  const map = getItemMap(doc, id);
  if (!map) return false;
  doc.transact(() => {
    const current = map.get('text');
    if (current instanceof Y.Text) {
      current.delete(0, current.length);
      current.insert(0, text);
    } else {
      map.set('text', new Y.Text(text));
    }
  }, origin);
  return true;
}

export function moveItems(doc: Y.Doc, moves: readonly ItemMove[], origin: unknown = null): void {
  doc.transact(() => {
    for (const move of moves) {
      const map = getItemMap(doc, move.id);
      if (!map) continue;
      map.set('x', move.x);
      map.set('y', move.y);
    }
  }, origin);
}

/** Deletes items and every link that starts or ends at one of them, in one transaction. */
export function deleteItems(doc: Y.Doc, ids: readonly ItemId[], origin: unknown = null): void {
  const doomed = new Set<string>(ids);
  doc.transact(() => {
    const { items, links } = boardMaps(doc);
    for (const [linkId, link] of links.entries()) {
      if (!(link instanceof Y.Map)) continue;
      if (doomed.has(String(link.get('from'))) || doomed.has(String(link.get('to')))) links.delete(linkId);
    }
    for (const id of doomed) items.delete(id);
  }, origin);
}

/** Links two existing items; answers undefined (and changes nothing) if an end is missing. */
export function linkItems(doc: Y.Doc, link: NewLink, origin: unknown = null): LinkId | undefined {
  if (!getItemMap(doc, link.from) || !getItemMap(doc, link.to)) return undefined;
  const id = link.id ?? newLinkId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    boardMaps(doc).links.set(id, map);
    map.set('kind', link.kind);
    map.set('from', link.from);
    map.set('to', link.to);
    if (link.label !== undefined) map.set('label', link.label);
    if (link.polarity !== undefined) map.set('polarity', link.polarity);
  }, origin);
  return id;
}

export function updateLink(
  doc: Y.Doc,
  id: LinkId,
  fields: { kind?: LinkKind; label?: string | null; polarity?: Polarity | null },
  origin: unknown = null,
): boolean {
  const map = getLinkMap(doc, id);
  if (!map) return false;
  doc.transact(() => applyFields(map, fields), origin);
  return true;
}

export function unlink(doc: Y.Doc, ids: readonly LinkId[], origin: unknown = null): void {
  doc.transact(() => {
    const { links } = boardMaps(doc);
    for (const id of ids) links.delete(id);
  }, origin);
}

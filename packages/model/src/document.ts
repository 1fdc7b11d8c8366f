// The shape of a board on Yjs (CONTRACT.md section 4): three top-level maps, one Y.Map per
// item and per link. Everything else in the model goes through these accessors so that the
// key names live in one place.
import * as Y from 'yjs';
import type { ItemId, LinkId } from './ids.js';
import { SCHEMA_VERSION } from './vocabulary.js';

export type ItemMap = Y.Map<unknown>;
export type LinkMap = Y.Map<unknown>;

export interface BoardMaps {
  readonly meta: Y.Map<unknown>;
  readonly items: Y.Map<ItemMap>;
  readonly links: Y.Map<LinkMap>;
  readonly session: Y.Map<unknown>;
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    meta: doc.getMap('meta'),
    items: doc.getMap<ItemMap>('items'),
    links: doc.getMap<LinkMap>('links'),
    session: doc.getMap('session'),
  };
}

export function getItemMap(doc: Y.Doc, id: ItemId): ItemMap | undefined {
  const value: unknown = boardMaps(doc).items.get(id);
  return value instanceof Y.Map ? (value as ItemMap) : undefined;
}

export function getLinkMap(doc: Y.Doc, id: LinkId): LinkMap | undefined {
  const value: unknown = boardMaps(doc).links.get(id);
  return value instanceof Y.Map ? (value as LinkMap) : undefined;
}

/** The shared text of a card, for editors that bind to it (two people can type at once). */
export function getItemText(doc: Y.Doc, id: ItemId): Y.Text | undefined {
  const text = getItemMap(doc, id)?.get('text');
  return text instanceof Y.Text ? text : undefined;
}

export function readTitle(doc: Y.Doc): string {
  const title = boardMaps(doc).meta.get('title');
  return typeof title === 'string' ? title : '';
}

export function readSchemaVersion(doc: Y.Doc): number | undefined {
  const schema = boardMaps(doc).meta.get('schema');
  return typeof schema === 'number' ? schema : undefined;
}

/** Writes `schema` and `title` into a new board's meta map. */
export function initBoard(doc: Y.Doc, title: string, origin: unknown = null): void {
  doc.transact(() => {
    const { meta } = boardMaps(doc);
    if (meta.get('schema') === undefined) meta.set('schema', SCHEMA_VERSION);
    meta.set('title', title);
  }, origin);
}

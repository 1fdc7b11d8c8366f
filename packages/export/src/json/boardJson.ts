// The `json` export (CONTRACT.md section 5): {"schema", "title", "items", "links"}, each item with
// its id and every field, the text as a string, fields of newer clients kept, so that importing it
// gives back an equal board. Items are written by the model's itemToJson/linkToJson, the same
// shape as the clipboard's. Pure: the server and tests hand it a Y.Doc.
import {
  SCHEMA_VERSION,
  boardMaps,
  isAtMost,
  itemToJson,
  linkToJson,
  readItem,
  readTitle,
  type JsonItem,
  type JsonLink,
  type Problem,
  type Sensitivity,
} from '@interlink/model';
import * as Y from 'yjs';
import { canonicalEntry, compareIds } from './canonical.js';
import { ITEM_FIELD_ORDER, LINK_FIELD_ORDER } from './fields.js';

/** The schema the `json` export is written in: the board document's own. */
export const BOARD_JSON_SCHEMA = SCHEMA_VERSION;

export interface BoardJson {
  readonly schema: number;
  readonly title: string;
  /** Sorted by id. */
  readonly items: readonly JsonItem[];
  /** Sorted by id; only links whose both ends are among `items`. */
  readonly links: readonly JsonLink[];
}

export interface BoardExportOptions {
  /** Items above it are left out, and every link touching one of them. */
  readonly maxSensitivity: Sensitivity;
}

/** An item in the export's own field order (see fields.ts). */
export const canonicalItem = (item: JsonItem): JsonItem => canonicalEntry(item, ITEM_FIELD_ORDER);
export const canonicalLink = (link: JsonLink): JsonLink => canonicalEntry(link, LINK_FIELD_ORDER);

/**
 * The board as JSON, as someone cleared up to `maxSensitivity` may see it. The sensitivity is the
 * tolerant reader's, which fails closed: a marking it cannot read counts as confidential.
 * An entry that is not a map (a peer's junk) has no fields to write and is left out, and so is one
 * under the empty id, which no import could name; so is a link whose end is not an exported item:
 * it is not drawn on the board, its end may be an item left out for its sensitivity, and the
 * import refuses links to nothing.
 */
export function boardToJson(doc: Y.Doc, options: BoardExportOptions): BoardJson {
  const { items, links } = boardMaps(doc);
  const exported = new Map<string, JsonItem>();
  const ignored: Problem[] = [];
  for (const [id, value] of items.entries()) {
    if (id === '' || !(value instanceof Y.Map)) continue;
    const view = readItem(id, value, ignored);
    if (view && isAtMost(view.sensitivity, options.maxSensitivity)) exported.set(id, canonicalItem(itemToJson(id, value)));
  }
  const exportedLinks: JsonLink[] = [];
  for (const [id, value] of links.entries()) {
    if (id === '' || !(value instanceof Y.Map)) continue;
    const link = linkToJson(id, value);
    if (link && exported.has(link.from) && exported.has(link.to)) exportedLinks.push(canonicalLink(link));
  }
  return {
    schema: BOARD_JSON_SCHEMA,
    title: readTitle(doc),
    items: [...exported.values()].sort((a, b) => compareIds(a.id, b.id)),
    links: exportedLinks.sort((a, b) => compareIds(a.id, b.id)),
  };
}

/** The export as a file: indented for people and diffs, with a final newline. */
export function serializeBoardJson(board: BoardJson): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}

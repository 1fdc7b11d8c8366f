// items.csv and links.csv (CONTRACT.md section 5): the json export as tables, one row per item or
// link, in the same order and with the same sensitivity filter, so that the three never disagree.
import type { JsonItem, JsonLink, JsonValue } from '@interlink/model';
import type * as Y from 'yjs';
import { boardToJson, type BoardExportOptions } from '../json/boardJson.js';
import { ITEM_CSV_COLUMNS, ITEM_FIELDS_WITHOUT_COLUMN, LINK_CSV_COLUMNS, extraCell, extraColumns, knownCell } from './columns.js';
import { csvDocument } from './rfc4180.js';

type Entry = { readonly [field: string]: JsonValue };

/** A field's value when the entry has it as its own (an absent `__proto__` is not Object.prototype). */
const own = (entry: Entry, field: string): JsonValue | undefined => (Object.hasOwn(entry, field) ? entry[field] : undefined);

function table(entries: readonly Entry[], known: readonly string[], omitted: readonly string[]): string {
  const extra = extraColumns(entries, [...known, ...omitted]);
  const records = entries.map((entry) => [...known.map((field) => knownCell(field, own(entry, field))), ...extra.map((field) => extraCell(own(entry, field)))]);
  return csvDocument([...known, ...extra], records);
}

export function itemsToCsv(items: readonly JsonItem[]): string {
  return table(items, ITEM_CSV_COLUMNS, ITEM_FIELDS_WITHOUT_COLUMN);
}

export function linksToCsv(links: readonly JsonLink[]): string {
  return table(links, LINK_CSV_COLUMNS, []);
}

export function boardItemsCsv(doc: Y.Doc, options: BoardExportOptions): string {
  return itemsToCsv(boardToJson(doc, options).items);
}

export function boardLinksCsv(doc: Y.Doc, options: BoardExportOptions): string {
  return linksToCsv(boardToJson(doc, options).links);
}

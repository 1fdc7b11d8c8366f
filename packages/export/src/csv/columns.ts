// The columns of items.csv and links.csv: one per field of CONTRACT.md section 4, then one per
// field this version does not know (sorted), holding its JSON. `z` (the draw order, a fractional
// index string) is left out of items.csv: it means nothing in a spreadsheet, and the json export
// is the lossless format.
import type { JsonValue } from '@interlink/model';
import { compareIds } from '../json/canonical.js';

export const ITEM_CSV_COLUMNS = [
  'id', 'kind', 'text', 'x', 'y', 'w', 'h', 'color', 'sensitivity', 'author', 'createdAt',
  'dimensions', 'severity', 'likelihood', 'onset', 'level', 'sector', 'strategy', 'phase',
  'threshold', 'action',
] as const;
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

/** Known item fields that have no column. */
export const ITEM_FIELDS_WITHOUT_COLUMN = ['z'] as const;

export const LINK_CSV_COLUMNS = ['id', 'kind', 'from', 'to', 'label', 'polarity'] as const;

/** Separates the dimensions of a threat within their one cell. */
export const DIMENSION_SEPARATOR = ';';

/** The fields of `entries` outside `known`, sorted: the extra columns. */
export function extraColumns(entries: readonly { readonly [field: string]: JsonValue }[], known: readonly string[]): string[] {
  const extra = new Set<string>();
  for (const entry of entries) for (const field of Object.keys(entry)) if (!known.includes(field)) extra.add(field);
  return [...extra].sort(compareIds);
}

/** A known field's cell: text as it is, a number as JS writes it, dimensions joined; anything else as JSON. */
export function knownCell(field: string, value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (field === 'dimensions' && isSeparableList(value)) return value.join(DIMENSION_SEPARATOR);
  return JSON.stringify(value);
}

/** An unknown field's cell: its JSON, so that a newer client's value comes back as it was. */
export function extraCell(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value);
}

function isSeparableList(value: JsonValue): value is readonly string[] {
  return Array.isArray(value) && value.every((element) => typeof element === 'string' && !element.includes(DIMENSION_SEPARATOR));
}

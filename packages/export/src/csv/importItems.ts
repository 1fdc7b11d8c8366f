// Writing the rows of an imported items.csv into a board. Rows that give no position (a list of
// threats typed in a spreadsheet rarely has coordinates) are laid out in a grid below whatever is
// on the board already, so that they neither cover existing cards nor land in a heap.
import { boundsOf, itemBox, readGeometry, type Box, type JsonItem, type JsonValue } from '@interlink/model';
import type * as Y from 'yjs';
import { sameJson } from '../json/canonical.js';
import { mergeIntoBoard, type MergeResult } from '../json/merge.js';
import type { CsvItemRow } from './parseItemsCsv.js';

/** Space between laid-out cards, and between them and the board's content above. */
const GAP = 40;

/** The rows' cards, each one without a position placed in a grid below the board's content. */
export function placeRows(doc: Y.Doc, rows: readonly CsvItemRow[]): JsonItem[] {
  const unplaced = rows.filter((row) => !row.placed);
  if (unplaced.length === 0) return rows.map((row) => row.item);
  const occupied: Box[] = [...readGeometry(doc).items.values()].map(itemBox);
  for (const row of rows) if (row.placed) occupied.push(itemBox(row.item));
  const bounds = boundsOf(occupied);
  const origin = bounds ? { x: bounds.left, y: bounds.bottom + 2 * GAP } : { x: 0, y: 0 };
  // Roughly square, so that a long list does not run off in one direction.
  const columns = Math.ceil(Math.sqrt(unplaced.length));
  const cellWidth = Math.max(...unplaced.map((row) => Math.abs(row.item.w))) + GAP;
  const cellHeight = Math.max(...unplaced.map((row) => Math.abs(row.item.h))) + GAP;
  const slot = new Map(unplaced.map((row, index) => [row, index]));
  return rows.map((row) => {
    const index = slot.get(row);
    if (index === undefined) return row.item;
    return { ...row.item, x: origin.x + (index % columns) * cellWidth, y: origin.y + Math.floor(index / columns) * cellHeight };
  });
}

const own = (item: JsonItem, field: string): JsonValue | undefined => (Object.hasOwn(item, field) ? item[field] : undefined);

/**
 * Places the rows and merges them in one transaction. A row whose id names a card already on the
 * board is skipped when that card agrees with every field the row gives (the same file imported
 * twice), and otherwise added under a new id; nothing on the board is overwritten (see merge.ts).
 */
export function importItemsCsv(doc: Y.Doc, rows: readonly CsvItemRow[], origin: unknown = null): MergeResult {
  const items = placeRows(doc, rows);
  return mergeIntoBoard(
    doc,
    { items, links: [] },
    {
      origin,
      sameItem: (existing, imported, index) => (rows[index]?.fields ?? []).every((field) => sameJson(own(existing, field), own(imported, field))),
    },
  );
}

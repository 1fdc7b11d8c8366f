// One command that sets fields on many items: what an inspector edit of a multi-selection is.
// Run as a single transaction with the caller's origin, so that the edit is one undo step and
// no peer ever sees it half applied (some selected cards changed, others not yet).
import type * as Y from 'yjs';
import { updateItem, type ItemFields } from './commands.js';
import type { ItemId } from './ids.js';

export interface ItemUpdate {
  readonly id: ItemId;
  readonly fields: ItemFields;
}

/**
 * Applies each update as `updateItem` would (`null` removes a field, `undefined` leaves it),
 * all inside one transaction; items that are gone are skipped. Answers how many items were
 * found. No updates, no transaction.
 */
export function updateItems(doc: Y.Doc, updates: readonly ItemUpdate[], origin: unknown = null): number {
  if (updates.length === 0) return 0;
  let found = 0;
  // A transaction opened inside another joins it, so each updateItem lands in this one.
  doc.transact(() => {
    for (const update of updates) if (updateItem(doc, update.id, update.fields, origin)) found++;
  }, origin);
  return found;
}

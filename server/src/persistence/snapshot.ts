// Folds a stored snapshot and the updates after it into one snapshot, as a fresh load would see
// them: for a store that builds snapshots from its own rows (the caller's doc may be incomplete).
import * as Y from 'yjs';

/**
 * Applies `snapshot` then `updates` to a temporary doc and encodes it. An update that cannot be
 * applied is reported and skipped, exactly as loading the board skips it, so that compaction
 * never changes what a load gives back.
 */
export function foldSnapshot(
  snapshot: Uint8Array | undefined,
  updates: readonly Uint8Array[],
  onUnreadable: (error: unknown) => void,
): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of snapshot ? [snapshot, ...updates] : updates) {
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          onUnreadable(error);
        }
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

// Test support: records the transactions and update events a document sees, so that a test can
// say "this command ran as exactly one transaction carrying this origin" (the promise that lets an
// UndoManager undo a gesture as one step and keeps peers from ever seeing half a command).
import type * as Y from 'yjs';

export interface TransactionLog {
  /** The origin of every transaction, in order (empty transactions included). */
  readonly transactions: unknown[];
  /** The origin of every `update` event: one per transaction that changed something. */
  readonly updates: unknown[];
  stop(): void;
}

export function recordTransactions(doc: Y.Doc): TransactionLog {
  const transactions: unknown[] = [];
  const updates: unknown[] = [];
  const onTransaction = (transaction: Y.Transaction): void => {
    transactions.push(transaction.origin);
  };
  const onUpdate = (_update: Uint8Array, origin: unknown): void => {
    updates.push(origin);
  };
  doc.on('afterTransaction', onTransaction);
  doc.on('update', onUpdate);
  return {
    transactions,
    updates,
    stop() {
      doc.off('afterTransaction', onTransaction);
      doc.off('update', onUpdate);
    },
  };
}

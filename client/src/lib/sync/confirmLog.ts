// This person's changes that the server has not yet confirmed as stored: the number the status
// indicator shows, and the list kept in localStorage so that it survives an offline reload.
//
// A change is one local transaction, recorded as (clientID, the client's clock after it). Yjs
// clocks only grow, so a state vector that holds `clock` or more for that client has received
// the change's insertions, and with them its deletions: they travel in the same message (the
// transaction's update, or a sync step 2, which carries the whole delete set). A transaction
// that only deleted (e.g. deleting a card) does not advance the clock: it is confirmed only by
// a probe sent after it (see confirmChannel.ts), never by a state vector alone.
// Pure: no timers, no storage, no socket.

/** One local transaction, or several consecutive ones of one client merged (see `compact`). */
export interface PendingChange {
  readonly client: number;
  /** The client's clock after the transaction. */
  readonly clock: number;
  /** True when it only deleted: no state vector can show that it arrived. */
  readonly deletes: boolean;
  /** How many transactions this entry stands for: 1 unless merged. */
  readonly weight: number;
}

/** What a probe covers: every change recorded up to `seq`, as far as `stateVector` holds it. */
export interface ProbeMark {
  readonly seq: number;
  readonly stateVector: ReadonlyMap<number, number>;
}

interface Entry extends PendingChange {
  /** Order of recording in this page; restored entries come first. */
  readonly seq: number;
}

/** Past this many entries, consecutive ones of one client are merged: the count stays exact. */
export const MAX_PENDING_ENTRIES = 2_000;

function covered(entry: PendingChange, stateVector: ReadonlyMap<number, number>): boolean {
  return (stateVector.get(entry.client) ?? 0) >= entry.clock;
}

export class PendingChanges {
  #entries: Entry[] = [];
  #seq = 0;
  #count = 0;

  constructor(
    restored: readonly PendingChange[] = [],
    private readonly maxEntries = MAX_PENDING_ENTRIES,
  ) {
    for (const change of restored) this.#push(change);
    this.#compact();
  }

  /** The number of unconfirmed transactions. */
  get count(): number {
    return this.#count;
  }

  /** The list to store, oldest first. */
  get changes(): readonly PendingChange[] {
    return this.#entries.map(({ client, clock, deletes, weight }) => ({ client, clock, deletes, weight }));
  }

  /** A local transaction has just happened. */
  record(change: { client: number; clock: number; deletes: boolean }): void {
    this.#push({ ...change, weight: 1 });
    if (this.#entries.length > this.maxEntries) this.#compact();
  }

  /** A probe is being sent now: its answer will confirm what is recorded so far. */
  mark(stateVector: ReadonlyMap<number, number>): ProbeMark {
    return { seq: this.#seq, stateVector };
  }

  /**
   * The server's own state vector (its sync step 1): it holds these changes. Changes that only
   * deleted stay unconfirmed. Returns true when anything was confirmed.
   */
  confirmStateVector(stateVector: ReadonlyMap<number, number>): boolean {
    return this.#confirm((entry) => !entry.deletes && covered(entry, stateVector));
  }

  /**
   * The answer to a probe: the server has stored everything this connection sent before it,
   * i.e. every change recorded before the probe whose insertions the document held then. (A
   * change restored from storage whose content never reached the document, e.g. because the
   * browser's database was cleared, is not in that state vector and stays unconfirmed.)
   */
  confirmProbe(mark: ProbeMark): boolean {
    return this.#confirm((entry) => entry.seq <= mark.seq && covered(entry, mark.stateVector));
  }

  #push(change: PendingChange): void {
    this.#seq += 1;
    this.#entries.push({ ...change, seq: this.#seq });
    this.#count += change.weight;
  }

  #confirm(isConfirmed: (entry: Entry) => boolean): boolean {
    const before = this.#count;
    this.#entries = this.#entries.filter((entry) => {
      if (!isConfirmed(entry)) return true;
      this.#count -= entry.weight;
      return false;
    });
    return this.#count !== before;
  }

  /**
   * Merges pairs of consecutive entries of one client into one standing for both: it is
   * confirmed when the later of the two is, which is at worst a little late for the earlier.
   * Hours of offline typing thus stay a short list in localStorage, and the count stays exact.
   */
  #compact(): void {
    while (this.#entries.length > this.maxEntries) {
      const entries = this.#entries;
      const merged: Entry[] = [];
      for (let i = 0; i < entries.length; i++) {
        const a = entries[i];
        const b = entries[i + 1];
        if (a === undefined) continue;
        if (b === undefined || a.client !== b.client) {
          merged.push(a);
          continue;
        }
        merged.push({ client: a.client, clock: Math.max(a.clock, b.clock), deletes: a.deletes || b.deletes, weight: a.weight + b.weight, seq: b.seq });
        i += 1;
      }
      // Entries of alternating clients cannot merge; real use never produces them, so stop.
      if (merged.length === entries.length) return;
      this.#entries = merged;
    }
  }
}

/** Integers as Yjs uses them: client ids are uint32, clocks fit a double exactly. */
function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

const UINT32_MAX = 0xffff_ffff;
/** Twice the merge threshold: a list longer than this was not written by us. */
const MAX_STORED_ENTRIES = MAX_PENDING_ENTRIES * 2;

/** Compact JSON for localStorage: `[[client, clock, deletes 0|1, weight], ...]`. */
export function serializeChanges(changes: readonly PendingChange[]): string {
  return JSON.stringify({ v: 1, changes: changes.map((c) => [c.client, c.clock, c.deletes ? 1 : 0, c.weight]) });
}

/** The stored list; anything malformed is dropped entry by entry, a wholly unreadable text reads as none. */
export function parseChanges(text: string | null): PendingChange[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null || !('changes' in value) || !Array.isArray(value.changes)) return [];
  const changes: PendingChange[] = [];
  for (const row of value.changes.slice(0, MAX_STORED_ENTRIES)) {
    if (!Array.isArray(row)) continue;
    const [client, clock, deletes, weight] = row as unknown[];
    if (!isCount(client, UINT32_MAX) || !isCount(clock) || (deletes !== 0 && deletes !== 1) || !isCount(weight) || weight === 0) continue;
    changes.push({ client, clock, deletes: deletes === 1, weight });
  }
  return changes;
}

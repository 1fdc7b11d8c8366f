// Deterministic ordering shared by every analysis module. Lists never follow Yjs map order (two
// replicas that merged the same changes in a different order iterate their maps differently),
// and strings are compared by code unit (`<`), not `localeCompare`, whose answers depend on the
// runtime's ICU data: a browser and the server must word the same report in the same order.
import type { ItemId } from '../ids.js';
import type { Problem } from '../problems.js';
import type { ItemView } from '../read.js';

/** Code-unit order: the same answer on every runtime. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lexicographic order of two string lists (a prefix comes first). */
export function compareStringLists(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = compareStrings(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Items by text, then id: what a reader of the report expects, and still total. */
export function compareItemsByText(a: ItemView, b: ItemView): number {
  return compareStrings(a.text, b.text) || compareStrings(a.id, b.id);
}

/** Position of a value in a vocabulary; absent or unknown values sort after every known one. */
export function vocabularyRank<T extends string>(values: readonly T[], value: T | undefined): number {
  const index = value === undefined ? -1 : values.indexOf(value);
  return index === -1 ? values.length : index;
}

/**
 * Every item's position in text order, computed once. Sorting many small lists of ids by a
 * number is far cheaper than comparing texts again for each list.
 */
export class ItemOrder {
  /** Every item, in text order. */
  readonly sorted: readonly ItemView[];
  private readonly rank = new Map<ItemId, number>();

  constructor(items: Iterable<ItemView>) {
    this.sorted = [...items].sort(compareItemsByText);
    this.sorted.forEach((item, index) => this.rank.set(item.id, index));
  }

  /** The item's position in text order (-1 for an id that is not on the board). */
  rankOf(id: ItemId): number {
    return this.rank.get(id) ?? -1;
  }

  compare = (a: ItemId, b: ItemId): number => this.rankOf(a) - this.rankOf(b);

  /** A sorted copy without repeats (parallel links name the same item twice). */
  sortUnique(ids: readonly ItemId[]): ItemId[] {
    // Most cards have one or two links of a kind: skip the Set and the sort for those.
    if (ids.length < 2) return [...ids];
    if (ids.length === 2) {
      const [a, b] = ids as [ItemId, ItemId];
      const order = this.compare(a, b);
      return order === 0 ? [a] : order < 0 ? [a, b] : [b, a];
    }
    return [...new Set(ids)].sort(this.compare);
  }
}

/** The reader's problems by target, id, code, field, then detail (one item can have several). */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareStrings(a.target, b.target) ||
    compareStrings(a.id, b.id) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.field ?? '', b.field ?? '') ||
    compareStrings(a.detail, b.detail)
  );
}

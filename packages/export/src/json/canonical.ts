// One spelling for each piece of JSON the exports write: entries sorted by id, fields in a fixed
// order, object keys sorted at every depth. Two replicas of the same board then export the same
// bytes, and "equal" can be checked without caring how a map was filled.
import type { JsonValue } from '@interlink/model';

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isJsonArray = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value);

/** The value with the keys of every object in it sorted. Object.fromEntries keeps `__proto__` as data. */
export function canonicalValue(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (isJsonArray(value)) return value.map(canonicalValue);
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareIds)
      .map((key) => [key, canonicalValue(value[key] ?? null)]),
  );
}

/**
 * An item or link with its fields in `order` first, then the others sorted, every value canonical.
 * `T` is the entry's own type: only the order of its keys changes, never what they hold.
 */
export function canonicalEntry<T extends { readonly [field: string]: JsonValue }>(entry: T, order: readonly string[]): T {
  const known = order.filter((field) => Object.hasOwn(entry, field));
  const unknown = Object.keys(entry)
    .filter((field) => !order.includes(field))
    .sort(compareIds);
  return Object.fromEntries([...known, ...unknown].map((field) => [field, canonicalValue(entry[field] ?? null)])) as T;
}

/** Deep equality of JSON values, key order aside; `undefined` (an absent field) equals only itself. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (isJsonArray(a) || isJsonArray(b)) {
    if (!isJsonArray(a) || !isJsonArray(b) || a.length !== b.length) return false;
    return a.every((element, index) => sameJson(element, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

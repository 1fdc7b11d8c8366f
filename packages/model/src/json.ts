// Items and links as plain JSON: the shape of CONTRACT.md section 5's `json` export (`id` and
// every field, `text` as a string, fields this version does not know kept as JSON), shared by
// the clipboard and by the json export and import, so that the three never drift apart.
import * as Y from 'yjs';
import type { Problem } from './problems.js';
import { readItem } from './read.js';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface JsonItem {
  readonly id: string;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
  readonly [field: string]: JsonValue;
}

export interface JsonLink {
  readonly id: string;
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly [field: string]: JsonValue;
}

/**
 * A value read from a document as JSON. Shared types become their JSON (a nested Y.Map an
 * object, a Y.Text its string). What JSON cannot carry becomes its nearest JSON: a non-finite
 * number null (as JSON.stringify would), a bigint a number if it fits exactly, else its decimal
 * string (JSON.stringify would throw), bytes an array of numbers. A sub-document or anything
 * else that is not data answers undefined, and is left out.
 */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value instanceof Y.AbstractType) return toJsonValue(value.toJSON());
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map((element: unknown) => toJsonValue(element) ?? null);
  if (isPlainObject(value)) {
    // Object.fromEntries keeps a key named `__proto__` as data instead of making it the prototype.
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, field]) => {
        const json = toJsonValue(field);
        return json === undefined ? [] : [[key, json]];
      }),
    );
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Every field of a map as JSON, `id` left to the caller. */
function fieldsToJson(map: Y.Map<unknown>): Record<string, JsonValue> {
  return Object.fromEntries(
    [...map.entries()].flatMap(([key, value]) => {
      const json = toJsonValue(value);
      return json === undefined ? [] : [[key, json]];
    }),
  );
}

/**
 * One item as JSON: every field, the text as a string. `kind`, the geometry and the text are
 * written as the tolerant reader reads them (a missing `w` as the default width, a broken `x`
 * as 0), so that every JSON item can be placed; every other field is kept as it is, out of
 * range or not, for the reader on the other side to judge.
 */
export function itemToJson(id: string, item: Y.Map<unknown>): JsonItem {
  const ignored: Problem[] = [];
  const view = readItem(id, item, ignored);
  const fields = fieldsToJson(item);
  return { ...fields, id, kind: view?.kind ?? '', x: view?.x ?? 0, y: view?.y ?? 0, w: view?.w ?? 0, h: view?.h ?? 0, text: view?.text ?? '' };
}

/**
 * A new, not yet inserted item map holding every field of the JSON item but its `id`, the text
 * as a Y.Text (so that two people can type into it at once). Other values stay plain JSON.
 */
export function itemFromJson(json: JsonItem): Y.Map<unknown> {
  // A map not yet in a document answers `has` and `get` as if empty, so the text is decided
  // from the JSON, not by asking the map.
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(json)) {
    if (key !== 'id' && key !== 'text') map.set(key, value);
  }
  map.set('text', new Y.Text(typeof json.text === 'string' ? json.text : ''));
  return map;
}

/** One link as JSON, every field kept; undefined when its ends are not both item ids. */
export function linkToJson(id: string, link: Y.Map<unknown>): JsonLink | undefined {
  const from = link.get('from');
  const to = link.get('to');
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  const kind = link.get('kind');
  return { ...fieldsToJson(link), id, kind: typeof kind === 'string' ? kind : '', from, to };
}

/** A new, not yet inserted link map holding every field of the JSON link but its `id`. */
export function linkFromJson(json: JsonLink): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(json)) {
    if (key !== 'id') map.set(key, value);
  }
  return map;
}

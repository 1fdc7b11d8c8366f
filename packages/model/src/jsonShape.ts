// Checks items and links that arrive as JSON from outside (a clipboard, an imported file) before
// anything is written: the shape the model needs (ids and kinds strings, geometry finite), and
// values a document can carry the same way on every replica. Known fields out of range are let
// through, as they would be from a peer: the tolerant reader reports them on the card.
import type { JsonItem, JsonLink, JsonValue } from './json.js';

export interface JsonShapeLimits {
  /** The longest `text` of an item, in UTF-16 code units. */
  readonly maxTextChars: number;
  /** How deep arrays and objects may nest inside one field. */
  readonly maxDepth: number;
}

export const JSON_SHAPE_ERROR_CODES = ['bad-item', 'bad-link', 'text-too-long', 'too-deep'] as const;
export type JsonShapeErrorCode = (typeof JSON_SHAPE_ERROR_CODES)[number];

export interface JsonShapeError {
  readonly code: JsonShapeErrorCode;
  /** Where, as `items[3].x`. */
  readonly path: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: JsonShapeError };

const fail = (code: JsonShapeErrorCode, path: string, message: string): { ok: false; error: JsonShapeError } => ({
  ok: false,
  error: { code, path, message },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of a JSON value, or why it cannot be stored. Numbers must be finite (JSON.parse reads
 * `1e999` as Infinity, which a JSON export could not write back). A key `__proto__` inside a
 * value is dropped: Yjs's decoder cannot rebuild it, so the replicas would disagree.
 */
function checkValue(value: unknown, path: string, depth: number, limits: JsonShapeLimits, code: JsonShapeErrorCode): Checked<JsonValue> {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : fail(code, path, `${path} must be a finite number`);
  }
  const nested = Array.isArray(value) || isRecord(value);
  if (!nested) return fail(code, path, `${path} must be JSON data`);
  if (depth >= limits.maxDepth) return fail('too-deep', path, `${path} nests deeper than ${limits.maxDepth}`);
  if (Array.isArray(value)) {
    const copy: JsonValue[] = [];
    for (const [index, element] of (value as unknown[]).entries()) {
      const checked = checkValue(element, `${path}[${index}]`, depth + 1, limits, code);
      if (!checked.ok) return checked;
      copy.push(checked.value);
    }
    return { ok: true, value: copy };
  }
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, field] of Object.entries(value)) {
    if (key === '__proto__') continue;
    const checked = checkValue(field, `${path}.${key}`, depth + 1, limits, code);
    if (!checked.ok) return checked;
    entries.push([key, checked.value]);
  }
  return { ok: true, value: Object.fromEntries(entries) };
}

/** Every field of an entry checked and copied; field names are any strings, `__proto__` included. */
function checkFields(value: Record<string, unknown>, path: string, limits: JsonShapeLimits, code: JsonShapeErrorCode): Checked<Record<string, JsonValue>> {
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, field] of Object.entries(value)) {
    const checked = checkValue(field, `${path}.${key}`, 0, limits, code);
    if (!checked.ok) return checked;
    entries.push([key, checked.value]);
  }
  // Object.fromEntries keeps a field named `__proto__` as data: a Y.Map stores it like any key.
  return { ok: true, value: Object.fromEntries(entries) };
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * An item from outside: `id` a non-empty string, `kind` a string (an unknown kind is kept: a
 * newer client's card), `x`, `y`, `w`, `h` finite numbers, `text` a string within the limit
 * (absent reads as empty), every other field JSON data.
 */
export function checkJsonItem(value: unknown, path: string, limits: JsonShapeLimits): Checked<JsonItem> {
  if (!isRecord(value)) return fail('bad-item', path, `${path} must be an object`);
  const checked = checkFields(value, path, limits, 'bad-item');
  if (!checked.ok) return checked;
  const { id, kind, x, y, w, h } = checked.value;
  const text = checked.value.text ?? '';
  if (!isNonEmptyString(id)) return fail('bad-item', `${path}.id`, `${path}.id must be a non-empty string`);
  if (typeof kind !== 'string') return fail('bad-item', `${path}.kind`, `${path}.kind must be a string`);
  if (typeof x !== 'number') return fail('bad-item', `${path}.x`, `${path}.x must be a finite number`);
  if (typeof y !== 'number') return fail('bad-item', `${path}.y`, `${path}.y must be a finite number`);
  if (typeof w !== 'number') return fail('bad-item', `${path}.w`, `${path}.w must be a finite number`);
  if (typeof h !== 'number') return fail('bad-item', `${path}.h`, `${path}.h must be a finite number`);
  if (typeof text !== 'string') return fail('bad-item', `${path}.text`, `${path}.text must be a string`);
  if (text.length > limits.maxTextChars) {
    return fail('text-too-long', `${path}.text`, `${path}.text is longer than ${limits.maxTextChars} characters`);
  }
  return { ok: true, value: { ...checked.value, id, kind, x, y, w, h, text } };
}

/** A link from outside: `id`, `from`, `to` non-empty strings, `kind` a string, the rest JSON data. */
export function checkJsonLink(value: unknown, path: string, limits: JsonShapeLimits): Checked<JsonLink> {
  if (!isRecord(value)) return fail('bad-link', path, `${path} must be an object`);
  const checked = checkFields(value, path, limits, 'bad-link');
  if (!checked.ok) return checked;
  const { id, kind, from, to } = checked.value;
  if (!isNonEmptyString(id)) return fail('bad-link', `${path}.id`, `${path}.id must be a non-empty string`);
  if (typeof kind !== 'string') return fail('bad-link', `${path}.kind`, `${path}.kind must be a string`);
  if (!isNonEmptyString(from)) return fail('bad-link', `${path}.from`, `${path}.from must be an item id`);
  if (!isNonEmptyString(to)) return fail('bad-link', `${path}.to`, `${path}.to must be an item id`);
  return { ok: true, value: { ...checked.value, id, kind, from, to } };
}

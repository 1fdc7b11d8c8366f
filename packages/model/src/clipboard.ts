// Copy and paste, within a board and between boards: the clipboard carries JSON text, so that a
// selection copied in one tab pastes into another board, and text from anywhere else is
// refused with a code instead of breaking the paste.
//
// Authorship does not travel. The clipboard leaves the board (it can be pasted into an email or
// a chat) and a pasted card may land on another workshop's board, with other people and other
// consent; who wrote what on a board about threats to people's safety must not travel with the
// text. So the payload never holds `author`, a paste drops any `author` it is given, and the
// pasted cards are authored by the person pasting, when the caller names them (as addItem does).
import * as Y from 'yjs';
import { boardMaps, getItemMap } from './document.js';
import { boundsOf, isFiniteDelta, itemBox, type Delta } from './geometry.js';
import { newItemId, newLinkId, type ItemId } from './ids.js';
import { itemFromJson, itemToJson, linkFromJson, linkToJson, type JsonItem, type JsonLink } from './json.js';
import { checkJsonItem, checkJsonLink, type JsonShapeLimits } from './jsonShape.js';

export const CLIPBOARD_SCHEMA = 1;

export interface ClipboardPayload {
  readonly interlink: 'clipboard';
  readonly schema: typeof CLIPBOARD_SCHEMA;
  readonly items: readonly JsonItem[];
  /** Only links whose both ends are among `items`. */
  readonly links: readonly JsonLink[];
}

export interface ClipboardLimits extends JsonShapeLimits {
  /** The longest clipboard text read at all, checked before parsing. */
  readonly maxChars: number;
  readonly maxItems: number;
  readonly maxLinks: number;
}

export const CLIPBOARD_LIMITS: ClipboardLimits = {
  maxChars: 5_000_000,
  maxItems: 5_000,
  maxLinks: 20_000,
  maxTextChars: 10_000,
  maxDepth: 32,
};

export const CLIPBOARD_ERROR_CODES = [
  'too-large',
  'not-json',
  'not-clipboard',
  'unsupported-schema',
  'too-many-items',
  'too-many-links',
  'duplicate-id',
  'bad-item',
  'bad-link',
  'text-too-long',
  'too-deep',
] as const;
export type ClipboardErrorCode = (typeof CLIPBOARD_ERROR_CODES)[number];

export interface ClipboardError {
  readonly code: ClipboardErrorCode;
  /** Where the fault is, as `items[3].x`, when it is in one place. */
  readonly path?: string;
  /** For logs and developers; the UI words the error through i18n by its code. */
  readonly message: string;
}

export function isClipboardError(value: ClipboardPayload | ClipboardError): value is ClipboardError {
  return 'code' in value;
}

/** Where a paste goes: the group's top-left corner at a point, or every item shifted by a delta. */
export type PastePlacement = { readonly x: number; readonly y: number } | Delta;

export interface PasteOptions {
  /** The display name of the person pasting; absent for an anonymous contribution. */
  readonly author?: string;
  /** The creation time written on every pasted item; now by default. */
  readonly now?: number;
}

/** Drops `author` from an item's JSON (see the note at the top of this file). */
function withoutAuthor(item: JsonItem): JsonItem {
  const { author: _author, ...rest } = item;
  return rest as JsonItem;
}

/**
 * The given items as a clipboard payload: every field as JSON (a newer client's fields and kinds
 * too) but `author`, and the links between them. Ids missing from the board are skipped. A
 * frame's contents are copied only when given: pass `dragSet(view, ids)` to copy them along.
 */
export function copySelection(doc: Y.Doc, ids: readonly ItemId[]): ClipboardPayload {
  const items: JsonItem[] = [];
  const copied = new Set<string>();
  for (const id of ids) {
    const map = getItemMap(doc, id);
    if (!map || copied.has(id)) continue;
    copied.add(id);
    items.push(withoutAuthor(itemToJson(id, map)));
  }
  const links: JsonLink[] = [];
  for (const [id, map] of boardMaps(doc).links.entries()) {
    if (!(map instanceof Y.Map)) continue;
    const link = linkToJson(id, map);
    if (link && copied.has(link.from) && copied.has(link.to)) links.push(link);
  }
  return { interlink: 'clipboard', schema: CLIPBOARD_SCHEMA, items, links };
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

const clipboardError = (code: ClipboardErrorCode, message: string, path?: string): ClipboardError =>
  path === undefined ? { code, message } : { code, path, message };

/** Reads clipboard text; never throws. Anything that is not an Interlink clipboard is a coded error. */
export function parseClipboard(text: string, limits: ClipboardLimits = CLIPBOARD_LIMITS): ClipboardPayload | ClipboardError {
  if (text.length > limits.maxChars) return clipboardError('too-large', `the clipboard holds more than ${limits.maxChars} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return clipboardError('not-json', 'the clipboard does not hold JSON');
  }
  return parseClipboardValue(value, limits);
}

/**
 * Reads an already parsed clipboard value (from a drop, or a test); never throws. The whole paste
 * is refused when an item or link is malformed, rather than pasting part of what was copied;
 * links whose ends are not among the items are dropped, as a reader would not draw them.
 */
export function parseClipboardValue(value: unknown, limits: ClipboardLimits = CLIPBOARD_LIMITS): ClipboardPayload | ClipboardError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return clipboardError('not-clipboard', 'the clipboard does not hold an Interlink selection');
  }
  const record = value as Record<string, unknown>;
  if (record.interlink !== 'clipboard' || !Array.isArray(record.items) || !Array.isArray(record.links)) {
    return clipboardError('not-clipboard', 'the clipboard does not hold an Interlink selection');
  }
  if (record.schema !== CLIPBOARD_SCHEMA) {
    return clipboardError('unsupported-schema', `the clipboard is of schema ${String(record.schema)}, this version reads ${CLIPBOARD_SCHEMA}`);
  }
  const rawItems: unknown[] = record.items;
  const rawLinks: unknown[] = record.links;
  if (rawItems.length > limits.maxItems) return clipboardError('too-many-items', `more than ${limits.maxItems} items`);
  if (rawLinks.length > limits.maxLinks) return clipboardError('too-many-links', `more than ${limits.maxLinks} links`);

  const items: JsonItem[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of rawItems.entries()) {
    const checked = checkJsonItem(raw, `items[${index}]`, limits);
    if (!checked.ok) return clipboardError(checked.error.code, checked.error.message, checked.error.path);
    if (ids.has(checked.value.id)) {
      return clipboardError('duplicate-id', `items[${index}].id repeats "${checked.value.id}"`, `items[${index}].id`);
    }
    ids.add(checked.value.id);
    items.push(checked.value);
  }
  const links: JsonLink[] = [];
  for (const [index, raw] of rawLinks.entries()) {
    const checked = checkJsonLink(raw, `links[${index}]`, limits);
    if (!checked.ok) return clipboardError(checked.error.code, checked.error.message, checked.error.path);
    if (ids.has(checked.value.from) && ids.has(checked.value.to)) links.push(checked.value);
  }
  return { interlink: 'clipboard', schema: CLIPBOARD_SCHEMA, items, links };
}

/** The shift that puts the payload where asked; undefined when the placement is not finite. */
function pasteDelta(items: readonly JsonItem[], placement: PastePlacement): Delta | undefined {
  if ('dx' in placement) return isFiniteDelta(placement) ? placement : undefined;
  if (!Number.isFinite(placement.x) || !Number.isFinite(placement.y)) return undefined;
  const bounds = boundsOf(items.map(itemBox));
  return bounds ? { dx: placement.x - bounds.left, dy: placement.y - bounds.top } : { dx: 0, dy: 0 };
}

/**
 * Pastes a payload as new items and links (new ids for all, so pasting twice gives two copies),
 * in one transaction, and answers which new item each payload id became. Each item keeps its
 * fields (a newer client's too) but `author` (see the top of this file) and gets `createdAt` now.
 * A placement that is not finite pastes nothing.
 */
export function pasteClipboard(
  doc: Y.Doc,
  payload: ClipboardPayload,
  placement: PastePlacement,
  origin: unknown = null,
  options: PasteOptions = {},
): Map<string, ItemId> {
  const pasted = new Map<string, ItemId>();
  const delta = pasteDelta(payload.items, placement);
  if (!delta) return pasted;
  const createdAt = options.now ?? Date.now();
  doc.transact(() => {
    const { items, links } = boardMaps(doc);
    for (const item of payload.items) {
      if (pasted.has(item.id)) continue;
      const id = newItemId();
      const placed: JsonItem = { ...withoutAuthor(item), x: item.x + delta.dx, y: item.y + delta.dy, createdAt };
      const map = itemFromJson(options.author === undefined ? placed : { ...placed, author: options.author });
      items.set(id, map);
      pasted.set(item.id, id);
    }
    for (const link of payload.links) {
      const from = pasted.get(link.from);
      const to = pasted.get(link.to);
      if (from && to) links.set(newLinkId(), linkFromJson({ ...link, from, to }));
    }
  }, origin);
  return pasted;
}

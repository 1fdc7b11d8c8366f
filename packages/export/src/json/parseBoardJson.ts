// Reading a `json` export that arrives from outside (an import) before anything is written. The
// whole file is refused at its first fault, named by its place (`items[3].x must be a finite
// number`), rather than importing part of it. Items and links are checked by the model's
// jsonShape, as a paste is: known fields out of range are let through, as they would be from a
// peer, and the tolerant reader shows them as problems on the card.
import { checkJsonItem, checkJsonLink, type JsonItem, type JsonLink, type JsonShapeErrorCode, type JsonShapeLimits } from '@interlink/model';
import { BOARD_JSON_SCHEMA, type BoardJson } from './boardJson.js';

export interface BoardJsonLimits extends JsonShapeLimits {
  readonly maxItems: number;
  readonly maxLinks: number;
}

/**
 * Generous for a workshop (boards are tested with 10,000 cards and 5,000 links) yet bounded, so
 * that one request cannot hold the server's memory or the room's doc hostage.
 */
export const BOARD_JSON_LIMITS: BoardJsonLimits = {
  maxItems: 20_000,
  maxLinks: 50_000,
  maxTextChars: 100_000,
  maxDepth: 32,
};

export const BOARD_JSON_ERROR_CODES = [
  'not-json',
  'not-an-export',
  'unsupported-schema',
  'too-many-items',
  'too-many-links',
  'duplicate-id',
  'missing-end',
] as const;
export type BoardJsonErrorCode = (typeof BOARD_JSON_ERROR_CODES)[number] | JsonShapeErrorCode;

export interface BoardJsonError {
  readonly code: BoardJsonErrorCode;
  /** Where, as `items[3].x`; empty for the file as a whole. */
  readonly path: string;
  /** Names the field at fault; answered to the caller as it is. */
  readonly message: string;
}

export type ParsedBoardJson = { readonly ok: true; readonly board: BoardJson } | { readonly ok: false; readonly error: BoardJsonError };

const refuse = (code: BoardJsonErrorCode, path: string, message: string): ParsedBoardJson => ({ ok: false, error: { code, path, message } });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the text of a `json` export; never throws. */
export function parseBoardJsonText(text: string, limits: BoardJsonLimits = BOARD_JSON_LIMITS): ParsedBoardJson {
  let value: unknown;
  try {
    // Plain JSON.parse: a field named `__proto__` becomes an own property (data), never a prototype.
    // A leading BOM (a file saved by Windows Notepad) is not JSON, but not a fault of the content.
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return refuse('not-json', '', `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseBoardJson(value, limits);
}

/**
 * Reads a parsed `json` export; never throws. The schema must be one this version reads: a newer
 * schema is a breaking change (CONTRACT.md: fields are only ever added within a schema), which no
 * code here knows how to bring down, so it is refused rather than half understood. Within
 * schema 1, fields and kinds this version does not know are kept, as they are from a peer.
 * The `title` is checked but not used: an import merges content, the board keeps its own title.
 */
export function parseBoardJson(value: unknown, limits: BoardJsonLimits = BOARD_JSON_LIMITS): ParsedBoardJson {
  if (!isRecord(value)) return refuse('not-an-export', '', 'the body must be a JSON object: a json export of a board');
  const { schema, title, items: rawItems, links: rawLinks } = value;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    return refuse('not-an-export', 'schema', 'schema must be a positive integer (a json export says "schema": 1)');
  }
  if (schema > BOARD_JSON_SCHEMA) {
    return refuse('unsupported-schema', 'schema', `schema ${schema} is newer than this server reads (${BOARD_JSON_SCHEMA}); import it into an up-to-date Interlink`);
  }
  if (title !== undefined && typeof title !== 'string') return refuse('not-an-export', 'title', 'title must be a string');
  if (!Array.isArray(rawItems)) return refuse('not-an-export', 'items', 'items must be an array');
  if (!Array.isArray(rawLinks)) return refuse('not-an-export', 'links', 'links must be an array');
  if (rawItems.length > limits.maxItems) {
    return refuse('too-many-items', 'items', `items holds ${rawItems.length} entries; at most ${limits.maxItems} can be imported at once`);
  }
  if (rawLinks.length > limits.maxLinks) {
    return refuse('too-many-links', 'links', `links holds ${rawLinks.length} entries; at most ${limits.maxLinks} can be imported at once`);
  }

  const items: JsonItem[] = [];
  const itemIds = new Set<string>();
  for (const [index, raw] of (rawItems as unknown[]).entries()) {
    const checked = checkJsonItem(raw, `items[${index}]`, limits);
    if (!checked.ok) return { ok: false, error: checked.error };
    if (itemIds.has(checked.value.id)) {
      return refuse('duplicate-id', `items[${index}].id`, `items[${index}].id repeats "${checked.value.id}"`);
    }
    itemIds.add(checked.value.id);
    items.push(checked.value);
  }
  const links: JsonLink[] = [];
  const linkIds = new Set<string>();
  for (const [index, raw] of (rawLinks as unknown[]).entries()) {
    const checked = checkJsonLink(raw, `links[${index}]`, limits);
    if (!checked.ok) return { ok: false, error: checked.error };
    const link = checked.value;
    if (linkIds.has(link.id)) return refuse('duplicate-id', `links[${index}].id`, `links[${index}].id repeats "${link.id}"`);
    linkIds.add(link.id);
    // A link to an item not in the file would point at nothing, or at whatever card of the target
    // board happens to have that id: refused, as a fault of the file.
    for (const end of ['from', 'to'] as const) {
      if (!itemIds.has(link[end])) {
        return refuse('missing-end', `links[${index}].${end}`, `links[${index}].${end} "${link[end]}" is not the id of an item in the file`);
      }
    }
    links.push(link);
  }
  return { ok: true, board: { schema, title: title ?? '', items, links } };
}

// The body of POST /api/boards/:id/import, read at the trust boundary: a `json` export
// (application/json) or an items.csv (text/csv), UTF-8. Everything is checked before the board is
// touched; a fault answers 400 with the field or rows at fault, and leaves the board unchanged.
import { importItemsCsv, mergeIntoBoard, parseBoardJsonText, parseItemsCsv, type MergeResult } from '@interlink/export';
import type * as Y from 'yjs';
import { ApiError } from './errors.js';

export const IMPORT_CONTENT_TYPES = ['application/json', 'text/csv'] as const;
export type ImportFormat = 'json' | 'csv';

/** A checked import, ready to be written into a board's doc in one transaction. */
export interface PreparedImport {
  readonly format: ImportFormat;
  readonly write: (doc: Y.Doc) => MergeResult;
}

/**
 * Which format the Content-Type announces. Fastify has already refused types that no parser of
 * this route takes (415); the charset, which Fastify ignores, is checked here: the body is read as
 * UTF-8, and a file in another encoding would come out garbled rather than refused.
 */
export function importFormat(contentType: string | undefined): ImportFormat {
  const [essence = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replaceAll('"', '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ApiError('unsupported_media_type', `imports are read as UTF-8, not ${charset}: save the file as UTF-8`);
  }
  if (essence === 'text/csv') return 'csv';
  if (essence === 'application/json') return 'json';
  throw new ApiError('unsupported_media_type', 'send a json export as application/json, or items.csv as text/csv');
}

/** Checks the whole body; throws a 400 ApiError naming what is wrong. */
export function prepareImport(format: ImportFormat, body: unknown): PreparedImport {
  const text = typeof body === 'string' ? body : '';
  if (format === 'csv') {
    const parsed = parseItemsCsv(text);
    if (!parsed.ok) throw new ApiError('invalid_request', parsed.message);
    return { format, write: (doc) => importItemsCsv(doc, parsed.rows) };
  }
  const parsed = parseBoardJsonText(text);
  if (!parsed.ok) throw new ApiError('invalid_request', parsed.error.message);
  return { format, write: (doc) => mergeIntoBoard(doc, parsed.board) };
}

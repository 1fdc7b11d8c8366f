// Which files the Import dialog takes, checked before a byte of them is read: a `json` export or
// an items.csv, at most as large as the server accepts.

export type ImportFormat = 'json' | 'csv';

/**
 * The server's body limit for an import (IMPORT_BODY_LIMIT in server/src/plugins/imports.ts): a
 * bigger file would be refused after the upload anyway, and reading it here would hold it all in
 * the tab's memory for nothing.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** For the file picker's `accept`: extensions first, as browsers and OSes type CSV inconsistently. */
export const IMPORT_ACCEPT = '.json,.csv,application/json,text/csv';

/** The facts about a file that the checks need (a File has them; tests pass plain objects). */
export interface FileFacts {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

export type FileCheck =
  | { readonly ok: true; readonly format: ImportFormat }
  | { readonly ok: false; readonly reason: 'too-large' | 'wrong-type' };

/** By the extension first: Windows often types a .csv as application/vnd.ms-excel. */
export function importFormatOf(file: Pick<FileFacts, 'name' | 'type'>): ImportFormat | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  const type = file.type.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'text/csv') return 'csv';
  return undefined;
}

export function checkImportFile(file: FileFacts): FileCheck {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large' };
  const format = importFormatOf(file);
  return format ? { ok: true, format } : { ok: false, reason: 'wrong-type' };
}

/** Mebibytes with one decimal, as the dialog states a size. */
export function mebibytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

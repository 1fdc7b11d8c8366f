// The name a downloaded export is saved under: the board's title as a slug, the day, and the
// format's extension (`water-security-2025-03-14.items.csv`), so that a folder of exports sorts
// by board and then by date. The server's own Content-Disposition names the file after the board
// id, which says nothing to the person who saved it.
import type { ExportFormat } from './exportOptions.js';

/** Long titles are cut: some file systems and mail clients choke on long names. */
const MAX_SLUG_LENGTH = 60;

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/**
 * The title in lower-case ASCII words joined by hyphens, accents dropped (`Sécurité` ->
 * `securite`); undefined when the title has letters that do not come down to ASCII (Arabic,
 * Chinese...): a slug of only its Latin fragments would name a different board, and non-ASCII
 * file names still break on some systems and archive tools.
 */
export function titleSlug(title: string): string | undefined {
  // NFKD splits an accented letter into the letter and its accent, which is then dropped.
  const plain = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłþı]/g, (letter) => LATIN_LETTERS[letter] ?? letter);
  if (/[^\p{ASCII}]/u.test(plain.replace(/[^\p{L}\p{N}]+/gu, ''))) return undefined;
  const slug = plain
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

/** YYYY-MM-DD of the person's own day (not UTC's). */
export function isoDay(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The id is the fallback name: unique, and what the server itself names the file after. */
export function exportFileName(title: string, boardId: string, format: ExportFormat, date: Date): string {
  const base = titleSlug(title) ?? boardId.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${base}-${isoDay(date)}.${format}`;
}

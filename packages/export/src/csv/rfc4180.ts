// Writing CSV as RFC 4180 says (CRLF after every record, a field with a comma, a quote, CR or LF
// quoted, quotes doubled), with every cell neutralised against formula injection first
// (CONTRACT.md section 5). A writer of our own rather than a library's stringifier: it is this one
// function, and the order that matters (neutralise, then quote) stays in plain sight. Reading is
// left to a real parser (csv-parse), which the tests also use to check what is written here.

/** A spreadsheet reads a cell beginning with one of these as a formula (or the start of one). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What neutralisation makes of such a cell. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * UTF-8 byte order mark, written first: without it Excel opens a CSV in the machine's legacy code
 * page and garbles every non-ASCII letter, and workshop boards are written in many languages.
 * Parsers that follow the Unicode standard skip it (csv-parse with `bom: true`, Python's
 * `utf-8-sig`); our import accepts a file with or without it.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell that a spreadsheet would run as a formula, prefixed with `'` so that it shows as text.
 * Numbers are cells too: -120 is written '-120 (the import reads it back as -120).
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralizeFormula: the import reads `'=A1` back as `=A1`, `'-120` as `-120`. */
export function restoreNeutralized(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

function csvField(cell: string): string {
  const safe = neutralizeFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row and the records under it, each record ended with CRLF, after a UTF-8 BOM. */
export function csvDocument(header: readonly string[], records: readonly (readonly string[])[]): string {
  return UTF8_BOM + [header, ...records].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

// Reading an imported items.csv (RFC 4180, as exported, or as saved by a spreadsheet) into cards,
// before anything is written. Every row is checked and every fault reported ("row 4: severity
// must be 1..5; row 9: unknown kind "thret""), so that a person fixes the file in one go; one fault
// anywhere refuses the whole file. Rows are numbered as a spreadsheet shows them: the header is
// row 1. Parsing is csv-parse's, a well-kept RFC 4180 parser; this file only interprets it.
import { DEFAULT_ITEM_SIZE, checkJsonItem, newItemId, type JsonItem, type JsonShapeLimits, type JsonValue } from '@interlink/model';
import { CsvError, parse } from 'csv-parse/sync';
import { BOARD_JSON_LIMITS } from '../json/parseBoardJson.js';
import { KNOWN_PARSERS, extraParser, quoted, type CellParser } from './cellParsers.js';
import { restoreNeutralized } from './rfc4180.js';

export interface ItemsCsvLimits extends JsonShapeLimits {
  readonly maxRows: number;
  /** How many faults are listed; the rest are counted. */
  readonly maxErrors: number;
}

export const ITEMS_CSV_LIMITS: ItemsCsvLimits = {
  maxRows: BOARD_JSON_LIMITS.maxItems,
  maxTextChars: BOARD_JSON_LIMITS.maxTextChars,
  maxDepth: BOARD_JSON_LIMITS.maxDepth,
  maxErrors: 20,
};

export interface CsvItemRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  readonly row: number;
  /** The card; `x` and `y` are 0 until placed when the row does not give both (see `placed`). */
  readonly item: JsonItem;
  readonly placed: boolean;
  /** The fields this row speaks for: a card of the same id is the same card when these agree. */
  readonly fields: readonly string[];
}

export type ParsedItemsCsv =
  | { readonly ok: true; readonly rows: readonly CsvItemRow[] }
  | { readonly ok: false; readonly message: string };

export interface ItemsCsvOptions {
  /** `createdAt` of rows that do not give one; now by default. */
  readonly now?: number;
  readonly limits?: ItemsCsvLimits;
}

/** Fields that take a default when their cell is empty: an empty cell then says nothing about them. */
const DEFAULTED = new Set(['x', 'y', 'w', 'h', 'createdAt']);

type Header = { readonly ok: true; readonly columns: readonly string[] } | { readonly ok: false; readonly message: string };

function readHeader(cells: readonly string[]): Header {
  const columns = cells.map((cell) => restoreNeutralized(cell).trim());
  const blank = columns.indexOf('');
  if (blank >= 0) return { ok: false, message: `column ${blank + 1} of the header has no name` };
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated !== undefined) return { ok: false, message: `column ${quoted(repeated)} appears twice in the header` };
  if (columns.includes('from') && columns.includes('to') && !columns.includes('text')) {
    return { ok: false, message: 'this is a links.csv: import items.csv, or a json export to bring cards and links together' };
  }
  if (!columns.includes('kind')) {
    return { ok: false, message: 'the header has no kind column: the first row must name the columns (id, kind, text, x, y, ...), separated by commas' };
  }
  return { ok: true, columns };
}

/** Collects faults: the first `max` in words, the others counted. */
class Faults {
  private readonly listed: string[] = [];
  private more = 0;

  constructor(private readonly max: number) {}

  add(row: number, message: string): void {
    if (this.listed.length < this.max) this.listed.push(`row ${row}: ${message}`);
    else this.more += 1;
  }

  get any(): boolean {
    return this.listed.length > 0;
  }

  toString(): string {
    return this.more > 0 ? `${this.listed.join('; ')}; and ${this.more} more` : this.listed.join('; ');
  }
}

const parserOf = (column: string): CellParser => (Object.hasOwn(KNOWN_PARSERS, column) ? (KNOWN_PARSERS[column] ?? extraParser) : extraParser);

/** One data row as a card, or undefined with its faults added. */
function readRow(columns: readonly string[], cells: readonly string[], row: number, faults: Faults, options: Required<ItemsCsvOptions>): CsvItemRow | undefined {
  // Fewer cells than columns: some tools leave trailing empty cells out. More would be lost: a fault.
  if (cells.length > columns.length) {
    faults.add(row, `has ${cells.length} cells, the header has ${columns.length}`);
    return undefined;
  }
  const entries: Array<[string, JsonValue]> = [];
  const spoken: string[] = [];
  let faulty = false;
  for (const [index, column] of columns.entries()) {
    const cell = restoreNeutralized(cells[index] ?? '');
    if (cell.trim() === '' && column !== 'text') {
      if (!DEFAULTED.has(column) && column !== 'id') spoken.push(column);
      continue;
    }
    const read = parserOf(column)(cell);
    if (!read.ok) {
      faults.add(row, read.error);
      faulty = true;
      continue;
    }
    entries.push([column, read.value]);
    if (column !== 'id') spoken.push(column);
  }
  // Object.fromEntries keeps a column named `__proto__` as data.
  const fields: Record<string, JsonValue> = Object.fromEntries(entries);
  if (!Object.hasOwn(fields, 'kind') && !faulty) faults.add(row, 'kind is missing');
  if (faulty || !Object.hasOwn(fields, 'kind')) return undefined;
  const own = (field: string): JsonValue | undefined => (Object.hasOwn(fields, field) ? fields[field] : undefined);
  const placed = own('x') !== undefined && own('y') !== undefined;
  const id = own('id');
  const item = {
    createdAt: options.now,
    ...fields,
    id: typeof id === 'string' ? id : newItemId(),
    text: own('text') ?? '',
    x: own('x') ?? 0,
    y: own('y') ?? 0,
    w: own('w') ?? DEFAULT_ITEM_SIZE.w,
    h: own('h') ?? DEFAULT_ITEM_SIZE.h,
  };
  // The model's own check: text length, nesting and finite numbers inside JSON cells.
  const checked = checkJsonItem(item, 'item', options.limits);
  if (!checked.ok) {
    faults.add(row, checked.error.message.replace(/^item\./, ''));
    return undefined;
  }
  return { row, item: checked.value, placed, fields: placed ? spoken : spoken.filter((field) => field !== 'x' && field !== 'y') };
}

/** Reads items.csv text; never throws. */
export function parseItemsCsv(text: string, options: ItemsCsvOptions = {}): ParsedItemsCsv {
  const settings: Required<ItemsCsvOptions> = { now: options.now ?? Date.now(), limits: options.limits ?? ITEMS_CSV_LIMITS };
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true });
  } catch (error) {
    const reason = error instanceof CsvError || error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the CSV could not be read: ${reason}` };
  }
  const [headerCells, ...data] = records;
  if (!headerCells) return { ok: false, message: 'the CSV is empty: its first row must name the columns (id, kind, text, x, y, ...)' };
  const header = readHeader(headerCells);
  if (!header.ok) return { ok: false, message: `row 1: ${header.message}` };
  // A spreadsheet's empty rows (",,,") are skipped, but still counted in the row numbers.
  const filled = data.map((cells, index) => ({ cells, row: index + 2 })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (filled.length > settings.limits.maxRows) {
    return { ok: false, message: `the CSV holds ${filled.length} rows; at most ${settings.limits.maxRows} can be imported at once` };
  }
  const faults = new Faults(settings.limits.maxErrors);
  const rows: CsvItemRow[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const { cells, row } of filled) {
    const read = readRow(header.columns, cells, row, faults, settings);
    if (!read) continue;
    const earlier = firstRowOfId.get(read.item.id);
    if (earlier !== undefined) {
      faults.add(row, `id ${quoted(read.item.id)} repeats row ${earlier}`);
      continue;
    }
    firstRowOfId.set(read.item.id, row);
    rows.push(read);
  }
  return faults.any ? { ok: false, message: faults.toString() } : { ok: true, rows };
}

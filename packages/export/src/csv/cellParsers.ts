// Reading the cells of an imported items.csv, column by column. A CSV is typed by people (or
// saved by a spreadsheet), so it is read strictly: a known field must hold a value the contract
// allows, and the message says which and what was found. Every cell has had the export's
// formula neutralisation (`'=...`, `'-120`) undone before it gets here.
import {
  DIMENSIONS,
  ITEM_KINDS,
  LEVELS,
  ONSETS,
  PHASES,
  SCORE_MAX,
  SCORE_MIN,
  SECTORS,
  SENSITIVITIES,
  STRATEGIES,
  isOneOf,
  type JsonValue,
} from '@interlink/model';
import { DIMENSION_SEPARATOR } from './columns.js';

export type CellResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly error: string };
/** Reads one non-empty cell of a column. */
export type CellParser = (cell: string) => CellResult;

const ok = (value: JsonValue): CellResult => ({ ok: true, value });
const fail = (error: string): CellResult => ({ ok: false, error });

/** A cell as quoted in a message, cut short: the message must stay readable. */
export function quoted(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
}

/** Decimal notation only: Number() would also take "0x1F", "Infinity" and blanks. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const text: CellParser = (cell) => ok(cell);

const number =
  (field: string): CellParser =>
  (cell) => {
    const value = Number(cell.trim());
    return DECIMAL.test(cell.trim()) && Number.isFinite(value) ? ok(value) : fail(`${field} must be a number, not ${quoted(cell)}`);
  };

const time: CellParser = (cell) => {
  const value = Number(cell.trim());
  return DECIMAL.test(cell.trim()) && Number.isSafeInteger(value) && value >= 0
    ? ok(value)
    : fail(`createdAt must be a time in milliseconds since 1970, not ${quoted(cell)}`);
};

const score =
  (field: string): CellParser =>
  (cell) => {
    const value = Number(cell.trim());
    return DECIMAL.test(cell.trim()) && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX
      ? ok(value)
      : fail(`${field} must be ${SCORE_MIN}..${SCORE_MAX}, not ${quoted(cell)}`);
  };

const oneOf =
  (field: string, values: readonly string[]): CellParser =>
  (cell) => {
    const value = cell.trim();
    return isOneOf(values, value) ? ok(value) : fail(`${field} must be one of ${values.join(', ')}, not ${quoted(cell)}`);
  };

const kind: CellParser = (cell) => {
  const value = cell.trim();
  return isOneOf(ITEM_KINDS, value) ? ok(value) : fail(`unknown kind ${quoted(cell)} (one of ${ITEM_KINDS.join(', ')})`);
};

/** `food; health`: the dimensions, each once, in the order given. */
const dimensions: CellParser = (cell) => {
  const values = cell
    .split(DIMENSION_SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const unknown = values.find((value) => !isOneOf(DIMENSIONS, value));
  if (unknown !== undefined) return fail(`dimensions: unknown dimension ${quoted(unknown)} (one of ${DIMENSIONS.join(', ')})`);
  return ok([...new Set(values)]);
};

/**
 * A column this version does not know holds JSON in an export (a newer client's field); a column
 * someone added by hand holds plain text. JSON when it reads as JSON, else the text as it is.
 */
export const extraParser: CellParser = (cell) => {
  try {
    return ok(JSON.parse(cell) as JsonValue);
  } catch {
    return ok(cell);
  }
};

/** The parser of each known column; the others are read by extraParser. */
export const KNOWN_PARSERS: Readonly<Record<string, CellParser>> = {
  id: text,
  kind,
  text,
  x: number('x'),
  y: number('y'),
  w: number('w'),
  h: number('h'),
  z: text,
  color: text,
  sensitivity: oneOf('sensitivity', SENSITIVITIES),
  author: text,
  createdAt: time,
  dimensions,
  severity: score('severity'),
  likelihood: score('likelihood'),
  onset: oneOf('onset', ONSETS),
  level: oneOf('level', LEVELS),
  sector: oneOf('sector', SECTORS),
  strategy: oneOf('strategy', STRATEGIES),
  phase: oneOf('phase', PHASES),
  threshold: text,
  action: text,
};

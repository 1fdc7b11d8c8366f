// The command line of `pnpm export`, parsed with node's own util.parseArgs and checked strictly:
// every mistake is found here, before any request or file is opened, and named with the option.
// The values allowed are the export package's own lists, so the CLI offers exactly what the API does.
import { isAbsolute, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  FITS,
  isExportFormatName,
  ORIENTATIONS,
  PAGE_SIZE_NAMES,
  PNG_SCALE,
  type ExportFormatName,
  type ExportLayoutOption,
  type ExportLayoutOptions,
} from '@interlink/export';
import { SENSITIVITIES, type Sensitivity } from '@interlink/model';
import { UsageError } from './errors.js';

/** Where the board is read from. */
export type ExportSource =
  /** A running server, over its HTTP API, with a token of the board. */
  | { readonly kind: 'server'; readonly url: URL; readonly token: string }
  /** The server's DATA_DIR (its SQLite store), read directly and read-only. */
  | { readonly kind: 'data-dir'; readonly dir: string };

export interface ExportCommand {
  readonly board: string;
  readonly format: ExportFormatName;
  /** An absolute path, or `-` for standard output. */
  readonly out: string;
  /** As asked; undefined leaves the default (restricted) to whoever renders. */
  readonly maxSensitivity: Sensitivity | undefined;
  readonly layout: ExportLayoutOptions;
  readonly source: ExportSource;
}

export type ParsedCommandLine = { readonly help: true } | { readonly help: false; readonly command: ExportCommand };

export const TOKEN_ENV = 'INTERLINK_TOKEN';
export const STDOUT = '-';

const OPTIONS = {
  board: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  'max-sensitivity': { type: 'string' },
  scale: { type: 'string' },
  page: { type: 'string' },
  orientation: { type: 'string' },
  fit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The CLI flag of each layout option, for messages. */
const LAYOUT_FLAGS: Readonly<Record<ExportLayoutOption, string>> = { scale: '--scale', page: '--page', orientation: '--orientation', fit: '--fit' };

export const SYNOPSIS = 'Usage: pnpm export --board <id> --format <format> --out <file|-> (--server <url> | --data-dir <dir>) [options]';

export const USAGE = `${SYNOPSIS}

Writes one board in one of the export formats of the API (GET /api/boards/:id/export/:format).

Where the board is read from (exactly one):
  --server <url>           a running Interlink server, e.g. http://127.0.0.1:3000 (any address
                           you give; a path prefix behind a proxy is kept). Needs a token of the
                           board, best from the environment: \`read -rs ${TOKEN_ENV} && export
                           ${TOKEN_ENV}\` keeps it out of your shell history and out of the
                           process list, where --token <token> would show it.
  --data-dir <dir>         the server's DATA_DIR (its SQLite database), read read-only; the
                           server may be running or stopped. No token: whoever can read these
                           files already has every card, so --max-sensitivity confidential is
                           allowed. Run it as the user that runs the server. (Scale-out
                           deployments on PostgreSQL: use --server.)

Required:
  --board <id>             the board's id (from its share link: /b/<id>?token=...)
  --format <format>        ${EXPORT_FORMAT_NAMES.join(' | ')}
  --out <file>             the file to write (replaced only once the export is complete),
                           or - for standard output

Options:
  --max-sensitivity <s>    ${SENSITIVITIES.join(' | ')}: leave out every card above it
                           (default restricted; over --server, confidential needs a
                           facilitator's token, and anyone else gets restricted)
  --scale <n>              png: pixels per canvas unit, ${PNG_SCALE.min} to ${PNG_SCALE.max} (default ${PNG_SCALE.default}; a map
                           too large for the pixel limit is drawn smaller)
  --page <size>            pdf, report.pdf: ${PAGE_SIZE_NAMES.join(' | ')} (default a4)
  --orientation <o>        pdf: ${ORIENTATIONS.join(' | ')} (default: whichever suits the map)
  --fit <fit>              pdf: page (the whole map on one page) | tiles (an overview, then
                           the map in parts at a readable size) (default page)
  --token <token>          with --server, when ${TOKEN_ENV} is not set
  -h, --help               this text

What was written (bytes, path) is reported on standard error.
Exit status: 0 written; 1 the export failed (the server's error message, an unknown board,
an unwritable file); 2 the command line is wrong (nothing was tried).

Examples:
  read -rs ${TOKEN_ENV} && export ${TOKEN_ENV}
  pnpm export --server http://127.0.0.1:3000 --board Xy12 --format pdf --page a3 --fit tiles --out map.pdf
  pnpm export --data-dir ./data --board Xy12 --format md --max-sensitivity confidential --out -
`;

const isHelpFlag = (arg: string): boolean => arg === '--help' || arg === '-h';

const STRING_FLAGS = new Set(Object.entries(OPTIONS).flatMap(([name, spec]) => (spec.type === 'string' ? [`--${name}`] : [])));
const isKnownFlag = (arg: string): boolean => isHelpFlag(arg) || STRING_FLAGS.has(arg) || STRING_FLAGS.has(arg.split('=')[0] ?? '');

/**
 * Board ids and tokens are base64url, so one in 64 starts with `-`, which parseArgs's strict mode
 * takes for a forgotten value. A value that is not one of our own flags is joined to its option
 * (`--board -x1` -> `--board=-x1`); a flag where a value belongs is still an error.
 */
function joinDashValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (STRING_FLAGS.has(arg) && next !== undefined && next.startsWith('-') && next !== '-' && !isKnownFlag(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** `value` if it is one of `allowed`, else a usage error naming the option and the choices. */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
  return found;
}

/** The same decimal the server's `scale` query parameter accepts, within PNG_SCALE. */
function parseScale(value: string): number {
  const scale = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(scale >= PNG_SCALE.min && scale <= PNG_SCALE.max)) {
    throw new UsageError(`--scale must be a number from ${PNG_SCALE.min} to ${PNG_SCALE.max}; got "${value}"`);
  }
  return scale;
}

/** The formats that read a layout option, for the message when it is given to another. */
function formatsReading(option: ExportLayoutOption): string {
  return EXPORT_FORMAT_NAMES.filter((name) => (EXPORT_FORMATS[name].reads as readonly ExportLayoutOption[]).includes(option)).join(', ');
}

function parseServerUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--server must be a URL such as http://127.0.0.1:3000; got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http:// or https:// URL; got ${url.protocol}//`);
  // A token belongs in a header, not in a URL that is logged and kept in history.
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError('--server takes the server\'s address only (no user, password, query or fragment); pass the token with INTERLINK_TOKEN');
  }
  return url;
}

/** Parses the arguments given to the script (after `pnpm export`). Throws UsageError. */
export function parseCommandLine(args: readonly string[], env: Readonly<Record<string, string | undefined>>, baseDir: string): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: joinDashValues(args), options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    // `--help` wins over whatever else is wrong on the line: it is what someone lost asks for.
    if (args.some(isHelpFlag)) return { help: true };
    // parseArgs's messages name the option; its hint about `--` does not apply to this CLI.
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new UsageError(message);
  }
  const { values, tokens } = parsed;
  if (values.help) return { help: true };

  // parseArgs keeps the last of a repeated option silently; a repeated option is a mistake here.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }

  const required = (flag: 'board' | 'format' | 'out'): string => {
    const value = values[flag];
    if (value === undefined || value === '') throw new UsageError(`--${flag} is required`);
    return value;
  };
  const board = required('board');
  const formatName = required('format');
  if (!isExportFormatName(formatName)) throw new UsageError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(', ')}; got "${formatName}"`);
  const outValue = required('out');
  const out = outValue === STDOUT ? STDOUT : isAbsolute(outValue) ? outValue : resolve(baseDir, outValue);

  const maxSensitivity = values['max-sensitivity'] === undefined ? undefined : oneOf('--max-sensitivity', values['max-sensitivity'], SENSITIVITIES);
  const layout: ExportLayoutOptions = {
    ...(values.scale === undefined ? {} : { scale: parseScale(values.scale) }),
    ...(values.page === undefined ? {} : { page: oneOf('--page', values.page, PAGE_SIZE_NAMES) }),
    ...(values.orientation === undefined ? {} : { orientation: oneOf('--orientation', values.orientation, ORIENTATIONS) }),
    ...(values.fit === undefined ? {} : { fit: oneOf('--fit', values.fit, FITS) }),
  };
  // An option the format has no use for would be ignored silently; say so instead.
  const reads: readonly ExportLayoutOption[] = EXPORT_FORMATS[formatName].reads;
  for (const option of Object.keys(layout) as ExportLayoutOption[]) {
    if (!reads.includes(option)) throw new UsageError(`${LAYOUT_FLAGS[option]} applies to ${formatsReading(option)} only, not to ${formatName}`);
  }

  return { help: false, command: { board, format: formatName, out, maxSensitivity, layout, source: parseSource(values, env, baseDir) } };
}

function parseSource(
  values: { readonly server?: string; readonly 'data-dir'?: string; readonly token?: string },
  env: Readonly<Record<string, string | undefined>>,
  baseDir: string,
): ExportSource {
  const server = values.server;
  const dataDir = values['data-dir'];
  if (server !== undefined && dataDir !== undefined) throw new UsageError('give --server or --data-dir, not both');
  if (server === undefined && dataDir === undefined) throw new UsageError('give --server <url> (a running server) or --data-dir <dir> (its DATA_DIR)');
  if (dataDir !== undefined) {
    if (values.token !== undefined) throw new UsageError('--token is for --server; reading --data-dir needs no token');
    if (dataDir === '') throw new UsageError('--data-dir must name a directory');
    return { kind: 'data-dir', dir: resolve(baseDir, dataDir) };
  }
  const url = parseServerUrl(server ?? '');
  const token = values.token ?? env[TOKEN_ENV];
  if (token === undefined || token === '') throw new UsageError(`--server needs a token of the board: set ${TOKEN_ENV} (or pass --token)`);
  return { kind: 'server', url, token };
}

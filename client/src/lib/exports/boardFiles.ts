// The two HTTP calls behind the Export menu and the Import dialog (CONTRACT.md sections 2 and 5).
// The token is sent as an Authorization header, never in the URL. Failures are ApiErrors, whose
// message is the server's own words (they name the field or the rows at fault).
import { SENSITIVITIES, type Sensitivity } from '@interlink/model';
import { ApiError, readErrorBody } from '../api/errors.js';
import { exportPath, type ExportChoice } from './exportOptions.js';
import type { ImportFormat } from './importFile.js';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** The header in which the server says which cards it let through (it may filter more than asked). */
export const SENSITIVITY_HEADER = 'x-interlink-max-sensitivity';

export interface DownloadedExport {
  readonly blob: Blob;
  /** What the server applied; undefined when the answer did not say. */
  readonly maxSensitivity: Sensitivity | undefined;
}

/** The import's answer: what was written, what was already there, what took a new id. */
export interface ImportResult {
  readonly items: number;
  readonly links: number;
  readonly skipped: { readonly items: number; readonly links: number };
  readonly renamed: { readonly items: number; readonly links: number };
}

export interface Request {
  readonly boardId: string;
  readonly token: string;
  readonly fetch?: Fetch;
  readonly signal?: AbortSignal;
}

const defaultFetch: Fetch = (input, init) => fetch(input, init);

/** An abort is not a failure to report: the caller asked for it. Anything else is a network error. */
interface Call {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

async function send(request: Request, path: string, call: Call): Promise<Response> {
  try {
    return await (request.fetch ?? defaultFetch)(path, {
      method: call.method,
      headers: { authorization: `Bearer ${request.token}`, ...call.headers },
      ...(call.body === undefined ? {} : { body: call.body }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (cause) {
    if (request.signal?.aborted) throw cause;
    throw new ApiError('network', 0, undefined, cause instanceof Error ? cause.message : 'network error');
  }
}

/** The contract's error body as an ApiError, or a plain HTTP status when the body is not one. */
async function failure(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = readErrorBody(body);
  return error ? new ApiError('server', response.status, error.code, error.message) : new ApiError('unexpected', response.status, undefined, `HTTP ${response.status}`);
}

/** GET /api/boards/:id/export/:format, the whole file in memory (exports are a few MiB at most). */
export async function downloadExport(request: Request, choice: ExportChoice): Promise<DownloadedExport> {
  const response = await send(request, exportPath(request.boardId, choice), { method: 'GET' });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const applied = response.headers.get(SENSITIVITY_HEADER);
  return { blob, maxSensitivity: SENSITIVITIES.find((level) => level === applied) };
}

const CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isCounts(value: unknown): value is { items: number; links: number } {
  return typeof value === 'object' && value !== null && 'items' in value && 'links' in value && isCount(value.items) && isCount(value.links);
}

export function isImportResult(value: unknown): value is ImportResult {
  return isCounts(value) && 'skipped' in value && 'renamed' in value && isCounts(value.skipped) && isCounts(value.renamed);
}

/** POST /api/boards/:id/import with the file's text as read (the server checks it again, whole). */
export async function postImport(request: Request, format: ImportFormat, text: string): Promise<ImportResult> {
  const response = await send(request, `/api/boards/${encodeURIComponent(request.boardId)}/import`, {
    method: 'POST',
    headers: { 'content-type': CONTENT_TYPES[format], accept: 'application/json' },
    body: text,
  });
  if (!response.ok) throw await failure(response);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!isImportResult(body)) throw new ApiError('unexpected', response.status, undefined, 'unexpected response body');
  return body;
}

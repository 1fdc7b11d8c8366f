// Export through a running server: GET /api/boards/:id/export/:format with the token in the
// Authorization header (never in the URL, which proxies log). The body is handed on as a stream,
// so a large PNG or PDF never sits whole in this process. A 4xx/5xx becomes ExportFailed with
// the server's own message (the contract's `{"error": {"code", "message"}}`).
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Sensitivity } from '@interlink/model';
import type { ExportCommand, ExportSource } from './args.js';
import { ExportFailed, messageOf } from './errors.js';

export interface ServerExport {
  readonly body: Readable;
  /** What the server applied (its `x-interlink-max-sensitivity` header), when it says. */
  readonly appliedSensitivity: string | undefined;
}

/** The export's URL under `base`, keeping a path prefix (a server behind a proxy at /interlink/). */
export function exportUrl(base: URL, command: Pick<ExportCommand, 'board' | 'format' | 'maxSensitivity' | 'layout'>): URL {
  const root = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const url = new URL(`api/boards/${encodeURIComponent(command.board)}/export/${encodeURIComponent(command.format)}`, root);
  const query: Record<string, string | number | undefined> = { maxSensitivity: command.maxSensitivity, ...command.layout };
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url;
}

/** Loopback needs no TLS; anywhere else, plain http shows the token to whoever is on the path. */
export function sendsTokenInClear(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return url.protocol === 'http:' && !loopback;
}

/** The contract's error message from a failed answer, or what the body says when it is not that shape. */
async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error: unknown = body.error;
      if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
        const code = 'code' in error && typeof error.code === 'string' ? `, ${error.code}` : '';
        return `${error.message} (HTTP ${response.status}${code})`;
      }
    }
  } catch {
    // Not JSON: a proxy's page, or something that is not an Interlink server.
  }
  const excerpt = text.trim().slice(0, 200);
  return `HTTP ${response.status} ${response.statusText}${excerpt ? `: ${excerpt}` : ''}`;
}

export type ServerSource = Extract<ExportSource, { readonly kind: 'server' }>;

export async function exportFromServer(command: ExportCommand, source: ServerSource): Promise<ServerExport> {
  const url = exportUrl(source.url, command);
  let response: Response;
  try {
    // Redirects are not followed: the token would go along to wherever the answer points.
    response = await fetch(url, { headers: { authorization: `Bearer ${source.token}` }, redirect: 'manual' });
  } catch (error) {
    // fetch hides the reason (ECONNREFUSED, ENOTFOUND...) in `cause`.
    const cause = error instanceof Error && error.cause !== undefined ? `: ${messageOf(error.cause)}` : '';
    throw new ExportFailed(`cannot reach ${source.url.origin}${cause}`);
  }
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    throw new ExportFailed(`the server redirected (HTTP ${response.status}${location ? ` to ${location}` : ''}); give --server the address it redirects to`);
  }
  if (!response.ok) throw new ExportFailed(await errorMessage(response));
  if (!response.body) throw new ExportFailed(`the server answered ${response.status} with no body`);
  return {
    // The DOM and node typings name the same web stream differently.
    body: Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>),
    appliedSensitivity: response.headers.get('x-interlink-max-sensitivity') ?? undefined,
  };
}

/** A note when the server applied less than was asked for (confidential without a facilitator's token). */
export function sensitivityNote(asked: Sensitivity | undefined, applied: string | undefined): string | undefined {
  if (asked === undefined || applied === undefined || asked === applied) return undefined;
  return `the server applied --max-sensitivity ${applied}, not ${asked}: confidential cards need a facilitator's token`;
}

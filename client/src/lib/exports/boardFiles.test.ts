import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { downloadExport, postImport, type Fetch } from './boardFiles.js';
import { DEFAULT_EXPORT_CHOICE } from './exportOptions.js';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

/** A fetch that records its calls and answers `response`. */
function fakeFetch(response: () => Response): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return response();
    },
  };
}

const errorBody = (status: number, message: string): Response =>
  new Response(JSON.stringify({ error: { code: 'invalid_request', message } }), { status, headers: { 'content-type': 'application/json' } });

describe('downloadExport', () => {
  it('sends the token as a header, not in the URL, and reads what the server applied', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('{"schema":1}', { headers: { 'x-interlink-max-sensitivity': 'restricted' } }));
    const file = await downloadExport({ boardId: 'b1', token: 'secret', fetch }, { ...DEFAULT_EXPORT_CHOICE, format: 'json', maxSensitivity: 'confidential' });
    expect(calls[0]?.url).toBe('/api/boards/b1/export/json?maxSensitivity=confidential');
    expect(calls[0]?.url).not.toContain('secret');
    expect(calls[0]?.init.headers).toEqual({ authorization: 'Bearer secret' });
    expect(await file.blob.text()).toBe('{"schema":1}');
    expect(file.maxSensitivity).toBe('restricted');
  });

  it('fails with the server’s own message', async () => {
    const { fetch } = fakeFetch(() => errorBody(400, 'querystring/scale must be from 0.25 to 4'));
    const failure = downloadExport({ boardId: 'b1', token: 't', fetch }, DEFAULT_EXPORT_CHOICE);
    await expect(failure).rejects.toMatchObject({ kind: 'server', status: 400, message: 'querystring/scale must be from 0.25 to 4' });
  });

  it('tells a network failure from a cancel', async () => {
    const network: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(downloadExport({ boardId: 'b', token: 't', fetch: network }, DEFAULT_EXPORT_CHOICE)).rejects.toMatchObject({ kind: 'network' });

    const controller = new AbortController();
    controller.abort();
    const aborted: Fetch = async () => {
      throw new DOMException('aborted', 'AbortError');
    };
    const cancelled = downloadExport({ boardId: 'b', token: 't', fetch: aborted, signal: controller.signal }, DEFAULT_EXPORT_CHOICE);
    await expect(cancelled).rejects.not.toBeInstanceOf(ApiError);
  });
});

describe('postImport', () => {
  it('posts the text as read, typed by its format, and returns the server’s counts', async () => {
    const answer = { items: 2, links: 1, skipped: { items: 1, links: 0 }, renamed: { items: 0, links: 0 } };
    const { fetch, calls } = fakeFetch(() => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }));
    expect(await postImport({ boardId: 'b1', token: 'f', fetch }, 'csv', 'kind,text\r\n')).toEqual(answer);
    expect(calls[0]).toMatchObject({
      url: '/api/boards/b1/import',
      init: { method: 'POST', body: 'kind,text\r\n', headers: { authorization: 'Bearer f', 'content-type': 'text/csv; charset=utf-8' } },
    });
  });

  it('fails with the server’s words, or says the answer was not understood', async () => {
    const refused = fakeFetch(() => errorBody(400, 'items[0].x must be a finite number'));
    await expect(postImport({ boardId: 'b', token: 'f', fetch: refused.fetch }, 'json', '{}')).rejects.toMatchObject({ kind: 'server', message: 'items[0].x must be a finite number' });
    const odd = fakeFetch(() => new Response('{"items":"all"}'));
    await expect(postImport({ boardId: 'b', token: 'f', fetch: odd.fetch }, 'json', '{}')).rejects.toMatchObject({ kind: 'unexpected' });
  });
});

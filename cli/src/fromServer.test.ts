// The HTTP side of the CLI against a small stand-in server: the request it makes (token in the
// header only, options as query parameters, a path prefix kept) and what it makes of each answer.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportCommand } from './args.js';
import { ExportFailed } from './errors.js';
import { exportFromServer, exportUrl, sendsTokenInClear, sensitivityNote } from './fromServer.js';

const command = (board: string, overrides: Partial<ExportCommand> = {}): ExportCommand => ({
  board,
  format: 'md',
  out: '-',
  maxSensitivity: undefined,
  layout: {},
  source: { kind: 'data-dir', dir: '' },
  ...overrides,
});

describe('exportFromServer', () => {
  let server: Server;
  let base: URL;
  const seen: Array<{ url: string; authorization: string | undefined }> = [];

  /** Answers by board id, as an Interlink server (or something in front of it) might. */
  function answer(request: IncomingMessage, response: ServerResponse): void {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const board = /\/api\/boards\/([^/]+)\/export\//.exec(request.url ?? '')?.[1];
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    switch (board) {
      case 'ok':
        response.writeHead(200, { 'content-type': 'text/markdown', 'x-interlink-max-sensitivity': 'restricted' });
        response.write('# Board\n');
        response.end('more\n');
        return;
      case 'locked':
        json(401, { error: { code: 'unauthorized', message: 'a valid token for this board is required' } });
        return;
      case 'moved':
        response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
        return;
      default:
        response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    }
  }

  beforeAll(async () => {
    server = createServer(answer).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`);
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('streams the body, sends the token as a bearer header only, and keeps the path prefix', async () => {
    const result = await exportFromServer(command('ok', { maxSensitivity: 'confidential' }), { kind: 'server', url: base, token: 's3cret' });
    expect(await text(result.body)).toBe('# Board\nmore\n');
    expect(result.appliedSensitivity).toBe('restricted');
    expect(seen.at(-1)).toEqual({ url: '/prefix/api/boards/ok/export/md?maxSensitivity=confidential', authorization: 'Bearer s3cret' });
  });

  it('fails with the contract error message and status', async () => {
    await expect(exportFromServer(command('locked'), { kind: 'server', url: base, token: 't' })).rejects.toThrow(
      new ExportFailed('a valid token for this board is required (HTTP 401, unauthorized)'),
    );
  });

  it('does not follow a redirect (the token would go along), and says where it points', async () => {
    await expect(exportFromServer(command('moved'), { kind: 'server', url: base, token: 't' })).rejects.toThrow(/redirected \(HTTP 302 to https:\/\/elsewhere\.example\/\)/);
  });

  it('shows what a body that is not the contract error says', async () => {
    await expect(exportFromServer(command('proxy'), { kind: 'server', url: base, token: 't' })).rejects.toThrow('HTTP 502 Bad Gateway: <h1>Bad gateway</h1>');
  });

  it('names the address it cannot reach, and why', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(exportFromServer(command('ok'), { kind: 'server', url: new URL(`http://127.0.0.1:${port}`), token: 't' })).rejects.toThrow(
      new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
  });
});

describe('the server request', () => {
  it('builds the export URL under the server address, with only the options given', () => {
    const base = { board: 'a/b c', format: 'report.pdf' as const, maxSensitivity: undefined, layout: {} };
    expect(exportUrl(new URL('http://127.0.0.1:3000'), base).href).toBe('http://127.0.0.1:3000/api/boards/a%2Fb%20c/export/report.pdf');
    expect(exportUrl(new URL('https://example.org/interlink/'), { ...base, board: 'b1', format: 'pdf', maxSensitivity: 'public', layout: { page: 'a3', fit: 'tiles' } }).href).toBe(
      'https://example.org/interlink/api/boards/b1/export/pdf?maxSensitivity=public&page=a3&fit=tiles',
    );
  });

  it('warns about a token sent in clear only off loopback', () => {
    expect(sendsTokenInClear(new URL('http://127.0.0.1:3000'))).toBe(false);
    expect(sendsTokenInClear(new URL('http://localhost:3000'))).toBe(false);
    expect(sendsTokenInClear(new URL('http://[::1]:3000'))).toBe(false);
    expect(sendsTokenInClear(new URL('https://workshop.example.org'))).toBe(false);
    expect(sendsTokenInClear(new URL('http://192.168.1.20:3000'))).toBe(true);
  });

  it('notes a sensitivity the server lowered', () => {
    expect(sensitivityNote('confidential', 'restricted')).toMatch(/facilitator's token/);
    expect(sensitivityNote('confidential', 'confidential')).toBeUndefined();
    expect(sensitivityNote(undefined, 'restricted')).toBeUndefined();
  });
});

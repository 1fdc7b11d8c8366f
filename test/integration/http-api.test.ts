// The HTTP API of CONTRACT.md sections 1-2 against the real server: creating boards, reading
// them with each role's token, every error in the contract's shape, CREATE_KEY, /healthz, and
// tokens kept out of the logs.
import { ROLES, boardPath, type CreatedBoard } from '@interlink/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { expectApiError, isRecord, request } from '../support/http.js';
import { openRaw, within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,}$/;

/** A token of the right shape that no board issued. */
const strangerToken = (): string => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

function parsedLogs(server: RunningServer): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  for (const line of server.logs) {
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) lines.push(value);
    } catch {
      // not JSON: checked separately
    }
  }
  return lines;
}

describe('HTTP API', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;
  let other: CreatedBoard;
  /** Every token this file shows the server, valid or not: none may reach a log line. */
  const shownTokens: string[] = [];

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Flood response, Sahel');
    other = await server.createBoard('Another board');
    for (const created of [board, other]) shownTokens.push(...ROLES.map((role) => created.tokens[role]));
  });
  afterAll(() => resources.dispose());

  it('GET /healthz answers 200 {"ok":true}', async () => {
    const response = await request(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
  });

  it('POST /api/boards answers 201 with id, title, three distinct random tokens and share links', async () => {
    const response = await request(`${server.url}/api/boards`, { body: { title: 'Drought, Horn of Africa' } });
    expect(response.status).toBe(201);
    expect(response.contentType).toMatch(/application\/json/);
    const body = response.body;
    if (!isRecord(body) || !isRecord(body.tokens) || !isRecord(body.links)) throw new Error(`unexpected body ${response.text}`);
    expect(Object.keys(body).sort()).toEqual(['id', 'links', 'title', 'tokens']);
    expect(body.title).toBe('Drought, Horn of Africa');
    expect(typeof body.id).toBe('string');
    const id = String(body.id);
    expect(id.length).toBeGreaterThan(0);
    expect(Object.keys(body.tokens).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(body.links).sort()).toEqual([...ROLES].sort());
    const tokens: string[] = [];
    for (const role of ROLES) {
      const token = body.tokens[role];
      const link = body.links[role];
      if (typeof token !== 'string' || typeof link !== 'string') throw new Error(`${role}: token and link must be strings`);
      shownTokens.push(token);
      // >= 22 base64url characters: at least 128 bits, if the characters are random.
      expect(token).toMatch(TOKEN_PATTERN);
      tokens.push(token);
      // A share link is a path on this server that opens the board with that role's token.
      expect(link.startsWith('/')).toBe(true);
      const parsed = new URL(link, server.url);
      expect(parsed.origin).toBe(server.url);
      expect(parsed.pathname).toBe(boardPath(id));
      expect(parsed.searchParams.get('token')).toBe(token);
    }
    const everyToken = [...tokens, ...ROLES.map((role) => board.tokens[role]), ...ROLES.map((role) => other.tokens[role])];
    expect(new Set(everyToken).size).toBe(everyToken.length);
    // The tokens of one board share no long prefix (they are independently random).
    const [a, b] = tokens;
    expect(a?.slice(0, 8)).not.toBe(b?.slice(0, 8));
    // The board exists and answers its own title.
    const info = await request(`${server.url}/api/boards/${encodeURIComponent(id)}`, { token: tokens[0] });
    expect(info.body).toEqual({ id, title: 'Drought, Horn of Africa', role: 'facilitator' });
  });

  it('GET /api/boards/:id answers the role of each token, as a bearer header or ?token=', async () => {
    for (const role of ROLES) {
      const viaHeader = await request(`${server.url}/api/boards/${board.id}`, { token: board.tokens[role] });
      expect(viaHeader.status).toBe(200);
      expect(viaHeader.body).toEqual({ id: board.id, title: 'Flood response, Sahel', role });
      const viaQuery = await request(`${server.url}/api/boards/${board.id}?token=${encodeURIComponent(board.tokens[role])}`);
      expect(viaQuery.status).toBe(200);
      expect(viaQuery.body).toEqual({ id: board.id, title: 'Flood response, Sahel', role });
    }
  });

  it('a wrong or missing token gets 401 in the error shape', async () => {
    const url = `${server.url}/api/boards/${board.id}`;
    const wrong = strangerToken();
    shownTokens.push(wrong);
    expectApiError(await request(url, { token: wrong }), 401);
    expectApiError(await request(`${url}?token=${wrong}`), 401);
    expectApiError(await request(url), 401);
    expectApiError(await request(url, { authorization: 'Bearer ' }), 401);
    expectApiError(await request(url, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), 401);
    // A token is valid for its own board only.
    expectApiError(await request(url, { token: other.tokens.facilitator }), 401);
    // Almost right is wrong.
    const right = board.tokens.facilitator;
    expectApiError(await request(url, { token: `${right.slice(0, -1)}${right.endsWith('A') ? 'B' : 'A'}` }), 401);
  });

  it('an unknown board gets 404 in the error shape', async () => {
    expectApiError(await request(`${server.url}/api/boards/noSuchBoard123`, { token: board.tokens.facilitator }), 404);
    expectApiError(await request(`${server.url}/api/boards/noSuchBoard123`, { token: strangerToken() }), 404);
  });

  it('a body that does not validate gets 400 naming the field', async () => {
    const url = `${server.url}/api/boards`;
    const invalid: unknown[] = [{}, { title: 42 }, { title: true }, { title: null }, { title: ['a'] }, { title: { text: 'a' } }, { name: 'no title' }];
    // Checked all together, so that one report lists every body the server got wrong.
    const outcomes: Array<{ body: string; status: number; namesTitle: boolean }> = [];
    for (const body of invalid) {
      const response = await request(url, { body });
      const message = isRecord(response.body) && isRecord(response.body.error) ? String(response.body.error.message) : response.text;
      outcomes.push({ body: JSON.stringify(body), status: response.status, namesTitle: /title/i.test(message) });
      if (response.status === 400) expectApiError(response, 400);
    }
    expect(outcomes).toEqual(invalid.map((body) => ({ body: JSON.stringify(body), status: 400, namesTitle: true })));
    expectApiError(await request(url, { body: '{"title": ' }), 400);
    expectApiError(await request(url, { body: '[]' }), 400);
  });

  it('other errors keep the shape: unknown API route', async () => {
    expectApiError(await request(`${server.url}/api/no-such-route`), 404);
  });

  it('logs one line per WebSocket connection open and close, with board, role and code', async () => {
    const client = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(client.provider);
    client.destroy();
    await eventually(
      () => parsedLogs(server).some((line) => line.msg === 'connection closed' && line.board === board.id && line.role === 'participant'),
      'a "connection closed" log line for the participant',
    );
    const logs = parsedLogs(server);
    const opened = logs.filter((line) => line.board === board.id && line.role === 'participant' && /open/i.test(String(line.msg)));
    expect(opened).toHaveLength(1);
    const closed = logs.filter((line) => line.board === board.id && line.role === 'participant' && /clos/i.test(String(line.msg)));
    expect(closed).toHaveLength(1);
    expect(typeof closed[0]?.code).toBe('number');

    // A refused connection is logged too, with its close code.
    const refused = resources.raw(openRaw(server.wsUrl, board.id, strangerToken()));
    const info = await within(refused.closed, 10_000, 'close of a refused connection');
    expect(info.code).toBe(4401);
    await eventually(
      () => parsedLogs(server).some((line) => line.board === board.id && line.code === 4401),
      'a log line with close code 4401',
    );
  });

  it('no token ever appears in the logs, not even through URLs', async () => {
    // Make sure every kind of request above has been logged, then check every line.
    const client = resources.client(stockClient(server.wsUrl, other.id, other.tokens.observer));
    await waitForSynced(client.provider);
    const bad = strangerToken();
    shownTokens.push(bad);
    const refused = resources.raw(openRaw(server.wsUrl, other.id, bad));
    await within(refused.closed, 10_000, 'close of a refused connection');
    client.destroy();
    await eventually(
      () => parsedLogs(server).some((line) => line.board === other.id && line.role === 'observer' && /clos/i.test(String(line.msg))),
      'the observer connection close logged',
    );
    expect(server.logs.length).toBeGreaterThan(10);
    const everything = [...server.logs, server.stderr()].join('\n');
    for (const token of shownTokens) {
      expect(everything.includes(token), `a token appears in the logs`).toBe(false);
      // Nor URL-encoded, nor a long slice of it.
      expect(everything.includes(encodeURIComponent(token))).toBe(false);
      expect(everything.includes(token.slice(0, 16))).toBe(false);
    }
    // Every stdout line is pino JSON.
    for (const line of server.logs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
  });
});

describe('CREATE_KEY', () => {
  const resources = new Resources();
  const createKey = 'workshop-key-7f3a9c1e5b2d4f60a8c1';
  let server: RunningServer;

  beforeAll(async () => {
    server = resources.server(await startServer({ env: { CREATE_KEY: createKey } }));
  });
  afterAll(() => resources.dispose());

  it('POST /api/boards without the key gets 401; with the right bearer 201', async () => {
    const url = `${server.url}/api/boards`;
    expectApiError(await request(url, { body: { title: 'x' } }), 401);
    expectApiError(await request(url, { body: { title: 'x' }, token: 'not-the-key' }), 401);
    expectApiError(await request(url, { body: { title: 'x' }, token: `${createKey}x` }), 401);
    expectApiError(await request(url, { body: { title: 'x' }, authorization: createKey }), 401);
    const created = await request(url, { body: { title: 'Keyed board' }, token: createKey });
    expect(created.status).toBe(201);
    expect(isRecord(created.body) && created.body.title).toBe('Keyed board');
    // The key is for creating boards; reading one still takes a role token.
    const id = isRecord(created.body) ? String(created.body.id) : '';
    expectApiError(await request(`${server.url}/api/boards/${id}`, { token: createKey }), 401);
  });

  it('/healthz needs no key', async () => {
    const response = await request(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
  });

  it('the key never appears in the logs', () => {
    expect([...server.logs, server.stderr()].join('\n').includes(createKey)).toBe(false);
  });
});

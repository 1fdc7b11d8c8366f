// Member identities (CONTRACT.md section 6) against the real server: `POST /api/boards/:id/members`
// turns any token of a board into a personal token with the same role, usable wherever a role
// token is (HTTP and the WebSocket); bad requests change nothing; the name is checked and never
// kept; the member cap holds under concurrent requests; and all of it on SQLite and, in
// scale-out mode, on PostgreSQL across nodes and restarts.
import { ROLES, isMemberCreated, type CreatedBoard, type MemberCreated, type Role } from '@interlink/protocol';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, itemTexts } from '../support/board.js';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { expectApiError, request } from '../support/http.js';
import { Resources } from '../support/resources.js';
import { roundTrip } from '../support/roundTrip.js';
import { startServer, type RunningServer } from '../support/server.js';
import { startPostgres, startRedis, type RunningPostgres, type RunningService } from '../support/services.js';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** 96 bits or more, base64url. */
const MEMBER_ID_PATTERN = /^[A-Za-z0-9_-]{16,}$/;

const membersUrl = (server: RunningServer, boardId: string): string => `${server.url}/api/boards/${encodeURIComponent(boardId)}/members`;

async function createMember(server: RunningServer, boardId: string, token: string, body: unknown = {}): Promise<MemberCreated> {
  const response = await request(membersUrl(server, boardId), { token, body });
  expect(response.status, response.text).toBe(201);
  if (!isMemberCreated(response.body)) throw new Error(`not a member: ${response.text}`);
  return response.body;
}

/** Statuses of `count` member requests sent at once, spread over the given servers. */
async function concurrentStatuses(servers: readonly RunningServer[], board: CreatedBoard, count: number): Promise<number[]> {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) => request(membersUrl(servers[i % servers.length]!, board.id), { token: board.tokens.participant, body: {} })),
  );
  for (const response of responses) if (response.status !== 201) expect(expectApiError(response, 409).code).toBe('too_many_members');
  return responses.map((response) => response.status);
}

describe('members (SQLite)', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;
  let other: CreatedBoard;

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Members board');
    other = await server.createBoard('Another board');
  });
  afterAll(() => resources.dispose());

  it('answers 201 {memberId, token, role} with the role of the token used, and a member token may create another', async () => {
    for (const role of ROLES) {
      const response = await request(membersUrl(server, board.id), { token: board.tokens[role], body: { name: 'Amina' } });
      expect(response.status, response.text).toBe(201);
      expect(response.contentType).toMatch(/application\/json/);
      expect(response.body).toEqual({ memberId: expect.stringMatching(MEMBER_ID_PATTERN), token: expect.stringMatching(TOKEN_PATTERN), role });
      if (!isMemberCreated(response.body)) throw new Error('not a member');
      const again = await createMember(server, board.id, response.body.token);
      expect(again.role).toBe(role);
      expect(again.memberId).not.toBe(response.body.memberId);
    }
  });

  it('gives two members different ids and tokens, none equal to a role token; anonymous and named alike', async () => {
    const a = await createMember(server, board.id, board.tokens.participant);
    const b = await createMember(server, board.id, board.tokens.participant, { name: 'Same Name' });
    const c = await createMember(server, board.id, board.tokens.participant, { name: 'Same Name' });
    expect(new Set([a.memberId, b.memberId, c.memberId]).size).toBe(3);
    const tokens = [a.token, b.token, c.token, ...ROLES.map((role) => board.tokens[role])];
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('a member token reads the board (with its memberId) and exports it, by header or ?token=', async () => {
    const member = await createMember(server, board.id, board.tokens.observer, { name: 'Reader' });
    const info = await request(`${server.url}/api/boards/${board.id}`, { token: member.token });
    expect(info.body).toEqual({ id: board.id, title: 'Members board', role: 'observer', memberId: member.memberId });
    const viaQuery = await request(`${server.url}/api/boards/${board.id}?token=${encodeURIComponent(member.token)}`);
    expect(viaQuery.body).toEqual({ id: board.id, title: 'Members board', role: 'observer', memberId: member.memberId });
    // A role token's answer stays as section 2 has it: no memberId.
    expect((await request(`${server.url}/api/boards/${board.id}`, { token: board.tokens.observer })).body).toEqual({
      id: board.id,
      title: 'Members board',
      role: 'observer',
    });
    const exported = await request(`${server.url}/api/boards/${board.id}/export/json`, { token: member.token });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body).toMatchObject({ schema: 1, title: 'Members board' });
    const csv = await fetch(`${server.url}/api/boards/${board.id}/export/items.csv?token=${encodeURIComponent(member.token)}`);
    expect(csv.status).toBe(200);
  });

  it('lets no browser or proxy keep an API answer: tokens, titles and errors alike are no-store', async () => {
    const answers = [
      await fetch(`${server.url}/api/boards/${board.id}/members`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.participant}`, 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.participant}` } }),
      await fetch(`${server.url}/api/boards/${board.id}`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([201, 200, 401]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('a member token has its role’s rights: a participant member may not import (403), a facilitator member may', async () => {
    const exported = await request(`${server.url}/api/boards/${board.id}/export/json`, { token: board.tokens.facilitator });
    const participant = await createMember(server, board.id, board.tokens.participant);
    const refused = await request(`${server.url}/api/boards/${board.id}/import`, { token: participant.token, body: exported.text });
    expect(expectApiError(refused, 403).code).toBe('forbidden');
    const facilitator = await createMember(server, board.id, board.tokens.facilitator);
    const imported = await request(`${server.url}/api/boards/${board.id}/import`, { token: facilitator.token, body: exported.text });
    expect(imported.status, imported.text).toBe(200);
  });

  it('a member token syncs with the stock client: its edits are relayed and it receives everyone’s', async () => {
    const member = await createMember(server, board.id, board.tokens.participant, { name: 'Remote' });
    const memberClient = resources.client(stockClient(server.wsUrl, board.id, member.token));
    const facilitator = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    await Promise.all([waitForSynced(memberClient.provider), waitForSynced(facilitator.provider)]);
    const fromMember = addNote(memberClient.doc, 'written by a member');
    await eventually(() => itemTexts(facilitator.doc).get(fromMember) === 'written by a member', 'the facilitator gets the member’s card');
    const fromFacilitator = addNote(facilitator.doc, 'written by the facilitator');
    await eventually(() => itemTexts(memberClient.doc).get(fromFacilitator) === 'written by the facilitator', 'the member gets the facilitator’s card');
  });

  it('an observer member’s edits are never applied or relayed', async () => {
    const member = await createMember(server, board.id, board.tokens.observer);
    const observer = resources.client(stockClient(server.wsUrl, board.id, member.token));
    const participant = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await Promise.all([waitForSynced(observer.provider), waitForSynced(participant.provider)]);
    const sneaky = addNote(observer.doc, 'observer member was here');
    await roundTrip(observer);
    const after = addNote(participant.doc, 'after the observer member wrote');
    await eventually(() => itemTexts(observer.doc).get(after) !== undefined, 'the observer member receives the participant’s card');
    expect(itemTexts(participant.doc).has(sneaky)).toBe(false);
    const fresh = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    await waitForSynced(fresh.provider);
    await eventually(() => itemTexts(fresh.doc).has(after), 'a fresh client has the board');
    expect(itemTexts(fresh.doc).has(sneaky)).toBe(false);
  });

  it('refuses a bad name with 400 naming `name`, and other bad bodies with 400', async () => {
    const badNames: unknown[] = [42, null, true, ['Amina'], { first: 'Amina' }, '', '   ', '\t\n ', 'x'.repeat(61), '🙂'.repeat(61)];
    const outcomes = [];
    for (const name of badNames) {
      const response = await request(membersUrl(server, board.id), { token: board.tokens.participant, body: { name } });
      const { message } = response.status === 400 ? expectApiError(response, 400) : { message: '' };
      outcomes.push({ name: JSON.stringify(name), status: response.status, namesField: /\bname\b/.test(message) });
    }
    expect(outcomes).toEqual(badNames.map((name) => ({ name: JSON.stringify(name), status: 400, namesField: true })));
    for (const body of ['[]', '"Amina"', '{"name": ']) {
      expectApiError(await request(membersUrl(server, board.id), { token: board.tokens.participant, body }), 400);
    }
    // Sixty characters, counted as people see them, and whitespace that collapses, are fine.
    await createMember(server, board.id, board.tokens.participant, { name: 'x'.repeat(60) });
    await createMember(server, board.id, board.tokens.participant, { name: '🙂'.repeat(60) });
    await createMember(server, board.id, board.tokens.participant, { name: `  Amina${' '.repeat(80)}Diallo  ` });
  });

  it('answers 401 for a missing or wrong token (another board’s member token too), 404 for an unknown board', async () => {
    const url = membersUrl(server, board.id);
    expectApiError(await request(url, { body: {} }), 401);
    expectApiError(await request(url, { token: 'not-a-token', body: {} }), 401);
    expectApiError(await request(url, { token: other.tokens.facilitator, body: {} }), 401);
    const otherMember = await createMember(server, other.id, other.tokens.facilitator);
    expectApiError(await request(url, { token: otherMember.token, body: {} }), 401);
    expectApiError(await request(`${server.url}/api/boards/${board.id}`, { token: otherMember.token }), 401);
    expect(expectApiError(await request(membersUrl(server, 'noSuchBoard123'), { token: board.tokens.facilitator, body: {} }), 404).code).toBe('board_not_found');
  });

  it('keeps no name on disk and writes neither name nor token to the log', async () => {
    const name = 'Zuleika Unforgettable-Name';
    const member = await createMember(server, board.id, board.tokens.participant, { name });
    await server.stop();
    const files = ['interlink.db', 'interlink.db-wal'].map((file) => join(server.dataDir, file)).filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(name)), file).toBe(false);
      expect(bytes.includes(Buffer.from(member.token)), file).toBe(false);
    }
    const logs = server.logs.join('\n') + server.stderr();
    expect(logs).not.toContain(name);
    expect(logs).not.toContain(member.token);
    expect(logs).toContain(member.memberId);

    // A member token survives a restart, over HTTP and the WebSocket.
    server = resources.server(await startServer({ dataDir: server.dataDir }));
    const info = await request(`${server.url}/api/boards/${board.id}`, { token: member.token });
    expect(info.body).toEqual({ id: board.id, title: 'Members board', role: 'participant', memberId: member.memberId });
    const client = resources.client(stockClient(server.wsUrl, board.id, member.token));
    const facilitator = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    await Promise.all([waitForSynced(client.provider), waitForSynced(facilitator.provider)]);
    const card = addNote(client.doc, 'after the restart');
    await eventually(() => itemTexts(facilitator.doc).get(card) === 'after the restart', 'the member’s card after the restart');
  });
});

describe('members: the per-board cap (SQLite)', () => {
  const resources = new Resources();
  let server: RunningServer;

  beforeAll(async () => {
    server = resources.server(await startServer({ env: { MAX_MEMBERS_PER_BOARD: '3' } }));
  });
  afterAll(() => resources.dispose());

  it('refused requests take no place; past the cap: 409 too_many_members; other boards are not affected', async () => {
    const board = await server.createBoard('Small board');
    expectApiError(await request(membersUrl(server, board.id), { token: board.tokens.participant, body: { name: 42 } }), 400);
    expectApiError(await request(membersUrl(server, board.id), { token: 'wrong', body: {} }), 401);
    for (let i = 0; i < 3; i++) await createMember(server, board.id, board.tokens.participant);
    const full = expectApiError(await request(membersUrl(server, board.id), { token: board.tokens.facilitator, body: {} }), 409);
    expect(full.code).toBe('too_many_members');
    expect(full.message).toMatch(/3/);
    const another = await server.createBoard('Another small board');
    await createMember(server, another.id, another.tokens.observer);
  });

  it('holds under concurrent requests', async () => {
    const board = await server.createBoard('Rushed board');
    const statuses = await concurrentStatuses([server], board, 12);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
  });
});

describe('members (scale-out: PostgreSQL and Redis)', () => {
  const nodes = new Resources();
  let postgres: RunningPostgres | undefined;
  let redis: RunningService | undefined;
  let env: Record<string, string>;
  let nodeA: RunningServer;
  let nodeB: RunningServer;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    env = { REDIS_URL: redis.url, DATABASE_URL: postgres.url, MAX_MEMBERS_PER_BOARD: '5' };
    // Started together: both create the schema, members table included, at the same moment.
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    nodeA = nodes.server(a);
    nodeB = nodes.server(b);
  });
  afterAll(async () => {
    await nodes.dispose();
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
  });

  it('a member created on one node is known on the other, over HTTP and the WebSocket, and after a restart', async () => {
    const board = await nodeA.createBoard('Shared board');
    const roles: Role[] = ['participant', 'observer'];
    const members = await Promise.all(roles.map((role) => createMember(nodeA, board.id, board.tokens[role], { name: 'Amina' })));
    for (const [i, member] of members.entries()) {
      expect((await request(`${nodeB.url}/api/boards/${board.id}`, { token: member.token })).body).toEqual({
        id: board.id,
        title: 'Shared board',
        role: roles[i],
        memberId: member.memberId,
      });
    }
    expect(postgres?.sql(`SELECT role FROM members WHERE board_id = '${board.id}' ORDER BY role`)).toBe('observer\nparticipant');
    expect(postgres?.sql("SELECT count(*) FROM members WHERE token_hash IS NOT NULL AND created_at > 0")).not.toBe('0');

    await nodeB.stop();
    nodeB = nodes.server(await startServer({ env }));
    const [participant] = members;
    if (!participant) throw new Error('no member');
    const client = stockClient(nodeB.wsUrl, board.id, participant.token);
    const facilitator = stockClient(nodeA.wsUrl, board.id, board.tokens.facilitator);
    try {
      await Promise.all([waitForSynced(client.provider), waitForSynced(facilitator.provider)]);
      const card = addNote(client.doc, 'member on node B');
      await eventually(() => itemTexts(facilitator.doc).get(card) === 'member on node B', 'the member’s card reaches node A');
    } finally {
      client.destroy();
      facilitator.destroy();
    }
  });

  it('the cap holds when two nodes add members to one board at once', async () => {
    const board = await nodeA.createBoard('Rushed shared board');
    const statuses = await concurrentStatuses([nodeA, nodeB], board, 20);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(postgres?.sql(`SELECT count(*) FROM members WHERE board_id = '${board.id}'`)).toBe('5');
  });
});

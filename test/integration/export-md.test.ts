// The analysis report through the real server: a stock y-websocket client writes a small
// workshop board, then `GET /api/boards/:id/export/md` answers with every section, the card
// texts verbatim, the loop and the gaps found, and the sensitivity rules of CONTRACT.md 5.
import { addItem, linkItems, type ItemId, type NewItem } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { expectApiError, request } from '../support/http.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const SECTIONS = [
  'Summary',
  'Threats by dimension',
  'Interlinkages and loops',
  'Most connected threats',
  'Responses',
  'Gaps',
  'Early-warning indicators',
  'Problems found',
];

/** The workshop: a reinforcing 3-loop of threats, a response with its actor, a secret and a problem. */
function writeWorkshop(doc: Y.Doc): void {
  const add = (item: NewItem): ItemId => addItem(doc, item);
  const drought = add({ kind: 'threat', x: 0, y: 0, text: 'Drought & crop failure', dimensions: ['food', 'environmental'], severity: 5, likelihood: 4 });
  const prices = add({ kind: 'threat', x: 300, y: 0, text: 'Food prices *double*', dimensions: ['economic'], severity: 4, likelihood: 3 });
  const migration = add({ kind: 'threat', x: 150, y: 250, text: 'Forced migration to the city', dimensions: ['personal', 'community'] });
  const lonely = add({ kind: 'threat', x: 600, y: 0, text: 'Cholera outbreak', dimensions: ['health'], severity: 9 });
  const rootCause = add({ kind: 'root-cause', x: -300, y: 0, text: 'Deforestation upstream' });
  linkItems(doc, { kind: 'amplifies', from: drought, to: prices });
  linkItems(doc, { kind: 'amplifies', from: prices, to: migration });
  linkItems(doc, { kind: 'amplifies', from: migration, to: drought });
  linkItems(doc, { kind: 'causes', from: rootCause, to: drought });
  const wells = add({ kind: 'response', x: 0, y: 500, text: 'Community-run wells', strategy: 'empowerment', phase: 'prevention' });
  const council = add({ kind: 'actor', x: 0, y: 700, text: 'Village water council', level: 'local', sector: 'community' });
  linkItems(doc, { kind: 'addresses', from: wells, to: drought });
  linkItems(doc, { kind: 'responsible', from: council, to: wells });
  const secret = add({ kind: 'actor', x: 300, y: 700, text: 'Informant in the militia', level: 'local', sensitivity: 'confidential' });
  linkItems(doc, { kind: 'relates', from: secret, to: migration });
  add({ kind: 'indicator', x: 600, y: 300, text: 'Rainfall below 60% of normal', threshold: '60%' });
  // A link between the wrong kinds: the report lists it as a problem.
  linkItems(doc, { kind: 'responsible', from: lonely, to: wells });
}

describe('GET /api/boards/:id/export/md', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Flood & drought workshop');
    const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(writer.provider);
    writeWorkshop(writer.doc);
    // The export reads what the server has: wait until a second client sees every card.
    const reader = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(reader.provider);
    await eventually(() => reader.doc.getMap('items').size === 9 && reader.doc.getMap('links').size === 8, 'the reader has the board');
  });
  afterAll(() => resources.dispose());

  const exportUrl = (query = ''): string => `${server.url}/api/boards/${board.id}/export/md${query}`;

  it('answers Markdown with every section as a heading, in order', async () => {
    const response = await request(exportUrl(), { token: board.tokens.participant });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/markdown; charset=utf-8');
    const headings = response.text.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
    expect(headings).toEqual(SECTIONS);
    expect(response.text.split('\n')[0]).toBe('# Flood & drought workshop: human security analysis');
  });

  it('finds the loop, the hub, the gaps and the problem, with card texts verbatim', async () => {
    const { text } = await request(exportUrl(), { token: board.tokens.observer });
    expect(text).toContain('Drought & crop failure');
    expect(text).toContain('Food prices \\*double\\*'); // rendered, it reads exactly as typed
    // A loop is listed from its smallest card id, and ids are random: compare it as a cycle.
    const loop = /\*\*Reinforcing loop\*\*: (.*)\n/.exec(text)?.[1]?.split(' → ') ?? [];
    const cycle = ['Drought & crop failure', 'Food prices \\*double\\*', 'Forced migration to the city'];
    const start = cycle.indexOf(loop[0] ?? '');
    expect(start, loop.join(' → ')).toBeGreaterThanOrEqual(0);
    expect(loop).toEqual([...cycle.slice(start), ...cycle.slice(0, start), cycle[start]]);
    const gaps = section(text, 'Gaps');
    expect(gaps).toContain('### Threats no response addresses (3)');
    expect(gaps).toContain('- Cholera outbreak');
    expect(gaps).toContain('### Indicators without a threshold or an action (1)');
    expect(section(text, 'Most connected threats')).toMatch(/\| Drought & crop failure \| 3 \| 2 \| 1 \|/);
    expect(section(text, 'Responses')).toContain('Community-run wells (Prevention): carried by Village water council (Local, Community)');
    const problems = section(text, 'Problems found');
    expect(problems).toContain('severity is out of range');
    expect(problems).toContain('links kinds this link kind does not join');
  });

  it('leaves confidential cards out unless a facilitator asks for them', async () => {
    for (const token of [board.tokens.observer, board.tokens.participant, board.tokens.facilitator]) {
      const { text } = await request(exportUrl(), { token });
      expect(text).not.toContain('Informant');
    }
    // A participant who asks still gets the export, filtered (issue: "a participant who asks still gets it filtered").
    const asked = await fetch(exportUrl('?maxSensitivity=confidential'), { headers: { authorization: `Bearer ${board.tokens.participant}` } });
    expect(asked.status).toBe(200);
    expect(asked.headers.get('x-interlink-max-sensitivity')).toBe('restricted');
    expect(await asked.text()).not.toContain('Informant');
    const everything = await request(exportUrl('?maxSensitivity=confidential'), { token: board.tokens.facilitator });
    expect(everything.status).toBe(200);
    expect(everything.text).toContain('Informant in the militia');
  });

  it('refuses bad requests with the contract’s error shape', async () => {
    expect(expectApiError(await request(exportUrl()), 401).code).toBe('unauthorized');
    expect(expectApiError(await request(exportUrl(), { token: 'wrong' }), 401).code).toBe('unauthorized');
    const badLevel = expectApiError(await request(exportUrl('?maxSensitivity=secret'), { token: board.tokens.facilitator }), 400);
    expect(badLevel.message).toContain('maxSensitivity');
    const unknown = expectApiError(await request(`${server.url}/api/boards/${board.id}/export/docx`, { token: board.tokens.facilitator }), 404);
    expect(unknown.message).toContain('docx');
    expect(expectApiError(await request(`${server.url}/api/boards/nope/export/md`, { token: board.tokens.facilitator }), 404).code).toBe('board_not_found');
  });
});

/** The text of one `## ` section, up to the next. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

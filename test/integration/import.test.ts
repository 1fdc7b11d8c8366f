// POST /api/boards/:id/import through the real server: a board written by a stock y-websocket
// client, exported as json and imported into a new board, exports back equal; people connected
// to the target see the import arrive live, in one update; it is on disk when answered (a kill -9
// right after loses nothing); merging never overwrites; items.csv imports; and every malformed
// import is refused with the field or row at fault, leaving the board exactly as it was.
import { addItem, boardMaps, linkItems, type ItemId, type NewItem } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { expectApiError, isRecord, request, type JsonResponse } from '../support/http.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const TITLE = 'Flood & drought workshop';

function writeBoard(doc: Y.Doc): void {
  const add = (item: NewItem): ItemId => addItem(doc, item);
  const drought = add({ kind: 'threat', x: -120, y: 40, text: 'Drought', dimensions: ['food'], severity: 5, likelihood: 4, author: 'Amina' });
  const prices = add({ kind: 'threat', x: 300, y: 0, text: 'Food prices double', dimensions: ['economic'] });
  const wells = add({ kind: 'response', x: 0, y: 500, text: 'Community-run wells', strategy: 'empowerment', phase: 'prevention' });
  const secret = add({ kind: 'actor', x: 0, y: 700, text: 'Informant', sensitivity: 'confidential' });
  linkItems(doc, { kind: 'amplifies', from: drought, to: prices, polarity: '+' });
  linkItems(doc, { kind: 'addresses', from: wells, to: drought, label: 'mitigates' });
  linkItems(doc, { kind: 'relates', from: secret, to: wells });
  doc.transact(() => {
    boardMaps(doc).items.get(drought)?.set('hazardZone', { river: 'Niger' });
    const future = new Y.Map<unknown>();
    boardMaps(doc).items.set('future-card', future);
    for (const [key, value] of Object.entries({ kind: 'hazard-zone', x: 0, y: 0, w: 10, h: 10, radius: 3 })) future.set(key, value);
    future.set('text', new Y.Text('Flood plain'));
  });
}

interface Export {
  readonly schema: number;
  readonly title: string;
  readonly items: ReadonlyArray<Record<string, unknown>>;
  readonly links: ReadonlyArray<Record<string, unknown>>;
}

function asExport(response: JsonResponse): Export {
  expect(response.status, response.text).toBe(200);
  const body = response.body;
  if (!isRecord(body) || !Array.isArray(body.items) || !Array.isArray(body.links)) throw new Error(`not an export: ${response.text}`);
  return body as unknown as Export;
}

describe('POST /api/boards/:id/import', () => {
  const resources = new Resources();
  let server: RunningServer;
  let source: CreatedBoard;
  /** The source board's complete export, as a facilitator takes it. */
  let exported: Export;
  let exportedText: string;

  const exportUrl = (board: CreatedBoard, format = 'json'): string => `${server.url}/api/boards/${board.id}/export/${format}?maxSensitivity=confidential`;
  const importUrl = (board: CreatedBoard): string => `${server.url}/api/boards/${board.id}/import`;
  const exportOf = async (board: CreatedBoard): Promise<Export> => asExport(await request(exportUrl(board), { token: board.tokens.facilitator }));
  const importInto = (board: CreatedBoard, body: unknown, contentType = 'application/json', token = board.tokens.facilitator): Promise<JsonResponse> =>
    request(importUrl(board), { method: 'POST', token, body, contentType });

  beforeAll(async () => {
    server = resources.server(await startServer());
    source = await server.createBoard(TITLE);
    const writer = resources.client(stockClient(server.wsUrl, source.id, source.tokens.participant));
    await waitForSynced(writer.provider);
    writeBoard(writer.doc);
    const reader = resources.client(stockClient(server.wsUrl, source.id, source.tokens.observer));
    await waitForSynced(reader.provider);
    await eventually(() => reader.doc.getMap('items').size === 5 && reader.doc.getMap('links').size === 3, 'the reader has the board');
    const response = await request(exportUrl(source), { token: source.tokens.facilitator });
    exported = asExport(response);
    exportedText = response.text;
    expect(exported.items).toHaveLength(5);
  });
  afterAll(() => resources.dispose());

  it('imports an export into a new board: equal export, seen live by a connected client in one update, on disk at once', async () => {
    const target = await server.createBoard(TITLE);
    const watcher = resources.client(stockClient(server.wsUrl, target.id, target.tokens.observer));
    await waitForSynced(watcher.provider);
    let updates = 0;
    watcher.doc.on('update', () => (updates += 1));

    const response = await importInto(target, exportedText);
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ items: 5, links: 3, skipped: { items: 0, links: 0 }, renamed: { items: 0, links: 0 } });

    await eventually(() => watcher.doc.getMap('items').size === 5 && watcher.doc.getMap('links').size === 3, 'the watcher sees the import');
    expect(updates).toBe(1);
    expect(boardMaps(watcher.doc).items.get('future-card')?.get('text')).toBeInstanceOf(Y.Text);
    expect(await exportOf(target)).toEqual(exported);

    // Answered means stored: a crash right after loses none of it.
    await server.kill9();
    server = resources.server(await startServer({ dataDir: server.dataDir }));
    expect(await exportOf(target)).toEqual(exported);
    expect(await exportOf(source)).toEqual(exported);
  });

  it('keeps the target board’s title', async () => {
    const target = await server.createBoard('Another name');
    expect((await importInto(target, exportedText)).status).toBe(200);
    expect(await exportOf(target)).toEqual({ ...exported, title: 'Another name' });
  });

  it('merges without overwriting: an identical card is skipped, a different one under the same id gets a new id', async () => {
    // The source itself holds every id of the file, with identical cards: nothing changes.
    const again = await importInto(source, exportedText);
    expect(again.body).toEqual({ items: 0, links: 0, skipped: { items: 5, links: 3 }, renamed: { items: 0, links: 0 } });
    expect(await exportOf(source)).toEqual(exported);

    const drought = exported.items.find((item) => item.text === 'Drought');
    const edited = { ...exported, items: exported.items.map((item) => (item === drought ? { ...item, text: 'Drought, edited elsewhere' } : item)) };
    const merged = await importInto(source, edited);
    expect(merged.body).toMatchObject({ items: 1, skipped: { items: 4 }, renamed: { items: 1 } });
    const after = await exportOf(source);
    expect(after.items).toContainEqual(drought);
    const copy = after.items.find((item) => item.text === 'Drought, edited elsewhere');
    expect(copy?.id).not.toBe(drought?.id);
    // The links of the file that touched the edited card follow its new id.
    expect(after.links.filter((link) => link.from === copy?.id || link.to === copy?.id)).toHaveLength(2);
  });

  it('imports items.csv: new cards, laid out, with the formula prefix undone; the CSV export reads back the same', async () => {
    const target = await server.createBoard('CSV target');
    const watcher = resources.client(stockClient(server.wsUrl, target.id, target.tokens.facilitator));
    await waitForSynced(watcher.provider);
    const csv = 'kind,text,dimensions,severity\r\nthreat,Drought,food;environmental,4\r\nthreat,"\'=HYPERLINK(""http://x"",""y"")",,\r\ncapacity,"Savings groups, village level",,\r\n';
    const response = await importInto(target, csv, 'text/csv; charset=utf-8');
    expect(response.body).toMatchObject({ items: 3, links: 0 });
    await eventually(() => watcher.doc.getMap('items').size === 3, 'the watcher sees the CSV import');
    const texts = (await exportOf(target)).items.map((item) => item.text);
    expect(texts).toEqual(expect.arrayContaining(['Drought', '=HYPERLINK("http://x","y")', 'Savings groups, village level']));
    const itemsCsv = (await request(exportUrl(target, 'items.csv'), { token: target.tokens.facilitator })).text;
    const rows: Array<Record<string, string>> = parse(itemsCsv, { bom: true, columns: true });
    expect(rows.map((row) => row.text)).toEqual(expect.arrayContaining(['Drought', `'=HYPERLINK("http://x","y")`]));
    // Importing that export into an empty board gives back the same cards.
    const copy = await server.createBoard('CSV copy');
    expect((await importInto(copy, itemsCsv, 'text/csv')).body).toMatchObject({ items: 3 });
    expect((await exportOf(copy)).items).toEqual((await exportOf(target)).items);
  });

  describe('refuses, changing nothing', () => {
    let target: CreatedBoard;
    let before: Export;

    beforeAll(async () => {
      target = await server.createBoard('Guarded');
      expect((await importInto(target, exportedText)).status).toBe(200);
      before = await exportOf(target);
    });

    const card = (index: number, fields: Record<string, unknown> = {}) => ({ id: `c${index}`, kind: 'note', x: 0, y: 0, w: 200, h: 120, text: `card ${index}`, ...fields });

    it.each([
      ['text that is not JSON', '{"schema": 1, "items": [', 'the body is not JSON'],
      ['an export of a newer schema', { schema: 2, items: [], links: [] }, 'schema 2 is newer than this server reads (1)'],
      ['items that are not an array', { schema: 1, items: { a: 1 }, links: [] }, 'items must be an array'],
      ['an x that is not a number', { schema: 1, items: [card(0), card(1), card(2), card(3, { x: 'left' })], links: [] }, 'items[3].x must be a finite number'],
      ['a link to nothing', { schema: 1, items: [card(0)], links: [{ id: 'l', kind: 'relates', from: 'c0', to: 'gone' }] }, 'links[0].to "gone" is not the id of an item in the file'],
    ])('%s: 400 naming the field', async (_what, body, message) => {
      const error = expectApiError(await importInto(target, body), 400);
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(message);
      expect(await exportOf(target)).toEqual(before);
    });

    it('a CSV with bad rows: 400 listing each row', async () => {
      const csv = 'kind,text,severity\r\nthreat,fine,3\r\n,,\r\nthreat,too severe,7\r\nnote,ok,\r\nnote,ok,\r\nnote,ok,\r\nnote,ok,\r\nthret,typo,\r\n';
      const error = expectApiError(await importInto(target, csv, 'text/csv'), 400);
      expect(error).toEqual({
        code: 'invalid_request',
        message: 'row 4: severity must be 1..5, not "7"; row 9: unknown kind "thret" (one of threat, root-cause, group, capacity, actor, response, indicator, note, frame)',
      });
      expect(await exportOf(target)).toEqual(before);
    });

    it('a body over 20 MiB: 413', async () => {
      const huge = JSON.stringify({ schema: 1, items: [card(0, { text: 'x'.repeat(21 * 1024 * 1024) })], links: [] });
      // Streamed (no Content-Length), so that the server reads until the limit and answers; with a
      // Content-Length over the limit, Fastify answers at once and closes the connection, which
      // fetch, still writing the body, reports as EPIPE instead of reading the answer.
      const chunks = new TextEncoder().encode(huge);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < chunks.length; offset += 1 << 20) controller.enqueue(chunks.slice(offset, offset + (1 << 20)));
          controller.close();
        },
      });
      const response = await fetch(importUrl(target), {
        method: 'POST',
        headers: { authorization: `Bearer ${target.tokens.facilitator}`, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      const text = await response.text();
      const error = expectApiError({ status: response.status, contentType: response.headers.get('content-type') ?? '', text, body: JSON.parse(text) as unknown }, 413);
      expect(error.code).toBe('payload_too_large');
      expect(await exportOf(target)).toEqual(before);
    });

    it('a body of another type: 415', async () => {
      expect(expectApiError(await importInto(target, 'kind\nnote', 'text/plain'), 415).code).toBe('unsupported_media_type');
      expect(expectApiError(await importInto(target, 'kind\r\nnote\r\n', 'text/csv; charset=latin1'), 415).message).toContain('UTF-8');
    });

    it('anyone but a facilitator: 401, 403; an unknown board: 404', async () => {
      expect(expectApiError(await importInto(target, exportedText, 'application/json', target.tokens.participant), 403).code).toBe('forbidden');
      expect(expectApiError(await importInto(target, exportedText, 'application/json', target.tokens.observer), 403).code).toBe('forbidden');
      expect(expectApiError(await importInto(target, exportedText, 'application/json', source.tokens.facilitator), 401).code).toBe('unauthorized');
      const anonymous = await request(importUrl(target), { method: 'POST', body: exportedText });
      expect(expectApiError(anonymous, 401).code).toBe('unauthorized');
      const unknown = await request(`${server.url}/api/boards/no-such-board/import`, { method: 'POST', token: target.tokens.facilitator, body: exportedText });
      expect(expectApiError(unknown, 404).code).toBe('board_not_found');
      expect(await exportOf(target)).toEqual(before);
    });
  });
});

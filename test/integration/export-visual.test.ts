// The visual exports through the real server: a stock y-websocket client writes a board, then
// `GET /api/boards/:id/export/{svg,png,pdf,report.pdf}` answer a well-formed SVG holding every card's text
// (escaped, and drawn: the SVG renders to a picture that is not blank), a PNG whose size follows
// `scale`, and a PDF whose text a real parser extracts; confidential cards stay out unless a
// facilitator asks (CONTRACT.md section 5); bad query values get the contract's 400.
import { svgToPng } from '@interlink/export';
import { addItem, linkItems, type ItemId, type NewItem } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { expectApiError, request } from '../support/http.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const TRICKY = '<b>Tom & Jerry</b>';
const SECRET = 'Informant in the militia';
const VISIBLE = [TRICKY, 'Drought and crop failure', 'Food prices double', 'Community-run wells', 'Village water council', 'Seed-sharing cooperative'];

function writeBoard(doc: Y.Doc): void {
  const add = (item: NewItem): ItemId => addItem(doc, item);
  const drought = add({ kind: 'threat', x: 0, y: 0, text: VISIBLE[1], dimensions: ['food', 'environmental'], severity: 5, likelihood: 4 });
  const prices = add({ kind: 'threat', x: 320, y: 0, text: VISIBLE[2], dimensions: ['economic'] });
  const note = add({ kind: 'note', x: 640, y: 0, text: TRICKY });
  const wells = add({ kind: 'response', x: 0, y: 300, text: VISIBLE[3], strategy: 'empowerment', phase: 'prevention' });
  const council = add({ kind: 'actor', x: 0, y: 520, text: VISIBLE[4], level: 'local', sector: 'community' });
  add({ kind: 'capacity', x: 320, y: 300, text: VISIBLE[5], sensitivity: 'restricted' });
  const secret = add({ kind: 'actor', x: 320, y: 520, text: SECRET, sensitivity: 'confidential' });
  linkItems(doc, { kind: 'amplifies', from: drought, to: prices, polarity: '+' });
  linkItems(doc, { kind: 'relates', from: note, to: prices, label: 'a & b' });
  linkItems(doc, { kind: 'addresses', from: wells, to: drought });
  linkItems(doc, { kind: 'responsible', from: council, to: wells });
  linkItems(doc, { kind: 'relates', from: secret, to: prices });
}

/** Every <text> of the SVG, in document order, as parsed (entities decoded). */
function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && Array.isArray(value)) {
        for (const child of value) if (typeof child === 'object' && child !== null && '#text' in child) texts.push(String(child['#text']));
      } else walk(value);
    }
  };
  walk(new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: false }).parse(svg));
  return texts;
}

/** Pixels that are not (nearly) white. */
function inkedPixels(png: PNG): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if ((png.data[i] ?? 255) < 240 || (png.data[i + 1] ?? 255) < 240 || (png.data[i + 2] ?? 255) < 240) count++;
  }
  return count;
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : ' ');
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text: parts.join('').replace(/[ \n]+/g, ' '), pages };
}

describe('GET /api/boards/:id/export/{svg,png,pdf}', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Visual <export> & co');
    const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(writer.provider);
    writeBoard(writer.doc);
    const reader = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(reader.provider);
    await eventually(() => reader.doc.getMap('items').size === 7 && reader.doc.getMap('links').size === 5, 'the reader has the board');
  });
  afterAll(() => resources.dispose());

  const url = (format: string, query = ''): string => `${server.url}/api/boards/${board.id}/export/${format}${query}`;
  const fetchBytes = async (format: string, token: string, query = ''): Promise<{ status: number; type: string | null; bytes: Uint8Array }> => {
    const response = await fetch(url(format, query), { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  it('answers an SVG that parses as XML, holds every card text escaped, and draws them', async () => {
    const response = await request(url('svg'), { token: board.tokens.participant });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('image/svg+xml; charset=utf-8');
    expect(XMLValidator.validate(response.text)).toBe(true);
    expect(response.text).toContain('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
    expect(response.text).not.toContain('<b>');
    const texts = svgTexts(response.text);
    const joined = texts.join(' ');
    for (const text of VISIBLE) expect(joined, text).toContain(text);
    expect(texts).toContain('Visual <export> & co');
    expect(joined).not.toContain(SECRET);
    // Drawn: resvg (what the png export uses) paints well over a few percent of the picture.
    const picture = PNG.sync.read(Buffer.from(await svgToPng(response.text)));
    expect(inkedPixels(picture) / (picture.width * picture.height)).toBeGreaterThan(0.05);
  });

  it('answers a PNG whose pixel size follows scale', async () => {
    const one = await fetchBytes('png', board.tokens.participant);
    expect(one.status).toBe(200);
    expect(one.type).toBe('image/png');
    const two = await fetchBytes('png', board.tokens.participant, '?scale=2');
    const a = PNG.sync.read(Buffer.from(one.bytes));
    const b = PNG.sync.read(Buffer.from(two.bytes));
    const svg = await request(url('svg'), { token: board.tokens.participant });
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg.text)?.[1]);
    expect(Math.abs(a.width - width)).toBeLessThanOrEqual(1);
    expect(Math.abs(b.width - 2 * a.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(b.height - 2 * a.height)).toBeLessThanOrEqual(2);
    expect(inkedPixels(b) / (b.width * b.height)).toBeGreaterThan(0.05);
  });

  it('answers a PDF whose text a parser extracts, with confidential cards only for a facilitator who asks', async () => {
    for (const [token, query] of [
      [board.tokens.participant, ''],
      [board.tokens.participant, '?maxSensitivity=confidential'],
      [board.tokens.facilitator, ''],
    ] as const) {
      const { status, type, bytes } = await fetchBytes('pdf', token, query);
      expect(status).toBe(200);
      expect(type).toBe('application/pdf');
      const { text } = await pdfText(bytes);
      for (const card of VISIBLE) expect(text, card).toContain(card);
      expect(text).not.toContain(SECRET);
    }
    const everything = await fetchBytes('pdf', board.tokens.facilitator, '?maxSensitivity=confidential&page=a3&orientation=portrait');
    expect((await pdfText(everything.bytes)).text).toContain(SECRET);
    const svg = await request(url('svg', '?maxSensitivity=confidential'), { token: board.tokens.facilitator });
    expect(svgTexts(svg.text).join(' ')).toContain(SECRET);
  });

  it('splits the map over pages with fit=tiles, after an overview page', async () => {
    const { status, bytes } = await fetchBytes('pdf', board.tokens.observer, '?fit=tiles&page=letter&orientation=portrait');
    expect(status).toBe(200);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('part 1–1');
    for (const card of VISIBLE) expect(text, card).toContain(card);
  });

  it('answers the analysis report as a PDF too', async () => {
    const { status, type, bytes } = await fetchBytes('report.pdf', board.tokens.participant, '?page=letter');
    expect(status).toBe(200);
    expect(type).toBe('application/pdf');
    const { text } = await pdfText(bytes);
    expect(text).toContain('Visual <export> & co: human security analysis');
    expect(text).toContain('Threats by dimension');
    expect(text).toContain('Drought and crop failure');
    expect(text).not.toContain(SECRET);
  });

  it('refuses bad query values with a 400 that names the field', async () => {
    const cases: [string, string, string][] = [
      ['png', '?scale=100', 'scale'],
      ['png', '?scale=big', 'scale'],
      ['pdf', '?page=a5', 'page'],
      ['pdf', '?orientation=diagonal', 'orientation'],
      ['pdf', '?fit=wall', 'fit'],
    ];
    for (const [format, query, field] of cases) {
      const error = expectApiError(await request(url(format, query), { token: board.tokens.facilitator }), 400);
      expect(error.message, query).toContain(field);
    }
  });
});

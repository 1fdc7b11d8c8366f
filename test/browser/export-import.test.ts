// The Export menu and the Import dialog against the real built server and app. A facilitator
// downloads the board as JSON (with and without its confidential card) and as a PNG, the token
// travelling in a header rather than the URL; a participant is offered neither confidential
// cards nor Import. A facilitator imports another board's JSON export through the file picker:
// the preview counts it, the import reaches a stock y-websocket client watching the board; a
// malformed file is refused in the dialog with the field named, and nothing is sent.
import { readFileSync } from 'node:fs';
import { EXPORT_FORMATS as SERVER_FORMATS } from '@interlink/export';
import { addItem, linkItems } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import type { Download, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemTexts } from '../support/board.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { EXPORT_FORMATS, formatOptions } from '../../client/src/lib/exports/exportOptions.js';
import { isRecord, request } from '../support/http.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let browser: BrowserSession;
const clients: StockClient[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A board written by the stock client: two threats (one confidential), a capacity, a link. */
async function seededBoard(title: string, prefix: string): Promise<CreatedBoard> {
  const board = await server.createBoard(title);
  const writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
  clients.push(writer);
  await waitForSynced(writer.provider);
  const { doc } = writer;
  const drought = addItem(doc, { kind: 'threat', x: 0, y: 0, text: `${prefix} drought`, dimensions: ['food'] });
  addItem(doc, { kind: 'threat', x: 300, y: 0, text: `${prefix} informant`, sensitivity: 'confidential' });
  const savings = addItem(doc, { kind: 'capacity', x: 0, y: 300, text: `${prefix} savings groups` });
  linkItems(doc, { kind: 'relates', from: drought, to: savings });
  // The export reads the room on the server: wait until it holds all three cards.
  await expect.poll(async () => (await exportJson(board, 'confidential')).items.length, { timeout: 10_000 }).toBe(3);
  return board;
}

interface ExportedBoard {
  readonly items: ReadonlyArray<{ readonly id: string; readonly text: string }>;
  readonly links: readonly unknown[];
}

function asExport(value: unknown): ExportedBoard {
  if (!isRecord(value) || !Array.isArray(value.items) || !Array.isArray(value.links)) throw new Error('not a json export');
  return value as unknown as ExportedBoard;
}

async function exportJson(board: CreatedBoard, maxSensitivity: string): Promise<ExportedBoard & { readonly text: string }> {
  const answer = await request(`${server.url}/api/boards/${board.id}/export/json?maxSensitivity=${maxSensitivity}`, { token: board.tokens.facilitator });
  expect(answer.status).toBe(200);
  return { ...asExport(answer.body), text: answer.text };
}

async function openBoard(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
  return page;
}

/** Clicks Download and answers the file the browser saved. */
async function download(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const path = await saved.path();
  await page.getByTestId('export-status').and(page.locator('[data-status=done]')).waitFor();
  return { download: saved, bytes: readFileSync(path) };
}

describe('the Export menu', () => {
  it('offers exactly the server’s formats, each with the options the server reads', () => {
    // The client keeps its own list (the export package's table pulls in resvg and pdfkit).
    expect([...EXPORT_FORMATS].sort()).toEqual(Object.keys(SERVER_FORMATS).sort());
    for (const format of EXPORT_FORMATS) {
      const shown = Object.entries(formatOptions(format)).flatMap(([option, offered]) => (offered ? [option] : []));
      expect(shown.sort(), format).toEqual([...SERVER_FORMATS[format].reads].sort());
    }
  });

  it('downloads the whole board as JSON and PNG, confidential cards only when a facilitator asks', async () => {
    const board = await seededBoard('Water security — Turkana', 'Export');
    const page = await openBoard(`${server.url}${board.links.facilitator}&name=Amina`);
    const exportRequests: Request[] = [];
    page.on('request', (sent) => {
      if (sent.url().includes('/export/')) exportRequests.push(sent);
    });

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Export the board' });
    await menu.waitFor();
    await menu.getByText('An export holds the whole board').waitFor();

    // JSON with the confidential card: the menu warns before the download.
    await menu.getByLabel('Format').selectOption('json');
    const warning = menu.getByTestId('export-confidential-warning');
    expect(await warning.isVisible()).toBe(false);
    await menu.getByRole('radio', { name: 'All cards, including confidential ones' }).check();
    await warning.waitFor({ state: 'visible' });
    const full = await download(page);
    expect(full.download.suggestedFilename()).toMatch(/^water-security-turkana-\d{4}-\d{2}-\d{2}\.json$/);
    const fullBoard = asExport(JSON.parse(full.bytes.toString('utf8')));
    expect(fullBoard.items.map((item) => item.text).sort()).toEqual(['Export drought', 'Export informant', 'Export savings groups']);
    expect(fullBoard.links).toHaveLength(1);
    await menu.getByText(`Downloaded ${full.download.suggestedFilename()}.`).waitFor();

    // The default, restricted: the confidential card stays out.
    await menu.getByRole('radio', { name: 'Public and restricted cards' }).check();
    const restricted = asExport(JSON.parse((await download(page)).bytes.toString('utf8')));
    expect(restricted.items.map((item) => item.text).sort()).toEqual(['Export drought', 'Export savings groups']);

    // PNG at 2×: a real PNG.
    await menu.getByLabel('Format').selectOption('png');
    await menu.getByRole('radio', { name: 'Sharp (2×, larger file)' }).check();
    const png = await download(page);
    expect(png.download.suggestedFilename()).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    // The token went in the Authorization header, never in the URL.
    expect(exportRequests.map((sent) => new URL(sent.url()).search)).toEqual([
      '?maxSensitivity=confidential',
      '?maxSensitivity=restricted',
      '?maxSensitivity=restricted&scale=2',
    ]);
    // It is the person's own member token (CONTRACT.md section 6), not the share link's.
    const personal = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('interlink.member.v1:'));
      return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token : undefined;
    });
    expect(personal).toBeDefined();
    expect(personal).not.toBe(board.tokens.facilitator);
    for (const sent of exportRequests) expect(await sent.headerValue('authorization')).toBe(`Bearer ${personal}`);

    // A slow export (held back here) shows its time and can be cancelled.
    await page.route('**/export/svg?*', () => undefined);
    await menu.getByLabel('Format').selectOption('svg');
    await menu.getByTestId('export-download').click();
    const status = menu.getByTestId('export-status');
    await status.getByText('Preparing the file…').waitFor();
    await status.getByText('1 s').waitFor();
    expect(await menu.getByLabel('Format').isDisabled()).toBe(true);
    await menu.getByRole('button', { name: 'Cancel' }).click();
    await status.getByText('Export cancelled.').waitFor();
    await page.unroute('**/export/svg?*');

    // A refusal is shown in the server's words.
    await page.route('**/export/md?*', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_found', message: 'no board with this id' } }) }),
    );
    await menu.getByLabel('Format').selectOption('md');
    await menu.getByTestId('export-download').click();
    await expect.poll(async () => (await menu.getByRole('alert').textContent())?.replace(/\s+/g, ' ').trim()).toBe('The export failed. The server refused: no board with this id');
    await page.unroute('**/export/md?*');
    // The browser itself logs a failed HTTP status; only that line is expected.
    expect(browser.errors.splice(0)).toEqual([expect.stringMatching(/status of 404/)]);

    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.getByTestId('export-open').evaluate((button) => button === document.activeElement)).toBe(true);

    // A participant: no confidential cards offered, and no Import.
    const participant = await openBoard(`${server.url}${board.links.participant}&name=Bilal`);
    await participant.getByRole('button', { name: 'Export', exact: true }).click();
    const theirMenu = participant.getByRole('dialog', { name: 'Export the board' });
    const levels = theirMenu.getByRole('group', { name: 'Cards to include' }).getByRole('radio');
    expect(await levels.count()).toBe(2);
    expect(await theirMenu.getByRole('radio', { name: /confidential/i }).count()).toBe(0);
    await theirMenu.getByText('only a facilitator can export them').waitFor();
    expect(await participant.getByTestId('import-open').count()).toBe(0);
    await participant.close();

    expect(browser.errors).toEqual([]);
  });
});

describe('the Import dialog', () => {
  it('previews and imports a json export, live for everyone; refuses a malformed file without sending it', async () => {
    const source = await seededBoard('Source board', 'Imported');
    const file = await exportJson(source, 'confidential');
    const target = await server.createBoard('Target board');
    const watcher = stockClient(server.wsUrl, target.id, target.tokens.observer);
    clients.push(watcher);
    await waitForSynced(watcher.provider);

    const page = await openBoard(`${server.url}${target.links.facilitator}&name=Amina`);
    const importRequests: string[] = [];
    page.on('request', (sent) => {
      if (sent.url().includes('/import')) importRequests.push(sent.method());
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into this board' });
    await dialog.waitFor();

    // A malformed export: refused in the dialog, the field named, nothing sent.
    const broken = JSON.parse(file.text) as { items: Array<Record<string, unknown>> };
    const second = broken.items[1];
    if (second) second.x = 'far away';
    await dialog.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const errors = dialog.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.getByRole('listitem').allTextContents()).toEqual(['items[1].x must be a finite number']);
    expect(await dialog.getByTestId('import-confirm').isDisabled()).toBe(true);

    // A malformed items.csv: every faulty row listed.
    await dialog.getByTestId('import-file').setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from('kind,text,severity\r\nthret,Typo,\r\nthreat,Floods,9\r\n') });
    await expect.poll(() => errors.getByRole('listitem').allTextContents()).toEqual([
      'row 2: unknown kind "thret" (one of threat, root-cause, group, capacity, actor, response, indicator, note, frame)',
      'row 3: severity must be 1..5, not "9"',
    ]);
    expect(importRequests).toEqual([]);
    expect((await exportJson(target, 'confidential')).items).toHaveLength(0);

    // The real export: previewed, then imported.
    await dialog.getByTestId('import-file').setInputFiles({ name: 'source.json', mimeType: 'application/json', buffer: Buffer.from(file.text) });
    const preview = dialog.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('import-to-add').textContent()).toBe('To add: cards 3 · links 1');
    expect((await preview.getByRole('listitem').allTextContents()).sort()).toEqual(['Capacity: 1', 'Threat: 2']);
    await dialog.getByTestId('import-confirm').click();
    await dialog.getByTestId('import-done').filter({ hasText: 'Imported: cards 3 · links 1.' }).waitFor();
    expect(importRequests).toEqual(['POST']);

    // The watcher, a stock client, sees the cards arrive through sync; so does the page's outline.
    await eventually(() => itemTexts(watcher.doc).size === 3, 'the imported cards reach the watcher');
    expect([...itemTexts(watcher.doc).values()].sort()).toEqual(['Imported drought', 'Imported informant', 'Imported savings groups']);
    await page.getByTestId('outline').getByRole('button', { name: /Imported savings groups/ }).first().waitFor();

    // The same file again: the preview knows it is all there already.
    await dialog.getByTestId('import-file').setInputFiles({ name: 'source.json', mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await dialog.getByText('Already on the board, skipped: cards 3 · links 1').waitFor();
    expect(await preview.getByTestId('import-to-add').textContent()).toBe('To add: cards 0 · links 0');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(importRequests).toEqual(['POST']);
    expect(browser.errors).toEqual([]);
  });
});

// The canvas editor against the real built server and app, with the stock y-websocket client
// watching the document: a link drawn from a card's handle (with the kind the model suggests,
// ends swapped when the drag ran backwards), edited in the link editor, following its card when
// the card moves; a frame carrying its cards; a marquee and Delete removing cards with their
// links in one update; duplicate and align; copy and paste within a board and between two
// boards (new ids, confidential cards left out of a participant's copy). The console stays clean.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { addItem, linkItems, readBoard, type BoardView, type ItemId, type LinkView } from '@interlink/model';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let browser: BrowserSession;
const writers: StockClient[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const writer of writers) writer.destroy();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

interface Opened {
  readonly page: Page;
  readonly writer: StockClient;
  readonly doc: Y.Doc;
  readonly boardId: string;
}

async function newBoard(title: string, fill: (doc: Y.Doc) => void, name: string, role: 'participant' | 'facilitator' = 'participant'): Promise<Opened> {
  const board = await server.createBoard(title);
  const writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
  writers.push(writer);
  await waitForSynced(writer.provider);
  fill(writer.doc);
  const page = await browser.newPage();
  await page.goto(`${server.url}${board.links[role]}&name=${name}`);
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
  const count = readBoard(writer.doc).items.size;
  await page.locator(`[data-testid=board-canvas][data-card-count="${count}"]`).waitFor();
  // Canvas units are screen pixels from the board's corner at the reset view. The cards lie
  // right of x = 200, clear of the kind palette in the board's top-left corner.
  await page.getByTestId('zoom-level').click();
  return { page, writer, doc: writer.doc, boardId: board.id };
}

/** A canvas point (at the reset view) as a page point. */
async function at(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return { x: box.x + x, y: box.y + y };
}

async function drag(page: Page, from: [number, number], to: [number, number], options: { shift?: boolean } = {}): Promise<void> {
  const start = await at(page, ...from);
  const end = await at(page, ...to);
  await page.mouse.move(start.x, start.y);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(start.x + (end.x - start.x) / 3, start.y + (end.y - start.y) / 3, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  if (options.shift) await page.keyboard.up('Shift');
}

async function click(page: Page, x: number, y: number): Promise<void> {
  const p = await at(page, x, y);
  await page.mouse.click(p.x, p.y);
}

/** Hovers a card so its handle shows, then draws a link from the handle to a point. */
async function drawLink(page: Page, card: { x: number; y: number; w: number; h: number }, to: [number, number]): Promise<void> {
  const centre = await at(page, card.x + card.w / 2, card.y + card.h / 2);
  await page.mouse.move(centre.x, centre.y);
  await drag(page, [card.x + card.w, card.y + card.h / 2], to);
}

const board = (doc: Y.Doc): BoardView => readBoard(doc);
const linksOf = (doc: Y.Doc): LinkView[] => [...board(doc).links.values()];
const item = (doc: Y.Doc, id: ItemId) => board(doc).items.get(id);

/** A point on the arrow between two cards of one size: halfway between their centres. */
function arrowMiddle(doc: Y.Doc, from: ItemId, to: ItemId): [number, number] {
  const a = item(doc, from)!;
  const b = item(doc, to)!;
  return [(a.x + a.w / 2 + b.x + b.w / 2) / 2, (a.y + a.h / 2 + b.y + b.h / 2) / 2];
}

describe('links and selection on the canvas', () => {
  it('draws, edits and follows links; frames carry cards; a marquee and Delete remove cards with their links', async () => {
    let response!: ItemId, threat!: ItemId, response2!: ItemId, frame!: ItemId, inA!: ItemId, inB!: ItemId;
    const { page, doc } = await newBoard(
      'Links and selection',
      (d) => {
        response = addItem(d, { kind: 'response', x: 240, y: 40, text: 'Water committees' });
        threat = addItem(d, { kind: 'threat', x: 640, y: 40, text: 'Drought' });
        response2 = addItem(d, { kind: 'response', x: 640, y: 240, text: 'Cash transfers' });
        frame = addItem(d, { kind: 'frame', x: 240, y: 380, w: 540, h: 200 });
        inA = addItem(d, { kind: 'note', x: 270, y: 420, text: 'in frame A' });
        inB = addItem(d, { kind: 'note', x: 540, y: 420, text: 'in frame B' });
        linkItems(d, { kind: 'relates', from: inA, to: inB });
      },
      'Amina',
    );
    const card = { w: 200, h: 120 };

    // A drag from the response's handle to the threat: "the response addresses the threat".
    await drawLink(page, { x: 240, y: 40, ...card }, [740, 100]);
    await eventually(() => linksOf(doc).some((l) => l.from === response && l.to === threat), 'the stock client to see the link');
    const first = linksOf(doc).find((l) => l.from === response && l.to === threat)!;
    expect(first.kind).toBe('addresses');
    const editor = page.getByTestId('link-editor');
    await page.locator(`[data-testid=link-editor][data-link-id="${first.id}"][data-kind=addresses]`).waitFor();
    // The editor opens below the arrow, over the other response: a drop there would be a drop
    // on the editor, which draws nothing (see gesture-release.test.ts). Escape closes it.
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Backwards, from the threat to the other response: the ends are swapped.
    await drawLink(page, { x: 640, y: 40, ...card }, [740, 300]);
    await eventually(() => linksOf(doc).some((l) => l.from === response2 && l.to === threat && l.kind === 'addresses'), 'the swapped link');
    // Escape closes the editor, which would otherwise cover the next card's handle.
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    // Dropped on empty space (between the cards, clear of the zoom bar and the minimap, which
    // sit over the canvas's lower right corner): nothing is drawn.
    await drawLink(page, { x: 640, y: 240, ...card }, [560, 300]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(linksOf(doc)).toHaveLength(3);

    // Select the first link by clicking its arrow, and edit its kind, polarity and label.
    await click(page, ...arrowMiddle(doc, response, threat));
    await page.locator(`[data-testid=link-editor][data-link-id="${first.id}"]`).waitFor();
    expect(await editor.getByTestId('link-kind').locator('option').allTextContents()).toEqual(['addresses', 'relates to']);
    await editor.getByTestId('link-kind').selectOption('relates');
    await eventually(() => board(doc).links.get(first.id)?.kind === 'relates', 'the kind to change');
    await editor.getByRole('radio', { name: /^−/ }).check();
    await eventually(() => board(doc).links.get(first.id)?.polarity === '-', 'the polarity to change');
    await editor.getByTestId('link-label').fill('funds');
    await editor.getByTestId('link-label').press('Enter');
    await eventually(() => board(doc).links.get(first.id)?.label === 'funds', 'the label to change');
    await editor.getByTestId('link-kind').selectOption('addresses');
    await eventually(() => board(doc).links.get(first.id)?.kind === 'addresses', 'the kind to change back');
    const before = await editor.boundingBox();

    // Move the threat: the model moves it, and the arrow (found by clicking where it now runs)
    // and its editor follow.
    let moves = 0;
    const countMove = (): void => void moves++;
    doc.on('update', countMove);
    const started = Date.now();
    await drag(page, [700, 70], [700, 170]);
    const dragMs = Date.now() - started;
    await eventually(() => item(doc, threat)?.y === 140, 'the stock client to see the threat moved');
    doc.off('update', countMove);
    // Throttled to ~30 updates a second (a leading one, then one per 33 ms, then the drop).
    expect(moves).toBeLessThanOrEqual(Math.ceil(dragMs / 33) + 2);
    expect(item(doc, threat)?.x).toBe(640);
    await click(page, ...arrowMiddle(doc, response, threat));
    await page.locator(`[data-testid=link-editor][data-link-id="${first.id}"]`).waitFor();
    const after = await editor.boundingBox();
    expect(after && before && after.y - before.y).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // A frame carries its cards; the link inside stays.
    await drag(page, [255, 395], [315, 405]);
    await eventually(() => item(doc, frame)?.x === 300, 'the frame to move');
    expect(item(doc, frame)).toMatchObject({ x: 300, y: 390 });
    expect(item(doc, inA)).toMatchObject({ x: 330, y: 430 });
    expect(item(doc, inB)).toMatchObject({ x: 600, y: 430 });

    // Shift + drag on empty canvas: a marquee over the threat and the second response, which
    // replace the frame as the selection.
    await drag(page, [900, 20], [620, 300], { shift: true });
    await page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 2' }).waitFor();
    await page.getByTestId('selection-toolbar').waitFor();
    let updates = 0;
    const count = (): void => void updates++;
    doc.on('update', count);
    await page.keyboard.press('Delete');
    await eventually(() => !board(doc).items.has(threat) && !board(doc).items.has(response2), 'the marqueed cards to go');
    await new Promise((resolve) => setTimeout(resolve, 300));
    doc.off('update', count);
    expect(updates).toBe(1);
    expect(linksOf(doc).map((l) => l.kind)).toEqual(['relates']);
    await page.getByTestId('editor-notice').filter({ hasText: 'Cards deleted: 2' }).waitFor();

    // Click selects one card; Ctrl + D duplicates it beside itself and selects the copy.
    await click(page, 350, 60);
    await page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 1' }).waitFor();
    await page.keyboard.press('Control+d');
    await eventually(() => [...board(doc).items.values()].filter((i) => i.text === 'Water committees').length === 2, 'the duplicate');
    const copy = [...board(doc).items.values()].find((i) => i.text === 'Water committees' && i.id !== response)!;
    expect(copy).toMatchObject({ x: 264, y: 64 });

    // Shift + click adds the original: the toolbar aligns the two on their left edges.
    await click(page, 300, 50);
    await page.keyboard.down('Shift');
    await click(page, 450, 170);
    await page.keyboard.up('Shift');
    await page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 2' }).waitFor();
    await page.getByTestId('selection-align-left').click();
    await eventually(() => item(doc, copy.id)?.x === 240, 'the cards to align');

    expect(browser.errors).toEqual([]);
  });

  it('copies and pastes within a board and to another board, leaving confidential cards out', async () => {
    let drought!: ItemId;
    const one = await newBoard(
      'Copy from',
      (d) => {
        drought = addItem(d, { kind: 'threat', x: 60, y: 60, text: 'Drought', author: 'Bilal' });
        const herders = addItem(d, { kind: 'group', x: 360, y: 60, text: 'Herders' });
        addItem(d, { kind: 'threat', x: 60, y: 260, text: 'Informant names', sensitivity: 'confidential' });
        linkItems(d, { kind: 'affects', from: drought, to: herders });
      },
      'Amina',
    );
    const two = await newBoard('Paste to', () => undefined, 'Chen');

    // Select all and copy: the confidential card stays behind, and the notice says so.
    await one.page.bringToFront();
    await click(one.page, 700, 500);
    await one.page.keyboard.press('Control+a');
    await one.page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 3' }).waitFor();
    await one.page.keyboard.press('Control+c');
    await one.page.getByTestId('editor-notice').filter({ hasText: 'Cards copied: 2. 1 confidential' }).waitFor();

    // Paste on the same board at the pointer: new cards, the link between them too.
    const pointer = await at(one.page, 600, 450);
    await one.page.mouse.move(pointer.x, pointer.y);
    await one.page.keyboard.press('Control+v');
    await eventually(() => board(one.doc).items.size === 5 && board(one.doc).links.size === 2, 'the paste on the first board');
    await one.page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 2' }).waitFor();
    const pasted = [...board(one.doc).items.values()].filter((i) => i.text === 'Drought' && i.id !== drought);
    expect(pasted).toHaveLength(1);
    expect(pasted[0]?.author).toBe('Amina');

    // Paste on the other board: the same cards and link, with new ids, none confidential.
    await two.page.bringToFront();
    const target = await at(two.page, 300, 300);
    await two.page.mouse.move(target.x, target.y);
    await two.page.keyboard.press('Control+v');
    await eventually(() => board(two.doc).items.size === 2 && board(two.doc).links.size === 1, 'the paste on the second board');
    const items = [...board(two.doc).items.values()];
    expect(items.map((i) => i.text).sort()).toEqual(['Drought', 'Herders']);
    expect(items.every((i) => !board(one.doc).items.has(i.id) && i.author === 'Chen' && i.sensitivity === 'public')).toBe(true);
    expect(linksOf(two.doc)[0]?.kind).toBe('affects');

    // Cut takes them off the board; paste brings them back.
    await two.page.keyboard.press('Control+x');
    await eventually(() => board(two.doc).items.size === 0 && board(two.doc).links.size === 0, 'the cut');
    await two.page.keyboard.press('Control+v');
    await eventually(() => board(two.doc).items.size === 2 && board(two.doc).links.size === 1, 'the paste after the cut');

    // Text that is not cards is refused with a word, not pasted.
    await two.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'just some words');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await two.page.getByTestId('editor-notice').filter({ hasText: 'no Interlink cards' }).waitFor();
    expect(board(two.doc).items.size).toBe(2);

    expect(browser.errors).toEqual([]);
  });
});

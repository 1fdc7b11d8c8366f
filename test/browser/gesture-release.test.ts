// Gestures on the canvas released over the HTML controls that sit on top of it (the zoom bar,
// the minimap, the selection toolbar), against the real built server and app, with the stock
// y-websocket client watching the document. Such a release ends the gesture there: a link drawn
// from a card's handle draws nothing, even over a card hidden under the control; a card drag
// leaves the cards where they were dropped; and the next click on the board is a click again
// (opens the link editor, selects a card) rather than the end of a drag still running. The
// disabled controls matter most: Chromium sends no mouseup at a disabled button ("Fit selection"
// while nothing is selected, "Distribute" with two cards), and Konva ends its drags on mouseup.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { addItem, linkItems, readBoard, type BoardView, type ItemId, type ItemView, type LinkView } from '@interlink/model';
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

type Point = [number, number];

interface Cards {
  /** Linked a → b; the arrow runs between them at y = 100. */
  readonly a: ItemId;
  readonly b: ItemId;
  /** The card links are drawn from. */
  readonly source: ItemId;
  readonly c: ItemId;
  readonly d: ItemId;
  /** Hidden under the minimap and under the zoom bar. */
  readonly underMinimap: ItemId;
  readonly underZoomBar: ItemId;
}

interface Opened {
  readonly page: Page;
  readonly doc: Y.Doc;
  readonly cards: Cards;
}

/** A board whose lower right cards lie under the minimap and the zoom bar (1280 × 800 page). */
async function newBoard(title: string): Promise<Opened> {
  const board = await server.createBoard(title);
  const writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
  writers.push(writer);
  await waitForSynced(writer.provider);
  const d = writer.doc;
  const a = addItem(d, { kind: 'response', x: 240, y: 40, text: 'Water committees' });
  const b = addItem(d, { kind: 'threat', x: 640, y: 40, text: 'Drought' });
  linkItems(d, { kind: 'addresses', from: a, to: b });
  const cards: Cards = {
    a,
    b,
    source: addItem(d, { kind: 'response', x: 240, y: 240, text: 'Cash transfers' }),
    c: addItem(d, { kind: 'note', x: 240, y: 420, text: 'note C' }),
    d: addItem(d, { kind: 'note', x: 480, y: 420, text: 'note D' }),
    underMinimap: addItem(d, { kind: 'threat', x: 720, y: 440, text: 'Under the minimap' }),
    underZoomBar: addItem(d, { kind: 'threat', x: 640, y: 580, w: 320, text: 'Under the zoom bar' }),
  };
  const page = await browser.newPage();
  await page.goto(`${server.url}${board.links.participant}&name=Amina`);
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
  await page.locator(`[data-testid=board-canvas][data-card-count="${readBoard(d).items.size}"]`).waitFor();
  // Canvas units are screen pixels from the board's corner at the reset view.
  await page.getByTestId('zoom-level').click();
  return { page, doc: d, cards };
}

const board = (doc: Y.Doc): BoardView => readBoard(doc);
const linksOf = (doc: Y.Doc): LinkView[] => [...board(doc).links.values()];
const item = (doc: Y.Doc, id: ItemId): ItemView => {
  const found = board(doc).items.get(id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const contains = (card: ItemView, [x, y]: Point): boolean => x >= card.x && x <= card.x + card.w && y >= card.y && y <= card.y + card.h;

async function canvasBox(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return box;
}

/** A canvas point (at the reset view) as a page point. */
async function at(page: Page, [x, y]: Point): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page);
  return { x: box.x + x, y: box.y + y };
}

/** The centre of an element over the canvas, in canvas units at the reset view. */
async function centreOf(page: Page, selector: string): Promise<Point> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  const canvas = await canvasBox(page);
  return [Math.round(box.x + box.width / 2 - canvas.x), Math.round(box.y + box.height / 2 - canvas.y)];
}

async function drag(page: Page, from: Point, to: Point, options: { shift?: boolean; button?: 'left' | 'middle' } = {}): Promise<void> {
  const start = await at(page, from);
  const end = await at(page, to);
  await page.mouse.move(start.x, start.y);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.down({ button: options.button ?? 'left' });
  await page.mouse.move(start.x + (end.x - start.x) / 3, start.y + (end.y - start.y) / 3, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up({ button: options.button ?? 'left' });
  if (options.shift) await page.keyboard.up('Shift');
}

async function click(page: Page, point: Point, options: { shift?: boolean } = {}): Promise<void> {
  const p = await at(page, point);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(p.x, p.y);
  if (options.shift) await page.keyboard.up('Shift');
}

/** Hovers the source card so its handle shows, then draws a link from the handle (its right edge) to a point. */
async function drawLink(page: Page, card: ItemView, to: Point): Promise<void> {
  const centre = await at(page, [card.x + card.w / 2, card.y + card.h / 2]);
  await page.mouse.move(centre.x, centre.y);
  await drag(page, [card.x + card.w, card.y + card.h / 2], to);
}

/** Konva holds no drag, neither running nor waiting for the pointer to move. */
async function konvaIdle(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const konva = (window as { Konva?: { isDragging(): boolean; isDragReady(): boolean } }).Konva;
    if (!konva) throw new Error('Konva is not loaded');
    return !konva.isDragging() && !konva.isDragReady();
  });
}

const selected = (page: Page, count: number) =>
  page.getByTestId('selection-status').filter({ hasText: `Selected cards: ${count}` }).waitFor({ timeout: 10_000 });

async function clearSelection(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('[data-testid=selection-status]')?.textContent?.trim() === '', undefined, { timeout: 10_000 });
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

describe('gestures released over the controls on the canvas', () => {
  it('a link drawn from a handle and released over the zoom bar or the minimap draws nothing and ends there', async () => {
    const { page, doc, cards } = await newBoard('Link released over controls');
    const source = item(doc, cards.source);
    const arrow: Point = [540, 100];
    const [existing] = linksOf(doc);
    const editor = page.locator(`[data-testid=link-editor][data-link-id="${existing?.id}"]`);
    const fitSelection = '[data-testid=zoom-fit-selection]';

    const drops: [string, Point, ItemId][] = [
      // Disabled while nothing is selected: the browser sends no mouseup there.
      ['the disabled Fit selection button', await centreOf(page, fitSelection), cards.underZoomBar],
      ['the minimap', await centreOf(page, '[data-testid=minimap] canvas'), cards.underMinimap],
      ['the zoom level button', await centreOf(page, '[data-testid=zoom-level]'), cards.underZoomBar],
    ];
    for (const [where, point, hidden] of drops) {
      // Each drop lands over a card hidden under the control, which it must not link to.
      expect(contains(item(doc, hidden), point), where).toBe(true);
      expect(await page.locator(fitSelection).isDisabled(), where).toBe(true);
      await drawLink(page, source, point);
      await settle();
      expect(linksOf(doc), where).toHaveLength(1);
      expect(await konvaIdle(page), where).toBe(true);
      // The next click is a click: on the arrow, it opens the link's editor.
      await click(page, arrow);
      await editor.waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }

    expect(browser.errors).toEqual([]);
  });

  it('a card drag released over the zoom bar or a disabled toolbar button leaves the cards there, and the next click selects', async () => {
    const { page, doc, cards } = await newBoard('Cards released over controls');

    // One card onto the zoom bar.
    const zoomLevel = await centreOf(page, '[data-testid=zoom-level]');
    await drag(page, [340, 480], zoomLevel);
    await eventually(() => item(doc, cards.c).x === 240 + zoomLevel[0] - 340, 'card C to move onto the zoom bar');
    expect(item(doc, cards.c).y).toBe(420 + zoomLevel[1] - 480);
    expect(await konvaIdle(page)).toBe(true);
    await selected(page, 1);
    await click(page, [580, 480], { shift: true });
    await selected(page, 2);

    // Two selected: the toolbar shows, its Distribute buttons disabled (the browser sends no
    // mouseup there, nor to the icon inside).
    const distribute = '[data-testid=selection-distribute-x]';
    expect(await page.locator(distribute).isDisabled()).toBe(true);
    const onto = await centreOf(page, `${distribute} svg`);
    const before = item(doc, cards.c);
    await drag(page, [580, 480], onto);
    const [dx, dy] = [onto[0] - 580, onto[1] - 480];
    await eventually(() => item(doc, cards.d).x === 480 + dx && item(doc, cards.d).y === 420 + dy, 'card D to move onto the toolbar');
    expect(item(doc, cards.c)).toMatchObject({ x: before.x + dx, y: before.y + dy });
    expect(await konvaIdle(page)).toBe(true);
    // The next click selects the card clicked, alone.
    await click(page, [300, 140]);
    await selected(page, 1);
    await settle();
    expect(item(doc, cards.a)).toMatchObject({ x: 240, y: 40 });

    expect(browser.errors).toEqual([]);
  });

  it('a pan, a marquee and a middle-button pan released over the disabled Fit selection button end there', async () => {
    const { page, doc, cards } = await newBoard('Pans released over controls');
    const fitSelection = '[data-testid=zoom-fit-selection]';
    const onto = await centreOf(page, fitSelection);
    const empty: Point = [onto[0], onto[1] - 200];
    expect(Object.values(cards).some((id) => contains(item(doc, id), empty))).toBe(false);

    // Dragging empty canvas pans: the board follows the pointer down by 200 px.
    expect(await page.locator(fitSelection).isDisabled()).toBe(true);
    await drag(page, empty, onto);
    expect(await konvaIdle(page)).toBe(true);
    await click(page, [300, 100 + 200]);
    await selected(page, 1);
    await clearSelection(page);
    await page.getByTestId('zoom-level').click();

    // Shift + drag on empty canvas: a marquee over D, the card under the minimap and the one
    // under the zoom bar.
    expect(await page.locator(fitSelection).isDisabled()).toBe(true);
    await drag(page, [600, 380], onto, { shift: true });
    await selected(page, 3);
    await click(page, [300, 100]);
    await selected(page, 1);
    await clearSelection(page);

    // The middle button pans too (taken from the DOM, not Konva).
    expect(await page.locator(fitSelection).isDisabled()).toBe(true);
    await drag(page, empty, onto, { button: 'middle' });
    expect(await page.getByTestId('board-canvas').getAttribute('data-pan')).toBeNull();
    await click(page, [300, 100 + 200]);
    await selected(page, 1);

    expect(linksOf(doc)).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });
});

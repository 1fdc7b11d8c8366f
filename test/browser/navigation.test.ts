// Moving around a board larger than the screen, against the real built server and app, with
// the board written by the stock y-websocket client: zoom to fit brings every card into view
// (the outline's "only cards in view" lists them all) and draws them as blocks; Space + drag
// and a middle-button drag move the board without moving the card under the pointer; Shift+2
// shows the selected card; a click on the minimap moves the view there. The console stays clean.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { addItem, type ItemId } from '@interlink/model';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromMinimap, minimapMapping, toMinimap } from '../../client/src/lib/navigation/minimap.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { until } from '../support/boardPage.js';
import { stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let browser: BrowserSession;
let writer: StockClient | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  writer?.destroy();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

/** 20 x 15 cards from (300, 0), right of the kind palette, and one far away to the bottom right. */
const GRID = { columns: 20, rows: 15, left: 300, pitchX: 240, pitchY: 160 } as const;
const FAR = { x: 12_000, y: 6_000, w: 200, h: 120 } as const;
const TOTAL = GRID.columns * GRID.rows + 1;

interface StageView {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** The Konva stage's transform: what the canvas shows (Konva puts itself on window). */
function stageView(page: Page): Promise<StageView> {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva?: { stages: { x(): number; y(): number; scaleX(): number }[] } }).Konva;
    const stage = konva?.stages[0];
    if (!stage) throw new Error('no Konva stage');
    return { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
  });
}

/** Whether the board's canvases (not the minimap) painted anything at this point of the board area. */
function paintedAt(page: Page, x: number, y: number): Promise<boolean> {
  return page.evaluate(
    ([px, py]) => {
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[data-testid=board-canvas] .konvajs-content canvas')) {
        const ratio = canvas.width / canvas.clientWidth;
        const alpha = canvas.getContext('2d')?.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data[3];
        if (alpha !== undefined && alpha !== 0) return true;
      }
      return false;
    },
    [x, y] as const,
  );
}

async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return box;
}

function outlineCount(page: Page, text: string): Promise<void> {
  return page.getByTestId('outline-count').filter({ hasText: text }).waitFor();
}

/** Where the view settles (the renderer applies it at the next frame). */
function settledView(page: Page, accept: (view: StageView) => boolean, what: string): Promise<StageView> {
  return until(() => stageView(page), accept, what);
}

const near = (a: number, b: number, tolerance = 1): boolean => Math.abs(a - b) <= tolerance;

describe('navigating a large board', () => {
  it('fits, pans with Space or the middle button, shows the selection and follows the minimap', async () => {
    const board = await server.createBoard('Navigation');
    writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
    await waitForSynced(writer.provider);
    const { doc } = writer;
    const ids: ItemId[] = [];
    doc.transact(() => {
      for (let i = 0; i < GRID.columns * GRID.rows; i += 1) {
        const x = GRID.left + (i % GRID.columns) * GRID.pitchX;
        const y = Math.floor(i / GRID.columns) * GRID.pitchY;
        ids.push(addItem(doc, { kind: i % 3 === 0 ? 'threat' : 'response', x, y, w: 200, h: 120, text: `Card ${i}` }));
      }
      addItem(doc, { kind: 'threat', ...FAR, text: 'Far away' });
    });

    const page = await browser.newPage();
    await page.goto(`${server.url}${board.links.facilitator}&name=Navigator`);
    await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
    await outlineCount(page, `of ${TOTAL} cards`);
    const box = await canvasBox(page);
    // Only what is in view has nodes: the top-left corner of the grid, not 301 cards.
    const built = Number(await page.getByTestId('board-canvas').getAttribute('data-card-count'));
    expect(built).toBeGreaterThan(0);
    expect(built).toBeLessThan(TOTAL / 2);

    // Zoom to fit: every card is in view, drawn as blocks (no card nodes) where the cards are.
    await page.getByTestId('zoom-fit').click();
    await outlineCount(page, `${TOTAL} of ${TOTAL} cards`);
    const fitted = await settledView(page, (view) => view.scale < 0.2, 'the fitted view');
    await page.locator('[data-testid=board-canvas][data-card-count="0"]').waitFor();
    const farOnScreen = { x: fitted.x + (FAR.x + FAR.w / 2) * fitted.scale, y: fitted.y + (FAR.y + FAR.h / 2) * fitted.scale };
    await until(() => paintedAt(page, farOnScreen.x, farOnScreen.y), (painted) => painted, 'the far card as a block');
    // Empty board between the grid and the far card stays unpainted.
    expect(await paintedAt(page, fitted.x + 9_000 * fitted.scale, fitted.y + 4_500 * fitted.scale)).toBe(false);

    // Back to 100%, then Shift+1 fits again (by the physical key: Shift+1 types "!" here).
    await page.getByTestId('zoom-level').click();
    await settledView(page, (view) => view.scale === 1 && view.x === 0, 'the reset view');
    await page.keyboard.press('Shift+Digit1');
    await outlineCount(page, `${TOTAL} of ${TOTAL} cards`);
    await page.getByTestId('zoom-level').click();
    await settledView(page, (view) => view.scale === 1 && view.x === 0, 'the reset view');

    // Space + drag over a card moves the board, not the card.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const cardCentre = { x: box.x + GRID.left + 100, y: box.y + 60 };
    await page.mouse.move(cardCentre.x, cardCentre.y);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(cardCentre.x + 150, cardCentre.y + 100, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    await settledView(page, (view) => near(view.x, 150) && near(view.y, 100), 'the board moved by the drag');
    expect(writer.doc.getMap('items').toJSON()[ids[0]!]).toMatchObject({ x: GRID.left, y: 0 });

    // A middle-button drag moves it too.
    await page.mouse.move(box.x + 600, box.y + 400);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(box.x + 500, box.y + 350, { steps: 5 });
    await page.mouse.up({ button: 'middle' });
    await settledView(page, (view) => near(view.x, 50) && near(view.y, 50), 'the board moved by the middle button');

    // Select a card, look elsewhere, then Shift+2 brings it back to the middle of the screen.
    const second = { x: GRID.left + GRID.pitchX, y: 0 };
    await page.mouse.click(box.x + 50 + second.x + 100, box.y + 50 + second.y + 60);
    await page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 1' }).waitFor();
    await page.getByTestId('zoom-level').click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+Digit2');
    await settledView(
      page,
      (view) => view.scale === 1 && near(view.x + second.x + 100, box.width / 2) && near(view.y + second.y + 60, box.height / 2),
      'the selected card in the middle',
    );

    // A click on the minimap where the far card is shows it (the minimap maps the board's extent).
    const minimap = page.getByTestId('minimap').locator('canvas');
    const mapBox = await minimap.boundingBox();
    if (!mapBox) throw new Error('no minimap');
    const extent = { x: GRID.left, y: 0, w: FAR.x + FAR.w - GRID.left, h: FAR.y + FAR.h };
    const mapping = minimapMapping(extent, mapBox.width, mapBox.height);
    if (!mapping) throw new Error('no minimap mapping');
    const target = toMinimap(mapping, { x: FAR.x + FAR.w / 2, y: FAR.y + FAR.h / 2 });
    await minimap.click({ position: target });
    const shown = fromMinimap(mapping, target);
    await settledView(
      page,
      (view) => near(view.x + shown.x, box.width / 2, 60) && near(view.y + shown.y, box.height / 2, 60),
      'the view centred where the minimap was clicked',
    );
    await page.getByTestId('outline').locator('[data-text="Far away"]').waitFor();

    expect(browser.errors).toEqual([]);
  });
});

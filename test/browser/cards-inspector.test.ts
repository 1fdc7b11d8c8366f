// The canvas editor's cards against the real built server and app, watched by a stock y-websocket
// client: the palette's current kind is what a double-click creates, a kind dragged from the
// palette lands where it is dropped, the inspector writes a threat's fields and its sensitivity,
// the resize handle changes a card's size, and the console stays clean.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { readBoard, type ItemView } from '@interlink/model';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let browser: BrowserSession;
let watcher: StockClient | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  watcher?.destroy();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

async function openBoard(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
  return page;
}

/** The board area's top-left corner on the page: at the initial view, board (0, 0). */
async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return { x: box.x, y: box.y };
}

function itemsOfKind(client: StockClient, kind: string): ItemView[] {
  return [...readBoard(client.doc).items.values()].filter((item) => item.kind === kind);
}

/** The one item of `kind` the stock client sees, once it is there. */
async function theOne(client: StockClient, kind: string): Promise<ItemView> {
  await eventually(() => itemsOfKind(client, kind).length === 1, `one ${kind} on the board`);
  const [item] = itemsOfKind(client, kind);
  if (!item) throw new Error(`no ${kind}`);
  return item;
}

async function finishEditing(page: Page): Promise<void> {
  const editor = page.getByTestId('card-editor');
  await editor.waitFor();
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

describe('cards, the palette and the inspector', () => {
  it('creates the chosen kind, drops a dragged kind, edits fields and resizes a card', async () => {
    const board = await server.createBoard('Cards and inspector');
    watcher = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
    await waitForSynced(watcher.provider);
    const page = await openBoard(`${server.url}${board.links.participant}&name=Amina`);
    const origin = await canvasOrigin(page);

    // The palette lists every kind; "threat" becomes the current kind.
    const palette = page.getByRole('toolbar', { name: 'Kinds of card' });
    expect(await palette.getByRole('button').count()).toBe(9);
    const threatButton = palette.getByRole('button', { name: 'Threat' });
    expect(await threatButton.getAttribute('aria-pressed')).toBe('false');
    await threatButton.click();
    expect(await threatButton.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('add-card').textContent()).toContain('Threat');

    // A double-click on empty canvas creates a threat centred there (the view starts at 100%).
    await page.mouse.dblclick(origin.x + 450, origin.y + 250);
    await finishEditing(page);
    const threat = await theOne(watcher, 'threat');
    // Within a pixel or two: the board's corner can sit between pixels.
    expect(Math.abs(threat.x + threat.w / 2 - 450)).toBeLessThanOrEqual(2);
    expect(Math.abs(threat.y + threat.h / 2 - 250)).toBeLessThanOrEqual(2);
    expect(threat.author).toBe('Amina');

    // A kind dragged from the palette becomes a card where it is dropped.
    await palette.getByRole('button', { name: 'Actor' }).dragTo(page.getByTestId('board-canvas'), { targetPosition: { x: 800, y: 520 } });
    await finishEditing(page);
    const actor = await theOne(watcher, 'actor');
    expect(Math.abs(actor.x + actor.w / 2 - 800)).toBeLessThanOrEqual(3);
    expect(Math.abs(actor.y + actor.h / 2 - 520)).toBeLessThanOrEqual(3);
    // Dragging does not change the current kind.
    expect(await threatButton.getAttribute('aria-pressed')).toBe('true');

    // A click selects the threat; the inspector shows its fields.
    await page.mouse.click(origin.x + threat.x + 40, origin.y + threat.y + 60);
    const inspector = page.getByTestId('inspector');
    await inspector.getByTestId('inspector-summary').filter({ hasText: 'Selected: Threat' }).waitFor();
    expect(await inspector.getByTestId('inspector-level').count()).toBe(0);

    await inspector.getByLabel('Severity').selectOption('4');
    await inspector.getByLabel('Likelihood').selectOption('5');
    await inspector.getByRole('checkbox', { name: 'Food' }).check();
    await inspector.getByRole('checkbox', { name: 'Health' }).check();
    await inspector.getByLabel('Sensitivity').selectOption('restricted');
    await eventually(() => {
      const item = readBoard(watcher!.doc).items.get(threat.id);
      return (
        item?.severity === 4 &&
        item.likelihood === 5 &&
        item.dimensions?.join() === 'food,health' &&
        item.sensitivity === 'restricted'
      );
    }, 'the threat’s severity, likelihood, dimensions and sensitivity at the stock client');
    // The actor was left alone.
    expect(readBoard(watcher.doc).items.get(actor.id)).toMatchObject({ sensitivity: 'public' });
    expect(readBoard(watcher.doc).items.get(actor.id)?.severity).toBeUndefined();

    // The bottom-right resize handle: one drag, one new size.
    const corner = { x: origin.x + threat.x + threat.w, y: origin.y + threat.y + threat.h };
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(corner.x + 30, corner.y + 20, { steps: 4 });
    await page.mouse.move(corner.x + 60, corner.y + 40, { steps: 4 });
    await page.mouse.up();
    await eventually(() => {
      const item = readBoard(watcher!.doc).items.get(threat.id);
      return item !== undefined && Math.abs(item.w - (threat.w + 60)) <= 2 && Math.abs(item.h - (threat.h + 40)) <= 2;
    }, 'the threat resized by 60 x 40');
    const resized = readBoard(watcher.doc).items.get(threat.id);
    expect(resized?.x).toBe(threat.x);
    expect(resized?.y).toBe(threat.y);

    // Both cards selected: the shared sensitivity reads "Mixed", and a colour goes to both in one change.
    await page.keyboard.down('Shift');
    await page.mouse.click(origin.x + actor.x + 40, origin.y + actor.y + 60);
    await page.keyboard.up('Shift');
    await inspector.getByTestId('inspector-summary').filter({ hasText: 'Selected: 2 cards' }).waitFor();
    expect(await inspector.getByLabel('Sensitivity').inputValue()).not.toBe('public');
    expect(await inspector.getByLabel('Sensitivity').locator('option:checked').textContent()).toBe('Mixed');
    await inspector.getByRole('radio', { name: 'Green' }).check();
    await eventually(
      () => [threat.id, actor.id].every((id) => readBoard(watcher!.doc).items.get(id)?.color === '#d7f0c8'),
      'both cards green',
    );

    expect(browser.errors).toEqual([]);
  });
});

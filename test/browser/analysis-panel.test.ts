// The Analysis panel against the real built server and app: a board written by the stock
// y-websocket client shows its loop and its gap in the panel, choosing the loop selects its
// three cards and brings them into view, a click on empty canvas clears the selection, and a
// link added from outside updates the panel live (the gap goes away). The console stays clean.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { addItem, linkItems } from '@interlink/model';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
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

const LOOP_TEXTS = ['Drought', 'Food prices', 'Distress migration'] as const;
const UNADDRESSED = 'Violence at water points';

async function openBoard(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
  return page;
}

/** The names of the outline's entries, which lists only the cards in view (its default). */
async function outlineNames(page: Page): Promise<string[]> {
  return page.getByTestId('outline').getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
}

function selectedEntries(page: Page): Locator {
  return page.getByTestId('outline').getByRole('button', { name: /, selected$/ });
}

describe('the Analysis panel', () => {
  it('shows loops and gaps live, and selects and shows a loop’s cards', async () => {
    const board = await server.createBoard('Analysis panel');
    writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
    await waitForSynced(writer.provider);
    const { doc } = writer;

    // The loop lies far from where the page first looks (0, 0), so showing it has to move the view.
    const [drought, prices, migration] = LOOP_TEXTS.map((text, i) =>
      addItem(doc, { kind: 'threat', x: 3000 + 350 * i, y: 2000 + (i === 2 ? 300 : 0), text, dimensions: ['food'] }),
    ) as [ReturnType<typeof addItem>, ReturnType<typeof addItem>, ReturnType<typeof addItem>];
    linkItems(doc, { kind: 'amplifies', from: drought, to: prices });
    linkItems(doc, { kind: 'amplifies', from: prices, to: migration });
    linkItems(doc, { kind: 'amplifies', from: migration, to: drought, polarity: '-' });
    const violence = addItem(doc, { kind: 'threat', x: -2500, y: -1500, text: UNADDRESSED, dimensions: ['personal'] });
    const response = addItem(doc, { kind: 'response', x: -2500, y: 1500, text: 'Water committees', strategy: 'protection', phase: 'prevention' });
    const actor = addItem(doc, { kind: 'actor', x: -2100, y: 1500, text: 'District council', level: 'local', sector: 'government' });
    for (const threat of [drought, prices, migration]) linkItems(doc, { kind: 'addresses', from: response, to: threat });
    linkItems(doc, { kind: 'responsible', from: actor, to: response });

    const page = await openBoard(`${server.url}${board.links.facilitator}&name=Fatima`);
    await page.getByTestId('outline-count').filter({ hasText: 'of 6 cards' }).waitFor();
    // At first none of the loop's cards is in view.
    expect((await outlineNames(page)).filter((name) => LOOP_TEXTS.some((text) => name.endsWith(`: ${text}`)))).toEqual([]);

    // The toggle is a disclosure button, operable from the keyboard.
    const toggle = page.getByRole('button', { name: 'Analysis', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Analysis' });
    await panel.waitFor();

    // The loop: its kind, and its cards' texts joined with arrows.
    const loops = panel.getByRole('list', { name: /^Loops/ }).getByRole('button');
    expect(await loops.count()).toBe(1);
    const loopText = (await loops.first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    expect(loopText).toMatch(/^Balancing loop /);
    expect(loopText.split(' → ')).toHaveLength(4);
    for (const text of LOOP_TEXTS) expect(loopText).toContain(text);

    // The gap: the one threat no response addresses.
    const unaddressed = panel.getByRole('list', { name: /^Threats no response addresses/ });
    expect(await unaddressed.getByRole('button').count()).toBe(1);
    expect(await unaddressed.getByRole('button', { name: UNADDRESSED, exact: true }).count()).toBe(1);

    // Choosing the loop selects its three cards and brings them all into view.
    await loops.first().click();
    await page.getByTestId('selection-status').filter({ hasText: 'Selected cards: 3' }).waitFor();
    await expect.poll(() => selectedEntries(page).count()).toBe(3);
    const selected = await selectedEntries(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(selected.sort()).toEqual(LOOP_TEXTS.map((text) => `Threat: ${text}, selected`).sort());
    // The outline lists only cards in view: the unaddressed threat, far away, is not among them.
    expect((await outlineNames(page)).some((name) => name.includes(UNADDRESSED))).toBe(false);

    // Choosing a gap's card selects that one card instead.
    await unaddressed.getByRole('button', { name: UNADDRESSED }).click();
    await expect.poll(() => selectedEntries(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual([
      `Threat: ${UNADDRESSED}, selected`,
    ]);

    // A click on empty canvas clears the selection (the fit leaves the corners free).
    const canvas = await page.getByTestId('board-canvas').boundingBox();
    if (!canvas) throw new Error('no board canvas');
    await page.mouse.click(canvas.x + canvas.width - 12, canvas.y + 12);
    await expect.poll(() => selectedEntries(page).count()).toBe(0);
    expect(await page.getByTestId('selection-status').textContent()).toBe('');

    // A link added elsewhere reaches the panel without any action here: the gap goes away.
    linkItems(doc, { kind: 'addresses', from: response, to: violence });
    await unaddressed.waitFor({ state: 'detached' });
    await panel.getByText('No gaps found.').waitFor();

    // Closing returns focus to the toggle.
    await panel.getByRole('button', { name: 'Close the analysis' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(browser.errors).toEqual([]);
  });
});

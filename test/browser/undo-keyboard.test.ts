// Per-person undo, the keyboard path through the outline and the shortcut help, against the
// real built server and app, with a stock y-websocket client observing what reaches the board:
// (a) one person's Ctrl+Z takes back their own move and leaves another's edit made meanwhile;
// (b) without a mouse, cards are added, typed, linked and deleted from the outline;
// (c) "?" opens the shortcut help, Escape closes it and focus goes back. Consoles stay clean.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { addItem, boardMaps, readBoard, type BoardView, type ItemId } from '@interlink/model';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard } from '../support/boardPage.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let alice: BrowserSession;
let bob: BrowserSession;
const observers: StockClient[] = [];

beforeAll(async () => {
  server = await startServer();
  [alice, bob] = await Promise.all([launchBrowser(), launchBrowser()]);
});

afterAll(async () => {
  for (const client of observers) client.destroy();
  await Promise.allSettled([alice?.close(), bob?.close()]);
  await server?.stop();
  server?.cleanup();
});

async function observe(boardId: string, token: string): Promise<StockClient> {
  const client = stockClient(server.wsUrl, boardId, token);
  observers.push(client);
  await waitForSynced(client.provider);
  return client;
}

const board = (client: StockClient): BoardView => readBoard(client.doc);
const itemWithText = (client: StockClient, text: string) => [...board(client).items.values()].find((item) => item.text === text);

/** Presses Tab until `predicate` holds for the focused element (keyboard users' way around). */
async function tabUntil(page: Page, predicate: string, what: string, limit = 15): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, predicate)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const focused = (page: Page, attribute: string): Promise<string | null> =>
  page.evaluate((name) => document.activeElement?.getAttribute(name) ?? null, attribute);

describe('undo and the keyboard', () => {
  it('undoes one person’s own move, not what another did meanwhile, and redoes it', async () => {
    const created = await server.createBoard('Undo');
    const observer = await observe(created.id, created.tokens.facilitator);
    const theirs = addItem(observer.doc, { kind: 'group', x: 40, y: 480, text: 'Farmers' });
    const link = `${server.url}${created.links.participant}`;
    const pageA = await openBoard(alice, `${link}&name=Amina`);
    const pageB = await openBoard(bob, `${link}&name=Bilal`);
    await pageA.locator('[data-testid=outline-item][data-text=Farmers]').waitFor();

    // Amina adds a threat from the outline's form...
    await pageA.getByTestId('new-card-text').fill('Food prices');
    await pageA.getByTestId('new-card-text').press('Enter');
    await eventually(() => itemWithText(observer, 'Food prices') !== undefined, 'the new threat on the board');
    const card = itemWithText(observer, 'Food prices')!;
    expect(card.kind).toBe('threat');
    const before = { x: card.x, y: card.y };

    // ...and drags it with the mouse: dozens of pointer moves, throttled updates on the wire.
    expect(await pageA.getByTestId('zoom-level').textContent()).toContain('100%');
    const canvas = (await pageA.getByTestId('board-canvas').boundingBox())!;
    const grab = { x: canvas.x + card.x + card.w / 2, y: canvas.y + card.y + card.h / 2 };
    await pageA.mouse.move(grab.x, grab.y);
    await pageA.mouse.down();
    await pageA.mouse.move(grab.x + 150, grab.y + 90, { steps: 25 });
    await pageA.mouse.up();
    await eventually(() => itemWithText(observer, 'Food prices')?.x === before.x + 150, 'the move on the board');
    const after = { x: before.x + 150, y: before.y + 90 };
    expect(itemWithText(observer, 'Food prices')).toMatchObject(after);

    // Meanwhile Bilal edits another card.
    const entryB = pageB.locator(`[data-testid=outline-item][data-item-id="${theirs}"]`);
    await entryB.focus();
    await pageB.keyboard.press('Enter');
    await pageB.getByTestId('card-editor').waitFor();
    await pageB.keyboard.press('End');
    await pageB.keyboard.type(' and herders');
    await pageB.keyboard.press('Escape');
    await eventually(() => board(observer).items.get(theirs)?.text === 'Farmers and herders', 'Bilal’s edit on the board');
    await pageA.locator('[data-testid=outline-item][data-text="Farmers and herders"]').waitFor();

    // Amina's Ctrl+Z takes back her whole drag in one step, and nothing of Bilal's.
    await pageA.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pageA.keyboard.press('Control+z');
    await eventually(() => itemWithText(observer, 'Food prices')?.x === before.x, 'the move undone');
    expect(itemWithText(observer, 'Food prices')).toMatchObject(before);
    expect(board(observer).items.get(theirs)?.text).toBe('Farmers and herders');
    expect(await pageA.getByTestId('announcer').textContent()).toBe('Undone.');

    // Redo brings the move back; the Redo button then has nothing left and is disabled.
    await pageA.keyboard.press('Control+Shift+Z');
    await eventually(() => itemWithText(observer, 'Food prices')?.x === after.x, 'the move redone');
    expect(itemWithText(observer, 'Food prices')).toMatchObject(after);
    expect(await pageA.getByTestId('redo').isDisabled()).toBe(true);
    // Undo twice more from the button: the move, then the card itself; Bilal's edit stays.
    await pageA.getByTestId('undo').click();
    await pageA.getByTestId('undo').click();
    await eventually(() => itemWithText(observer, 'Food prices') === undefined, 'the creation undone');
    expect(board(observer).items.get(theirs)?.text).toBe('Farmers and herders');
    expect(await pageA.getByTestId('undo').isDisabled()).toBe(true);

    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('adds, types, links and deletes cards from the outline with the keyboard alone', async () => {
    const created = await server.createBoard('Keyboard only');
    const observer = await observe(created.id, created.tokens.facilitator);
    const page = await openBoard(alice, `${server.url}${created.links.participant}&name=Kofi`);

    // N opens the "add a card" form; the kind list is chosen by typing, as in any select.
    await page.keyboard.press('n');
    expect(await focused(page, 'data-testid')).toBe('new-card-kind');
    await page.keyboard.type('Threat');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Food prices');
    await page.keyboard.press('Enter');
    await page.getByTestId('announcer').filter({ hasText: 'Threat card added: Food prices' }).waitFor();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Resp');
    expect(await page.getByTestId('new-card-kind').inputValue()).toBe('response');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cash transfers');
    await page.keyboard.press('Enter');
    await eventually(() => board(observer).items.size === 2, 'two cards on the board');
    const threat = itemWithText(observer, 'Food prices')!;
    const response = itemWithText(observer, 'Cash transfers')!;
    expect([threat.kind, response.kind]).toEqual(['threat', 'response']);

    // Into the outline, to the response.
    await tabUntil(page, '[data-testid=outline-item]', 'the outline');
    for (let i = 0; i < 3 && (await focused(page, 'data-item-id')) !== response.id; i++) await page.keyboard.press('ArrowDown');
    expect(await focused(page, 'data-item-id')).toBe(response.id);

    // L: link it to the threat, found by typing; the kind offered first is "addresses".
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Link a card' });
    await dialog.waitFor();
    expect(await focused(page, 'data-testid')).toBe('link-filter');
    await page.keyboard.type('food');
    await expect.poll(() => page.getByTestId('link-targets').getByRole('option', { selected: true }).textContent()).toBe('Threat: Food prices');
    expect(await page.getByTestId('link-kind').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.dataset.kind)).toBe(
      'addresses',
    );
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page, 'data-item-id')).toBe(response.id);
    await eventually(() => board(observer).links.size === 1, 'the link on the board');
    const [link] = board(observer).links.values();
    expect(link).toMatchObject({ kind: 'addresses', from: response.id, to: threat.id });

    // Each entry lists its links in words.
    const threatLinks = page.locator(`#outline-links-${threat.id}`);
    expect(await threatLinks.textContent()).toContain('← Response: Cash transfers addresses this card');
    expect(await page.locator(`#outline-links-${response.id}`).textContent()).toContain('addresses → Threat: Food prices');

    // In a card's text editor Ctrl+Z undoes the typing, through this person's board history.
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('card-editor');
    await editor.waitFor();
    await page.keyboard.type(' now');
    await eventually(() => board(observer).items.get(response.id)?.text === 'Cash transfers now', 'the typing on the board');
    await page.keyboard.press('Control+z');
    await eventually(() => board(observer).items.get(response.id)?.text === 'Cash transfers', 'the typing undone');
    expect(await editor.inputValue()).toBe('Cash transfers');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await focused(page, 'data-item-id')).toBe(response.id);

    // Delete: the card and its link go, it is announced, and Ctrl+Z brings both back.
    await page.keyboard.press('Delete');
    await eventually(() => !board(observer).items.has(response.id as ItemId), 'the response deleted');
    expect(board(observer).links.size).toBe(0);
    expect(await page.getByTestId('announcer').textContent()).toBe(
      'Response card deleted: Cash transfers. Press Ctrl+Z to undo.',
    );
    expect(await focused(page, 'data-item-id')).toBe(threat.id);
    await page.keyboard.press('Control+z');
    await eventually(() => board(observer).items.has(response.id as ItemId) && board(observer).links.size === 1, 'the delete undone');
    expect(boardMaps(observer.doc).items.size).toBe(2);

    // I: the card's fields, in the Inspector.
    await page.keyboard.press('i');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=inspector]') !== null)).toBe(true);

    expect(alice.errors).toEqual([]);
  });

  it('opens the shortcut help with "?", lists undo, closes on Escape and returns focus', async () => {
    const created = await server.createBoard('Help');
    const page = await openBoard(bob, `${server.url}${created.links.participant}&name=Lena`);
    const opener = page.getByTestId('analysis-toggle');
    await opener.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const undo = help.locator('[data-shortcut-id=undo]');
    expect(await undo.textContent()).toContain('Undo your last change');
    expect((await undo.locator('dt').textContent())?.replace(/\s+/g, '')).toBe('Ctrl+Z');
    expect(await help.locator('[data-shortcut-id=redo] dt').textContent()).toMatch(/Ctrl\s*\+\s*Y/);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    // The page behind is inert: shortcuts do not reach it while the help is open.
    await page.keyboard.press('n');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);

    // The header button opens it too, and its Close button returns focus to it.
    await page.getByTestId('shortcuts-open').click();
    await help.waitFor();
    await page.getByTestId('shortcut-help-close').click();
    await help.waitFor({ state: 'detached' });
    expect(await page.getByTestId('shortcuts-open').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(bob.errors).toEqual([]);
  });
});

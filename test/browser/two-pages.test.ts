// Two people on one board, each in their own browser profile: what one does appears for the
// other (the card in the outline and on the canvas, its text, the pointer with the name),
// and neither page logs a console error. Runs the real built server and app.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasOrigin, colourAt, openBoard, until } from '../support/boardPage.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const NOTE_FILL = [0xff, 0xf3, 0xb0]; // kindStyle.ts: note

let server: RunningServer;
let alice: BrowserSession;
let bob: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  [alice, bob] = await Promise.all([launchBrowser(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.allSettled([alice?.close(), bob?.close()]);
  await server?.stop();
  server?.cleanup();
});

describe('two pages on one board', () => {
  it('shows one participant’s new card, its text and their cursor to the other', async () => {
    const board = await server.createBoard('Two pages');
    const link = `${server.url}${board.links.participant}`;
    // Amina's link is well formed; Bilal's has the name naively appended with a second "?".
    const pageA = await openBoard(alice, `${link}&name=Amina`);
    const pageB = await openBoard(bob, `${link}?name=Bilal`);

    for (const page of [pageA, pageB]) {
      expect(await page.textContent('[data-testid=board-title]')).toBe('Two pages');
      expect(await page.textContent('[data-testid=board-role]')).toContain('Participant');
    }
    await pageB.locator('[data-testid=presence-peer][data-name=Amina]').waitFor();

    // Amina double-clicks empty canvas: a note appears there, open for typing.
    const originA = await canvasOrigin(pageA);
    await pageA.mouse.dblclick(originA.x + 300, originA.y + 200);
    const editor = pageA.locator('[data-testid=card-editor]');
    await editor.waitFor();
    await pageA.keyboard.type('Water shortage');
    await pageA.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Bilal sees it in the outline, with its kind and text...
    const entry = pageB.locator('[data-testid=outline-item][data-kind=note]');
    await pageB.locator('[data-testid=outline-item][data-text="Water shortage"]').waitFor();
    expect(await entry.count()).toBe(1);
    // Amina's new card is still selected on her page: Bilal's outline says so.
    await until(() => entry.getAttribute('aria-label'), (label) => label === 'Note: Water shortage, selected by Amina', 'the outline label');

    // ...and on the canvas: one card node, painted in the note colour where Amina clicked.
    await pageB.locator('[data-testid=board-canvas][data-card-count="1"]').waitFor();
    const colour = await until(() => colourAt(pageB, 300, 200), (c) => c !== undefined, 'the card on B');
    expect(colour).toEqual(NOTE_FILL);
    expect(await colourAt(pageB, 700, 500)).toBeUndefined();

    // Amina moves her pointer; Bilal sees it, named, at the same board position.
    await pageA.mouse.move(originA.x + 480, originA.y + 380);
    await pageA.mouse.move(originA.x + 500, originA.y + 400, { steps: 5 });
    const cursor = pageB.locator('[data-testid=remote-cursor][data-name=Amina]');
    await cursor.waitFor();
    expect(await cursor.textContent()).toContain('Amina');
    const originB = await canvasOrigin(pageB);
    await until(
      async () => cursor.boundingBox(),
      (box) => box !== null && Math.abs(box.x - originB.x - 500) <= 2 && Math.abs(box.y - originB.y - 400) <= 2,
      'Amina’s cursor at (500, 400) on B',
    );

    // The pointer leaving the board removes the cursor for the others.
    await pageA.mouse.move(originA.x - 10, originA.y - 10);
    await cursor.waitFor({ state: 'detached' });

    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('offers an observer no editing', async () => {
    const board = await server.createBoard('Observed');
    const observer = await openBoard(bob, `${server.url}${board.links.observer}&name=Olga`);
    await observer.locator('[data-testid=observer-notice]').waitFor();
    const origin = await canvasOrigin(observer);
    await observer.mouse.dblclick(origin.x + 300, origin.y + 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await observer.locator('[data-testid=card-editor]').count()).toBe(0);
    expect(await observer.getAttribute('[data-testid=board-canvas]', 'data-card-count')).toBe('0');
    expect(bob.errors).toEqual([]);
  });
});

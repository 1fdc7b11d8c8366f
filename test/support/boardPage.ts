// The board page as browser tests drive and read it: opening it and waiting for the connection,
// the canvas's place on the page, what is painted at a point, adding a card, going offline.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import type { BrowserSession } from './browser.js';

/** Waits until the status indicator says the page is connected. */
export const connected = (page: Page): Promise<void> => page.locator('[data-testid=connection-status][data-status=connected]').waitFor();

/** A new page of `session` at `url`, once it is connected. */
export async function openBoard(session: BrowserSession, url: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(url);
  await connected(page);
  return page;
}

/** The position of the board area's top-left corner on the page. */
export async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return { x: box.x, y: box.y };
}

/** The colour drawn at a point of the board area: the topmost Konva layer that painted there. */
export function colourAt(page: Page, x: number, y: number): Promise<number[] | undefined> {
  return page.evaluate(
    ([px, py]) => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-testid=board-canvas] .konvajs-content canvas')).reverse();
      for (const canvas of canvases) {
        const ratio = canvas.width / canvas.clientWidth;
        const data = canvas.getContext('2d')?.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data;
        if (data && data[3] !== 0) return [data[0]!, data[1]!, data[2]!];
      }
      return undefined;
    },
    [x, y] as const,
  );
}

/** Reads until `accept` takes the value (the page applies changes at its next frames), for up to 10 s. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Double-clicks empty canvas, types the new card's text, and leaves the editor. */
export async function addCard(page: Page, text: string, at = { x: 320, y: 220 }): Promise<void> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
  const editor = page.getByTestId('card-editor');
  await editor.waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

/** Takes the browser context off (or back on) the network, and waits until the page says so. */
export async function setOffline(context: BrowserContext, page: Page, offline: boolean): Promise<void> {
  await context.setOffline(offline);
  await page.locator(`[data-testid=connection-status][data-link=${offline ? 'offline' : 'online'}]`).waitFor();
}

/** Waits until the service worker controls the page, so that the app shell loads (and reloads) offline. */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
}

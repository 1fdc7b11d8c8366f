// Auto-layout on demand, against the real built server and app: a problem tree written by the
// stock y-websocket client with every card piled on one spot is arranged by one click into
// reading order (root cause, then threat, then the group it affects, the response beside its
// threat), no card overlapping another, and one Ctrl+Z puts every card back. The console stays clean.
import { addItem, boardMaps, linkItems, type ItemId } from '@interlink/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let browser: BrowserSession;
let observer: StockClient | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  observer?.destroy();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function boxOf(doc: Y.Doc, id: ItemId): Box {
  const item = boardMaps(doc).items.get(id);
  const read = (key: string): number => Number(item?.get(key));
  return { x: read('x'), y: read('y'), w: read('w'), h: read('h') };
}

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('auto-layout', () => {
  it('arranges a piled-up problem tree in reading order, and one undo puts it back', async () => {
    const board = await server.createBoard('Auto-layout');
    observer = stockClient(server.wsUrl, board.id, board.tokens.observer);
    const writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
    await Promise.all([waitForSynced(observer.provider), waitForSynced(writer.provider)]);
    const pile = { x: 400, y: 300 };
    const add = (kind: 'root-cause' | 'threat' | 'group' | 'response', text: string): ItemId => addItem(writer.doc, { kind, text, ...pile });
    const cause = add('root-cause', 'Deforestation upstream');
    const threat = add('threat', 'Flash floods');
    const group = add('group', 'Riverside farmers');
    const response = add('response', 'Early-warning sirens');
    linkItems(writer.doc, { kind: 'causes', from: cause, to: threat });
    linkItems(writer.doc, { kind: 'affects', from: threat, to: group });
    linkItems(writer.doc, { kind: 'addresses', from: response, to: threat });
    const ids = [cause, threat, group, response];
    await eventually(() => ids.every((id) => boardMaps(observer!.doc).items.has(id)), 'the observer has the board');
    writer.destroy();

    const page = await browser.newPage();
    await page.goto(`${server.url}${board.links.facilitator}&name=Lena`);
    await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
    await page.getByTestId('outline-count').filter({ hasText: 'of 4 cards' }).waitFor();
    await page.getByTestId('auto-layout').click();

    const doc = observer.doc;
    await eventually(() => boxOf(doc, cause).x !== pile.x || boxOf(doc, group).x !== pile.x, 'the cards moved');
    await eventually(() => boxOf(doc, cause).x < boxOf(doc, threat).x && boxOf(doc, threat).x < boxOf(doc, group).x, 'reading order');
    const boxes = ids.map((id) => boxOf(doc, id));
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b), JSON.stringify([a, b])).toBe(false);
    // The response stands beside its threat: nearer to it than the root cause's far side is.
    expect(boxOf(doc, response).x).toBeGreaterThan(boxOf(doc, cause).x);

    // One gesture, one step of this person's history.
    await page.keyboard.press('Control+z');
    await eventually(() => ids.every((id) => boxOf(doc, id).x === pile.x && boxOf(doc, id).y === pile.y), 'undo puts every card back');
    expect(browser.errors).toEqual([]);
  });
});

// Three people on one board, each in their own browser profile (a facilitator, Fatou, and two
// participants, Amina and Bilal, who joined through `?name=` share links): they see each
// other's pointers and names, the participant list with roles, Amina's selection ringed in her
// colour on Bilal's canvas and named in his outline; Bilal follows Amina's view until he moves
// his own, Escape stops following, and following stops when the person leaves; the facilitator's
// "Bring everyone here" moves both participants to her view, and only she is offered it.
// Bilal's window is smaller than the others': following and focus match the centre and zoom.
// Runs the real built server and app; every console stays clean.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { addItem } from '@interlink/model';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasOrigin, colourAt, openBoard, until } from '../support/boardPage.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { stockClient, waitForSynced } from '../support/clients.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let fatou: BrowserSession;
let amina: BrowserSession;
let bilal: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  [fatou, amina, bilal] = await Promise.all([
    launchBrowser(),
    launchBrowser(),
    launchBrowser({ viewport: { width: 1100, height: 700 } }),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([fatou?.close(), amina?.close(), bilal?.close()]);
  await server?.stop();
  server?.cleanup();
});

/** The card everyone looks at, in canvas units (right of the kind palette). */
const CARD = { x: 400, y: 200, w: 200, h: 120 } as const;
/** Where the innermost remote-selection ring is drawn outside a card at 100% (remoteSelectionPainter.ts). */
const RING_OFFSET = 9;

interface Centre {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The canvas point in the middle of the board area, and the zoom, from the Konva stage (Konva is on window). */
function viewCentre(page: Page): Promise<Centre> {
  return page.evaluate(() => {
    type Stage = { x(): number; y(): number; scaleX(): number; width(): number; height(): number };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    if (!stage) throw new Error('no Konva stage');
    const scale = stage.scaleX();
    return { x: (stage.width() / 2 - stage.x()) / scale, y: (stage.height() / 2 - stage.y()) / scale, zoom: scale };
  });
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
}

const sameColour = (a: number[] | undefined, b: number[]): boolean => a !== undefined && a.every((v, i) => Math.abs(v - b[i]!) <= 3);

const sameCentre = (a: Centre, b: Centre): boolean => Math.abs(a.x - b.x) <= 0.5 && Math.abs(a.y - b.y) <= 0.5 && Math.abs(a.zoom - b.zoom) <= 0.001;

/** Waits until `follower` shows what `leader` shows (same centre, same zoom), and answers it. */
async function matches(follower: Page, leader: Page, what: string): Promise<Centre> {
  const target = await viewCentre(leader);
  await until(() => viewCentre(follower), (view) => sameCentre(view, target), what);
  return target;
}

/** Waits until the page's canvas shows `zoom` (the renderer applies a view at its next frame). */
function zoomed(page: Page, zoom: number, what: string): Promise<Centre> {
  return until(() => viewCentre(page), (view) => Math.abs(view.zoom - zoom) <= 0.001, what);
}

/** A wheel pan over the middle of the board area (moves the view by -dx, -dy screen pixels). */
async function wheelPan(page: Page, dx: number, dy: number): Promise<void> {
  const origin = await canvasOrigin(page);
  await page.mouse.move(origin.x + 500, origin.y + 400);
  await page.mouse.wheel(dx, dy);
}

describe('presence with three people', () => {
  it('shows pointers, selections and roles, follows a view, and brings everyone to the facilitator’s', async () => {
    const board = await server.createBoard('Presence');
    const writer = stockClient(server.wsUrl, board.id, board.tokens.facilitator);
    await waitForSynced(writer.provider);
    addItem(writer.doc, { kind: 'threat', ...CARD, text: 'Drought' });
    // Written and relayed once the stock client's own sync is done: then it can go.
    await new Promise((resolve) => setTimeout(resolve, 200));
    writer.destroy();

    const f = await openBoard(fatou, `${server.url}${board.links.facilitator}&name=Fatou`);
    const p1 = await openBoard(amina, `${server.url}${board.links.participant}&name=Amina`);
    const p2 = await openBoard(bilal, `${server.url}${board.links.participant}&name=Bilal`);
    const pages = [f, p1, p2];
    for (const page of pages) await page.locator('[data-testid=outline-item][data-text=Drought]').waitFor();

    // The participant list: everyone, facilitators first, then by name, with roles and "(you)".
    await p2.locator('[data-testid=presence-list] li').nth(2).waitFor();
    const rows = await p2.locator('[data-testid=presence-list] li').evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-name'), li.getAttribute('data-role'), li.querySelector('.name')?.textContent?.trim()]),
    );
    expect(rows).toEqual([
      ['Fatou', 'facilitator', 'Fatou'],
      ['Amina', 'participant', 'Amina'],
      ['Bilal', 'participant', 'Bilal (you)'],
    ]);
    expect(await p2.locator('[data-testid=presence-peer][data-name=Fatou] [data-testid=presence-role]').textContent()).toBe('Facilitator');
    expect(await p2.locator('[data-testid=presence-self] [data-testid=presence-role]').textContent()).toBe('Participant');
    // Nobody follows themselves; each other person has a Follow toggle.
    expect(await p2.locator('[data-testid=presence-self] [data-testid=presence-follow]').count()).toBe(0);
    expect(await p2.getByRole('button', { name: 'Follow Amina’s view' }).getAttribute('aria-pressed')).toBe('false');

    // Pointers: each person's appears, named, on the two other pages.
    const names = ['Fatou', 'Amina', 'Bilal'] as const;
    for (const [index, page] of pages.entries()) {
      const origin = await canvasOrigin(page);
      await page.mouse.move(origin.x + 700, origin.y + 450);
      await page.mouse.move(origin.x + 720 + index * 20, origin.y + 460, { steps: 4 });
      for (const other of pages.filter((candidate) => candidate !== page)) {
        await other.locator(`[data-testid=remote-cursor][data-name=${names[index]}]`).waitFor();
      }
    }

    // Amina selects the card: Bilal's canvas rings it in her colour, his outline names her.
    const aminaColour = await p2.locator('[data-testid=presence-peer][data-name=Amina]').getAttribute('data-color');
    expect(aminaColour).toMatch(/^#[0-9a-f]{6}$/i);
    const originA = await canvasOrigin(p1);
    await p1.mouse.click(originA.x + CARD.x + CARD.w / 2, originA.y + CARD.y + CARD.h / 2);
    await p1.getByTestId('selection-status').filter({ hasText: 'Selected cards: 1' }).waitFor();
    const entry = p2.locator('[data-testid=outline-item][data-text=Drought]');
    await until(() => entry.getAttribute('aria-label'), (label) => label === 'Threat: Drought, selected by Amina', 'Bilal’s outline entry');
    const border = [
      { x: CARD.x - RING_OFFSET, y: CARD.y + CARD.h / 2 },
      { x: CARD.x + CARD.w + RING_OFFSET - 1, y: CARD.y + CARD.h / 2 },
      { x: CARD.x + CARD.w / 2, y: CARD.y - RING_OFFSET },
      { x: CARD.x + CARD.w / 2, y: CARD.y + CARD.h + RING_OFFSET - 1 },
    ];
    for (const point of border) {
      const what = `Amina’s ring at ${point.x},${point.y} on Bilal’s canvas`;
      await until(() => colourAt(p2, point.x, point.y), (colour) => sameColour(colour, rgb(aminaColour!)), what);
    }
    // Inside the ring, between it and the card, nothing is painted: it is a ring, not a block.
    expect(await colourAt(p2, CARD.x - RING_OFFSET + 3, CARD.y + CARD.h / 2)).toBeUndefined();
    // Amina's own page shows her selection her way, not as someone else's ring.
    expect(sameColour(await colourAt(p1, border[0]!.x, border[0]!.y), rgb(aminaColour!))).toBe(false);

    // Bilal follows Amina: her pans and zooms move his view to the same centre and zoom.
    const followAmina = p2.getByRole('button', { name: 'Follow Amina’s view' });
    await followAmina.click();
    expect(await followAmina.getAttribute('aria-pressed')).toBe('true');
    await p2.getByTestId('follow-banner').filter({ hasText: 'Following Amina' }).waitFor();
    await matches(p2, p1, 'Bilal at Amina’s view as he starts following');
    await wheelPan(p1, 240, 130);
    await p1.getByRole('button', { name: 'Zoom in' }).click();
    await zoomed(p1, 1.25, 'Amina’s zoom');
    const aminaView = await matches(p2, p1, 'Bilal at Amina’s panned and zoomed view');

    // Bilal pans himself: following stops, and Amina's next moves no longer move him.
    await wheelPan(p2, -100, 0);
    await p2.getByTestId('follow-banner').waitFor({ state: 'detached' });
    expect(await followAmina.getAttribute('aria-pressed')).toBe('false');
    const bilalOwn = await until(() => viewCentre(p2), (view) => !sameCentre(view, aminaView), 'Bilal’s own pan');
    await p1.getByRole('button', { name: 'Zoom out' }).click();
    await wheelPan(p1, 0, 300);
    await zoomed(p1, 1, 'Amina’s zoom back at 100%');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(sameCentre(await viewCentre(p2), bilalOwn)).toBe(true);

    // Only the facilitator is offered "Bring everyone here".
    expect(await p1.getByTestId('bring-everyone').count()).toBe(0);
    expect(await p2.getByTestId('bring-everyone').count()).toBe(0);
    // Fatou looks elsewhere and brings everyone there: both participants move to her centre and zoom.
    await wheelPan(f, -350, 420);
    await f.getByRole('button', { name: 'Zoom out' }).click();
    await zoomed(f, 0.8, 'Fatou’s zoom');
    await f.getByTestId('bring-everyone').click();
    await f.getByTestId('announcer').filter({ hasText: 'Everyone was brought to your view.' }).waitFor();
    await matches(p1, f, 'Amina at Fatou’s focus');
    await matches(p2, f, 'Bilal at Fatou’s focus');
    for (const page of [p1, p2]) {
      await page.getByTestId('announcer').filter({ hasText: 'The facilitator brought everyone to their view.' }).waitFor();
    }

    // Bilal follows Fatou; Escape stops it.
    await p2.getByRole('button', { name: 'Follow Fatou’s view' }).click();
    await p2.getByTestId('follow-banner').filter({ hasText: 'Following Fatou' }).waitFor();
    await p2.keyboard.press('Escape');
    await p2.getByTestId('follow-banner').waitFor({ state: 'detached' });

    // Bilal follows Amina again; she leaves the board: following stops.
    await followAmina.click();
    await p2.getByTestId('follow-banner').filter({ hasText: 'Following Amina' }).waitFor();
    await p1.close();
    await p2.getByTestId('follow-banner').waitFor({ state: 'detached' });
    await p2.getByTestId('announcer').filter({ hasText: 'Amina left the board; you no longer follow them.' }).waitFor();
    await p2.locator('[data-testid=presence-peer][data-name=Amina]').waitFor({ state: 'detached' });

    expect(fatou.errors).toEqual([]);
    expect(amina.errors).toEqual([]);
    expect(bilal.errors).toEqual([]);
  });

  it('moves someone who joins after the facilitator brought everyone somewhere', async () => {
    const board = await server.createBoard('Late');
    const f = await openBoard(fatou, `${server.url}${board.links.facilitator}&name=Fatou`);
    await wheelPan(f, 600, -250);
    await f.getByRole('button', { name: 'Zoom in' }).click();
    await zoomed(f, 1.25, 'Fatou’s zoom');
    await f.getByTestId('bring-everyone').click();
    const late = await openBoard(bilal, `${server.url}${board.links.observer}&name=Olga`);
    await matches(late, f, 'the late observer at the focus');
    expect(fatou.errors).toEqual([]);
    expect(bilal.errors).toEqual([]);
  });
});

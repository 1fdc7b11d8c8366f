// Joining a board as a member of one's own (named, anonymous, or named by the link), working
// through a lost connection (edits kept across an offline reload, merged when the network
// returns), and an observer who cannot add anything. Real built server and app in Chromium;
// stock y-websocket clients read what the server holds.
// The functions passed to page.evaluate run in the browser, hence the DOM types:
/// <reference lib="dom" />
import { addItem, boardMaps, copySelection, readBoard, serializeClipboard } from '@interlink/model';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, connected, controlledByServiceWorker, setOffline } from '../support/boardPage.js';
import { browserTestEnv } from '../support/browserTests.js';
import { eventually, type StockClient } from '../support/clients.js';

const env = browserTestEnv();
const { browser, reader } = env;

interface MemberRecord {
  readonly key: string;
  readonly memberId: string;
  readonly token: string;
  readonly role: string;
  readonly name: string | null;
}

/** The member records this browser keeps (sync/memberStore.ts). */
function memberRecords(page: Page): Promise<MemberRecord[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('interlink.member.v1:'))
      .sort()
      .map((key) => ({ key, ...(JSON.parse(localStorage.getItem(key) ?? '{}') as Omit<MemberRecord, 'key'>) })),
  );
}

/** Counts the POSTs to .../members this page makes. */
function countJoins(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/boards\/[^/]+\/members$/.test(new URL(request.url()).pathname)) counter.count += 1;
  });
  return counter;
}

/** The outline's entries as "kind: text", sorted: what this page shows of the board. */
function outline(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=outline-item]', (entries) =>
    entries.map((entry) => `${entry.getAttribute('data-kind')}: ${entry.getAttribute('data-text')}`).sort(),
  );
}

function texts(client: StockClient): string[] {
  return [...readBoard(client.doc).items.values()].map((item) => `${item.kind}: ${item.text}`).sort();
}

/** The names in the board's awareness, as any client sees them. */
function presenceNames(client: StockClient): string[] {
  return [...client.provider.awareness.getStates().values()].flatMap((state) => {
    const user: unknown = state.user;
    return typeof user === 'object' && user !== null && 'name' in user && typeof user.name === 'string' ? [user.name] : [];
  });
}

describe('joining a board', () => {
  it('asks for a name once per link and remembers the member across a reload', async () => {
    const board = await env.server.createBoard('Coastal villages');
    const link = `${env.server.url}${board.links.participant}`;
    const watcher = await reader(board.id, board.tokens.observer);

    // Kofi opens the participant link without a name: the dialog asks.
    const kofi = await browser();
    const page = await kofi.newPage();
    const joins = countJoins(page);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(link);
    await page.getByTestId('name-dialog').waitFor();
    await page.locator('#display-name').fill('Kofi');
    await page.getByTestId('join-named').click();
    await connected(page);
    expect(await page.getByTestId('board-you').textContent()).toContain('Kofi');
    expect(await page.getByTestId('board-role').textContent()).toContain('Participant');
    await eventually(() => presenceNames(watcher).includes('Kofi'), 'Kofi in the presence');
    const [record] = await memberRecords(page);
    expect(record).toMatchObject({ role: 'participant', name: 'Kofi' });
    expect(joins.count).toBe(1);
    // From then on the live connection uses the personal token, not the link's.
    expect(record?.token).not.toBe(board.tokens.participant);
    expect(new URL(sockets.at(-1) ?? 'ws://x').searchParams.get('token')).toBe(record?.token);

    // A reload is the same person: no dialog, no new member.
    await page.reload();
    await connected(page);
    expect(await page.getByTestId('name-dialog').count()).toBe(0);
    expect(await memberRecords(page)).toEqual([record]);
    expect(joins.count).toBe(1);

    // The facilitator link in the same browser is another member, with its own role.
    await page.goto(`${env.server.url}${board.links.facilitator}&name=Kofi`);
    await connected(page);
    expect(await page.getByTestId('board-role').textContent()).toContain('Facilitator');
    const records = await memberRecords(page);
    expect(records).toHaveLength(2);
    expect(new Set(records.map((r) => r.memberId)).size).toBe(2);
    expect(records.map((r) => r.role).sort()).toEqual(['facilitator', 'participant']);

    // A stored member the server does not know (any more): forgotten, and the dialog asks again.
    await page.evaluate((key) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(key, JSON.stringify({ ...stored, token: 'not-a-member-token' }));
    }, record?.key ?? '');
    await page.goto(link);
    await page.getByTestId('name-dialog').waitFor();
    // The name typed last time is offered again.
    expect(await page.locator('#display-name').inputValue()).toBe('Kofi');
    await page.getByTestId('join-named').click();
    await connected(page);
    const rejoined = (await memberRecords(page)).find((r) => r.role === 'participant');
    expect(rejoined?.memberId).toBeDefined();
    expect(rejoined?.memberId).not.toBe(record?.memberId);
    // The check with the unknown token was answered 401, which the browser logs; nothing else may be.
    const expected = (line: string): boolean => line.includes('status of 401 (Unauthorized)') && line.endsWith(`/api/boards/${board.id})`);
    expect(kofi.errors.filter(expected)).toHaveLength(1);
    expect(kofi.errors.filter((line) => !expected(line))).toEqual([]);
  });

  it('offers staying anonymous: a pseudonym, and cards without author; a ?name= link joins without asking', async () => {
    const board = await env.server.createBoard('Coastal villages');
    const link = `${env.server.url}${board.links.participant}`;
    const watcher = await reader(board.id, board.tokens.observer);

    // Someone stays anonymous: a pseudonym for presence, and their card has no author.
    const anonymous = await browser();
    const other = await anonymous.newPage();
    await other.goto(link);
    await other.getByTestId('name-dialog').waitFor();
    await other.getByTestId('join-anonymous').click();
    await connected(other);
    const pseudonym = /Anonymous \d{3}/.exec((await other.getByTestId('board-anonymous').textContent()) ?? '')?.[0];
    expect(pseudonym).toBeDefined();
    expect((await memberRecords(other))[0]).toMatchObject({ role: 'participant', name: null });
    await eventually(() => presenceNames(watcher).includes(pseudonym ?? '?'), 'the pseudonym in the presence');
    await addCard(other, 'Nobody knows who wrote this');
    await eventually(() => texts(watcher).includes('note: Nobody knows who wrote this'), 'the anonymous card on the server');
    const [card] = [...boardMaps(watcher.doc).items.values()];
    expect(card?.has('author')).toBe(false);
    // Reloaded, still the same anonymous person with the same pseudonym.
    await other.reload();
    await connected(other);
    expect(await other.getByTestId('board-anonymous').textContent()).toContain(pseudonym);

    // A link with ?name= joins at once, under that name.
    const amina = await browser();
    const named = await amina.newPage();
    const namedJoins = countJoins(named);
    await named.goto(`${link}&name=Amina`);
    await connected(named);
    expect(await named.getByTestId('name-dialog').count()).toBe(0);
    expect(await named.getByTestId('board-you').textContent()).toContain('Amina');
    expect((await memberRecords(named))[0]).toMatchObject({ role: 'participant', name: 'Amina' });
    expect(namedJoins.count).toBe(1);
    await addCard(named, 'Signed card', { x: 560, y: 420 });
    await eventually(() => texts(watcher).includes('note: Signed card'), 'Amina’s card on the server');
    const signed = [...readBoard(watcher.doc).items.values()].find((item) => item.text === 'Signed card');
    expect(signed?.author).toBe('Amina');

    for (const session of [anonymous, amina]) expect(session.errors).toEqual([]);
  }, 90_000);
});

describe('offline first', () => {
  it('keeps edits made offline across a reload and merges them when the network returns', async () => {
    const board = await env.server.createBoard('Field office');
    const link = `${env.server.url}${board.links.participant}`;
    const [a, b] = [await browser(), await browser()];
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await pageA.goto(`${link}&name=Ana`);
    await pageB.goto(`${link}&name=Ben`);
    await Promise.all([connected(pageA), connected(pageB)]);
    await controlledByServiceWorker(pageA);
    const status = pageA.getByTestId('connection-status');
    expect(await status.getAttribute('data-unconfirmed')).toBe('0');

    // Ana goes offline: the indicator says so at once, and her card stays with her.
    await setOffline(a.context, pageA, true);
    expect(await status.getAttribute('data-status')).toBe('disconnected');
    await addCard(pageA, 'Radio towers down');
    await pageA.locator('[data-testid=outline-item][data-text="Radio towers down"]').waitFor();
    expect(Number(await status.getAttribute('data-unconfirmed'))).toBeGreaterThanOrEqual(1);
    expect(await pageA.getByTestId('unconfirmed').textContent()).toContain('not yet saved');
    const watcher = await reader(board.id, board.tokens.observer);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await outline(pageB)).toEqual([]);
    expect(texts(watcher)).toEqual([]);

    // A reload while offline: the app comes from the service worker, the board from IndexedDB.
    await pageA.reload();
    await pageA.locator('[data-testid=outline-item][data-text="Radio towers down"]').waitFor();
    expect(await status.getAttribute('data-link')).toBe('offline');
    expect(Number(await status.getAttribute('data-unconfirmed'))).toBeGreaterThanOrEqual(1);
    // What IndexedDB brought back is the board, not this page's history: nothing to undo.
    expect(await pageA.getByTestId('undo').isDisabled()).toBe(true);
    expect(await outline(pageB)).toEqual([]);

    // Back online: sent, confirmed, and both pages and the server hold the same board.
    await setOffline(a.context, pageA, false);
    await connected(pageA);
    await pageA.locator('[data-testid=connection-status][data-unconfirmed="0"]').waitFor();
    expect(await pageA.getByTestId('unconfirmed').textContent()).toContain('All changes saved');
    await pageB.locator('[data-testid=outline-item][data-text="Radio towers down"]').waitFor();
    await eventually(() => texts(watcher).length === 1, 'the card on the server');
    const [onA, onB] = [await outline(pageA), await outline(pageB)];
    expect(onA).toEqual(['note: Radio towers down']);
    expect(onB).toEqual(onA);
    expect(texts(watcher)).toEqual(onA);

    // Ben's edit while Ana was away reaches her too, once back: one board for all.
    await addCard(pageB, 'Market closed', { x: 520, y: 380 });
    await pageA.locator('[data-testid=outline-item][data-text="Market closed"]').waitFor();
    await eventually(() => texts(watcher).length === 2, 'both cards on the server');
    expect(await outline(pageA)).toEqual(await outline(pageB));
    expect(texts(watcher)).toEqual(await outline(pageA));

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  }, 90_000);
});

describe('an observer', () => {
  it('cannot create a card: not by double-click, shortcut, outline form or paste', async () => {
    const board = await env.server.createBoard('Observed');
    const observer = await browser();
    const page = await observer.newPage();
    await page.goto(`${env.server.url}${board.links.observer}&name=Olga`);
    await connected(page);
    expect(await page.getByTestId('board-role').textContent()).toContain('Observer');
    await page.getByTestId('observer-notice').waitFor();

    const box = await page.getByTestId('board-canvas').boundingBox();
    if (!box) throw new Error('no board canvas');
    await page.mouse.dblclick(box.x + 320, box.y + 220);
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('card-editor').count()).toBe(0);
    expect(await page.getByTestId('new-card-form').count()).toBe(0);

    // Cards on the clipboard, pasted onto the board: refused.
    const source = new Y.Doc();
    const id = addItem(source, { kind: 'threat', x: 0, y: 0, text: 'Pasted by an observer' });
    const clipboard = serializeClipboard(copySelection(source, [id]));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, clipboard);

    const watcher = await reader(board.id, board.tokens.observer);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.getAttribute('[data-testid=board-canvas]', 'data-card-count')).toBe('0');
    expect(readBoard(watcher.doc).items.size).toBe(0);
    expect(await page.getByTestId('connection-status').getAttribute('data-unconfirmed')).toBe('0');
    expect(observer.errors).toEqual([]);
  });
});

// Opening the board in a fresh headless Chromium profile (no cache, no stored name), as a
// participant opening a share link for the first time would, timed from navigation start.
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { instrumentPage, waitForFirstCard, type OpenMarks } from './canvas-page.js';

export interface OpenedBoard {
  readonly session: BrowserSession;
  readonly page: Page;
  /** Undefined only if the page never ran our instrumentation (e.g. it failed to load). */
  readonly marks: OpenMarks | undefined;
}

/** A fresh profile with one instrumented page, not yet navigated; the caller closes the session. */
export async function instrumentedPage(): Promise<{ session: BrowserSession; page: Page }> {
  const session = await launchBrowser();
  try {
    const page = await session.newPage();
    await instrumentPage(page);
    return { session, page };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** Opens `url` and waits for the first card painted, at most `timeoutMs`; the caller closes the session. */
export async function openBoard(url: string, timeoutMs: number): Promise<OpenedBoard> {
  const { session, page } = await instrumentedPage();
  try {
    // 'commit': start polling as soon as the document exists; the load event says nothing
    // about the board, which arrives over the WebSocket afterwards.
    await page.goto(url, { waitUntil: 'commit' });
    const marks = await waitForFirstCard(page, timeoutMs);
    return { session, page, marks };
  } catch (error) {
    await session.close();
    throw error;
  }
}

// Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (never a downloaded browser), each context with a fresh temporary profile, and a recorder
// of console errors and page errors so that every test can assert a clean console.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  readonly context: BrowserContext;
  /** A page whose console errors and uncaught exceptions are recorded in `errors`. */
  newPage(): Promise<Page>;
  /** "console error: ..." and "page error: ..." lines, from every page of this session. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly viewport?: { width: number; height: number };
  /** Browser languages, e.g. ['ar'] to check right-to-left layout. */
  readonly locale?: string;
}

/** One isolated browser profile (its own storage, cookies and cache). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'interlink-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const errors: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    errors,
    async newPage() {
      // A persistent context opens with one blank page; use it first.
      const blank = context.pages().find((page) => page.url() === 'about:blank');
      return blank ?? (await context.newPage());
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

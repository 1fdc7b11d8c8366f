// The life cycle most browser test files share: one built server for the whole file, and the
// browsers and stock clients a test opens closed after that test, even when it fails.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession } from './browser.js';
import { stockClient, waitForSynced, type StockClient } from './clients.js';
import { startServer, type RunningServer } from './server.js';

export interface BrowserTestEnv {
  /** The server, started before the file's first test. */
  readonly server: RunningServer;
  /** A fresh browser profile, closed after the test. */
  browser(): Promise<BrowserSession>;
  /** A stock y-websocket client on the board, synced, destroyed after the test. */
  reader(boardId: string, token: string): Promise<StockClient>;
}

/** Registers the hooks; call once at the top level of a test file. */
export function browserTestEnv(): BrowserTestEnv {
  let server: RunningServer | undefined;
  const sessions: BrowserSession[] = [];
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.allSettled(sessions.splice(0).map((session) => session.close()));
  });

  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  const running = (): RunningServer => {
    if (!server) throw new Error('the server is started in beforeAll');
    return server;
  };

  return {
    get server() {
      return running();
    },
    async browser() {
      const session = await launchBrowser();
      sessions.push(session);
      return session;
    },
    async reader(boardId, token) {
      const client = stockClient(running().wsUrl, boardId, token);
      clients.push(client);
      await waitForSynced(client.provider);
      return client;
    },
  };
}

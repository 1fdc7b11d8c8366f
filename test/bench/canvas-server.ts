// Our built server for the canvas benchmark, restartable on the same data directory: the board
// written once is then opened "the next day", loaded from SQLite rather than from a room still
// in memory. The canvas benchmark needs ours as a whole (it also serves the app the browser
// opens), which is why it does not use servers.ts's BenchServer here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../support/server.js';

export interface RestartableServer {
  /** The process running now; replaced by restart(). */
  readonly current: RunningServer;
  /** Stops the process (SIGTERM, so it closes the store cleanly) and starts a new one on the same data. */
  restart(): Promise<void>;
  /** Log lines at warn level or above, from every process so far: each deserves a look. */
  warnings(): string[];
  stop(): Promise<void>;
}

/** pino's numeric levels: 40 warn, 50 error, 60 fatal. */
function isWarning(line: string): boolean {
  const match = /"level":(\d+)/.exec(line);
  return match !== null && Number(match[1]) >= 40;
}

export async function startRestartableServer(): Promise<RestartableServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interlink-canvas-bench-'));
  // Every process started, so that the warnings of earlier ones are not lost by a restart.
  const started: RunningServer[] = [await startServer({ dataDir })];
  const current = (): RunningServer => {
    const server = started[started.length - 1];
    if (server === undefined) throw new Error('no server started');
    return server;
  };
  return {
    get current() {
      return current();
    },
    async restart() {
      await current().stop();
      started.push(await startServer({ dataDir }));
    },
    warnings: () => started.flatMap((server) => server.logs.filter(isWarning)),
    async stop() {
      await current().stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

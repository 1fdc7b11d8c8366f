// Starts the real, built server (server/dist/main.js) as a child process on a free port with
// a data directory of its own, the way a user runs it, and stops it (politely or with kill -9).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CreatedBoard } from '@interlink/protocol';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = join(repoRoot, 'server/dist/main.js');

export interface ServerOptions {
  /** Reuse a data directory (e.g. after a kill -9); a fresh temporary one by default. */
  dataDir?: string;
  env?: Record<string, string>;
  /** Fixed port, e.g. to restart on the same address; 0 (any free port) by default. */
  port?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Every log line the server printed (pino JSON). */
  readonly logs: string[];
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  createBoard(title?: string): Promise<CreatedBoard>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill9(): Promise<void>;
  /** Removes the data directory if this helper made it. */
  cleanup(): void;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'interlink-test-'));
  const child = spawn(process.execPath, [serverEntry], {
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stderr}`)), 20_000);
    lines.on('line', (line) => {
      logs.push(line);
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir,
    process: child,
    logs,
    stderr: () => stderr,
    async createBoard(title = 'Test board') {
      const response = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.env?.CREATE_KEY ? { authorization: `Bearer ${options.env.CREATE_KEY}` } : {}) },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
      return (await response.json()) as CreatedBoard;
    },
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child);
    },
    async kill9() {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    cleanup() {
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

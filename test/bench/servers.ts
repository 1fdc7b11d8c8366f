// Starts the two servers a benchmark compares, as child processes so that their CPU and memory
// are their own: ours (server/dist/main.js, persisting to SQLite) and the stock
// @y/websocket-server (persisting nothing). Both hide behind one interface, so a benchmark
// asks for "a fresh room" without caring that ours needs a board created over HTTP first.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { CreatedBoard } from '@interlink/protocol';
import { serverEntry } from '../support/server.js';

export type ServerKind = 'ours' | 'stock';

/** Where a client connects: `new WebsocketProvider(syncUrl, name, doc, { params: { token } })`. */
export interface Room {
  readonly name: string;
  readonly token: string;
}

export interface BenchServer {
  readonly kind: ServerKind;
  readonly pid: number;
  /** The serverUrl a stock WebsocketProvider is given. */
  readonly syncUrl: string;
  /** A room nobody used before: a new board on ours, a new name on stock. */
  newRoom(title: string): Promise<Room>;
  /** What the server printed to stdout/stderr: the first `keptLogLines` lines, the last
   * `keptLogLines` (an error at the end matters as much as one at the start), and the count. */
  readonly logs: { readonly lines: readonly string[]; readonly tail: readonly string[]; readonly count: number };
  /**
   * Opens the Node inspector of the running server (SIGUSR1) and returns its WebSocket URL.
   * For diagnostics only, after the honest measurements: see gc.ts.
   */
  openInspector(): Promise<string>;
  /** SIGTERM, then SIGKILL if it has not exited after a few seconds. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would; the data directory stays, for a restart on it. */
  kill9(): Promise<void>;
  /** Where ours keeps its boards (undefined for the stock server), and its port: to restart on both. */
  readonly dataDir: string | undefined;
  readonly port: number;
}

export interface StartOptions {
  /** Extra environment, e.g. ROOM_IDLE_MS for ours (the stock server ignores what it does not know). */
  env?: Record<string, string>;
  /** Restart on this port, e.g. after kill9(); a free one by default. */
  port?: number;
  /** Ours: reuse this data directory (it is then not removed on stop); a fresh one by default. */
  dataDir?: string;
}

const keptLogLines = 200;

/** Resolved from test/, where the stock server is a devDependency; `bin` is how its README starts it. */
function stockServerEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@y/websocket-server/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin['y-websocket-server'];
  if (bin === undefined) throw new Error('@y/websocket-server has no y-websocket-server bin');
  return join(dirname(manifestPath), bin);
}

/**
 * A port nobody listens on right now. Both servers must be given a fixed PORT: with
 * LOG_LEVEL=warn ours does not print the "listening at" line that would reveal a random one.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Polls until the server answers HTTP; /healthz on ours, and the stock server answers 200 to any path. */
async function waitUntilReady(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server not ready after 20 s\n${output()}`);
}

/**
 * BENCH_OURS=stock runs the stock server in our slot too: an A/A run that shows how much of a
 * difference between the two columns is noise of the measurement itself.
 */
export const oursIsStock = process.env.BENCH_OURS === 'stock';

export async function startBenchServer(kind: ServerKind, options: StartOptions = {}): Promise<BenchServer> {
  const binary: ServerKind = oursIsStock ? 'stock' : kind;
  const port = options.port ?? (await freePort());
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = binary === 'ours' ? (options.dataDir ?? mkdtempSync(join(tmpdir(), 'interlink-bench-'))) : undefined;
  // Both children get the same base environment, minus anything that would change how either
  // runs: NODE_OPTIONS (tsx or a debugger from the bench's own shell) and YPERSISTENCE (it
  // would make the stock server persist, and the comparison is against one that does not).
  const { NODE_OPTIONS: _nodeOptions, YPERSISTENCE: _persistence, ...baseEnv } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    // Inert until SIGUSR1 (openInspector); then the inspector takes a free port instead of
    // 9229, which something else on the machine may hold.
    NODE_OPTIONS: '--inspect-port=0',
    HOST: '127.0.0.1',
    PORT: String(port),
    // Logging each connection at info level would cost ours CPU the stock server does not spend.
    ...(dataDir !== undefined ? { DATA_DIR: dataDir, LOG_LEVEL: 'warn' } : {}),
    ...options.env,
  };
  const entry = binary === 'ours' ? serverEntry : stockServerEntry();
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start the ${kind} server`);
  const pid = child.pid;

  const lines: string[] = [];
  const tail: string[] = [];
  let count = 0;
  let inspectorUrl: string | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream }).on('line', (line) => {
      // The stock server's one startup line is not news; everything else is reported.
      if (binary === 'stock' && line.startsWith('running at ')) return;
      // Node's own inspector banner (after openInspector) is not the server's to answer for.
      const inspector = /^Debugger listening on (ws:\/\/\S+)/.exec(line);
      if (inspector) inspectorUrl = inspector[1];
      if (inspector || /^(Debugger (attached|ending)|For help, see: https:\/\/nodejs\.org\/en\/docs\/inspector)/.test(line)) return;
      count += 1;
      if (lines.length < keptLogLines) {
        lines.push(line);
        return;
      }
      tail.push(line);
      if (tail.length > keptLogLines) tail.shift();
    });
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, baseUrl, () => lines.join('\n'));

  let roomCounter = 0;
  return {
    kind,
    pid,
    dataDir,
    port,
    syncUrl: binary === 'ours' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`,
    async newRoom(title) {
      if (binary === 'stock') {
        roomCounter += 1;
        return { name: `bench-${pid}-${roomCounter}`, token: '' };
      }
      const response = await fetch(`${baseUrl}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
      const board = (await response.json()) as CreatedBoard;
      return { name: board.id, token: board.tokens.participant };
    },
    async openInspector() {
      if (inspectorUrl === undefined) process.kill(pid, 'SIGUSR1');
      const deadline = Date.now() + 5_000;
      while (inspectorUrl === undefined) {
        if (Date.now() > deadline) throw new Error(`the ${kind} server did not open its inspector`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return inspectorUrl;
    },
    get logs() {
      return { lines, tail, count };
    },
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
      if (dataDir !== undefined && ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill9() {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    },
  };
}

export interface ProcessMemory {
  /** Resident set size now. */
  readonly rssBytes: number;
  /** Peak resident set size since the process started. */
  readonly peakRssBytes: number;
}

/** Reads VmRSS and VmHWM (kB) from /proc/<pid>/status: the memory the OS really gave the process. */
export function readProcessMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    if (!match?.[1]) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: field('VmRSS'), peakRssBytes: field('VmHWM') };
}


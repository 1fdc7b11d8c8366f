// Redis and PostgreSQL for the scale-out tests, each a process that the test starts and owns: a
// free loopback port, a temporary data directory, stopped (and the directory removed) by the
// test. Missing binaries are an error that says what to install, never a silent skip.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningService {
  /** The URL the server takes (REDIS_URL, DATABASE_URL). */
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Stops the process and removes its data directory. */
  stop(): Promise<void>;
}

const REDIS_SERVER = '/usr/bin/redis-server';
const POSTGRES_ROOT = '/usr/lib/postgresql';
const START_TIMEOUT_MS = 30_000;
/**
 * A free port can be taken by another process between `freePort` and the service binding it
 * (test files run in parallel, and CI machines run other things): such a clash is retried on a
 * new port, a bounded number of times, and only when the port was ours to choose.
 */
const PORT_ATTEMPTS = 3;
const PORT_CLASH = /Address already in use|could not create any TCP\/IP sockets/;

const isPortClash = (error: unknown): boolean => error instanceof Error && PORT_CLASH.test(error.message);

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await waitForExit(child);
}

/** A port that was free a moment ago (the service binds it right after; a clash is retried, see PORT_ATTEMPTS). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function missing(what: string, packageName: string): Error {
  return new Error(`${what} is not installed: the scale-out tests need it (apt-get install ${packageName}; see scripts/system-deps.mjs)`);
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Resolves when `ready` matches the process's output; rejects with that output if it exits first or takes too long. */
function waitForOutput(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) done();
    };
    const onExit = (code: number | null): void => fail(new Error(`${name} exited with ${code} before it was ready\n${output}`));
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    const done = (): void => {
      cleanup();
      resolve();
    };
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Signals the process, waits for it, removes its directory. */
async function stopper(child: ChildProcess, signal: NodeJS.Signals, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await waitForExit(child);
  rmSync(dir, { recursive: true, force: true });
}

/** redis-server on a free loopback port, persisting nothing (pub/sub keeps nothing anyway). */
export async function startRedis(options: { port?: number } = {}): Promise<RunningService> {
  if (!existsSync(REDIS_SERVER)) throw missing(`Redis (${REDIS_SERVER})`, 'redis-server');
  const dir = mkdtempSync(join(tmpdir(), 'interlink-redis-'));
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await waitForOutput(child, /Ready to accept connections/, 'redis-server');
      return { url: `redis://127.0.0.1:${port}`, port, process: child, stop: () => stopper(child, 'SIGTERM', dir) };
    } catch (error) {
      await kill(child);
      if (options.port === undefined && attempt < PORT_ATTEMPTS && isPortClash(error)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
}

/** The bin directory of the newest PostgreSQL under /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((version) => existsSync(join(POSTGRES_ROOT, version, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw missing(`PostgreSQL (${POSTGRES_ROOT}/<version>/bin/postgres)`, 'postgresql');
  return join(POSTGRES_ROOT, newest, 'bin');
}

/** PostgreSQL refuses to run as root: as root, its processes run as the `postgres` user. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (apt-get install postgresql creates it)');
  }
}

export interface RunningPostgres extends RunningService {
  /** Runs one SQL statement with psql and answers its rows, tab-separated, one per line. */
  sql(statement: string): string;
}

/**
 * A throw-away PostgreSQL cluster: initdb into a temporary directory, then postgres on a free
 * loopback port with its socket in that directory, trusting local connections as `postgres`.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  const identity = postgresIdentity();
  const dir = mkdtempSync(join(tmpdir(), 'interlink-postgres-'));
  if (identity) chownSync(dir, identity.uid, identity.gid);
  const data = join(dir, 'data');
  const asPostgres = { cwd: dir, ...(identity ?? {}) };
  try {
    execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
      ...asPostgres,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    // execFileSync's error carries the child's stderr, which says why initdb refused.
    const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`initdb failed: ${error instanceof Error ? error.message : String(error)}\n${stderr}`);
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // fsync off: the tests kill our server, never PostgreSQL, so its own crash safety is not
    // under test, and the disk is spared. Commits still happen before they are acknowledged.
    const settings = ['listen_addresses=127.0.0.1', `port=${port}`, `unix_socket_directories=${dir}`, 'fsync=off', 'full_page_writes=off', 'max_connections=100'];
    const child = spawn(join(bin, 'postgres'), ['-D', data, ...settings.flatMap((setting) => ['-c', setting])], {
      ...asPostgres,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await waitForOutput(child, /database system is ready to accept connections/, 'postgres');
      return runningPostgres(bin, child, port, dir);
    } catch (error) {
      await kill(child);
      if (attempt < PORT_ATTEMPTS && isPortClash(error)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
}

function runningPostgres(bin: string, child: ChildProcess, port: number, dir: string): RunningPostgres {
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    process: child,
    sql(statement: string): string {
      return execFileSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-At', '-F', '\t', '-c', statement], {
        encoding: 'utf8',
      }).trim();
    },
    // SIGINT is PostgreSQL's fast shutdown: it disconnects clients instead of waiting for them.
    stop: () => stopper(child, 'SIGINT', dir),
  };
}

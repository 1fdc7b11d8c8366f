// Configuration from the environment (CONTRACT.md section 1), validated once at start-up so
// that a typo in a variable fails loudly instead of running with a surprising default.
import { resolve } from 'node:path';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@interlink/protocol';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly roomIdleMs: number;
  readonly maxMessageBytes: number;
  /** When set, creating a board needs `Authorization: Bearer <createKey>`. */
  readonly createKey: string | undefined;
  readonly logLevel: string;
  /** Compact a board's update log into a snapshot past this many updates ... */
  readonly compactAfterUpdates: number;
  /** ... or past this many bytes of updates. */
  readonly compactAfterBytes: number;
  /** Where the built SvelteKit client is; undefined serves the API only. */
  readonly clientDir: string | undefined;
  /** Scale-out mode (PostgreSQL + Redis) when both URLs are set; undefined runs on SQLite. */
  readonly scaleOut: ScaleOutConfig | undefined;
  /** Heartbeat of each sync connection: a ping (no pong by the next one: the peer is gone) and a keep-alive frame. */
  readonly pingIntervalMs: number;
  /** permessage-deflate on sync connections, for frames of at least COMPRESSION_THRESHOLD_BYTES. */
  readonly wsCompression: boolean;
  /** Member identities one board may have (CONTRACT.md section 6); past it, creating one answers 409. */
  readonly maxMembersPerBoard: number;
}

export interface ScaleOutConfig {
  readonly redisUrl: string;
  readonly databaseUrl: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A URL whose scheme is one of `schemes`; the message never repeats the URL (it may hold a password). */
function serviceUrl(env: Env, name: string, schemes: readonly string[]): string {
  const raw = env[name] ?? '';
  let scheme: string;
  try {
    scheme = new URL(raw).protocol.replace(/:$/, '');
  } catch {
    throw new ConfigError(`${name} is not a URL (expected ${schemes.map((s) => `${s}://...`).join(' or ')})`);
  }
  if (!schemes.includes(scheme)) throw new ConfigError(`${name} must be a ${schemes.map((s) => `${s}://`).join(' or ')} URL, got ${scheme}://`);
  return raw;
}

/** Both or neither: half a scale-out setup would silently keep each node's data to itself. */
function scaleOut(env: Env): ScaleOutConfig | undefined {
  const redis = Boolean(env.REDIS_URL);
  const database = Boolean(env.DATABASE_URL);
  if (!redis && !database) return undefined;
  if (!redis || !database) {
    const [set, unset] = redis ? ['REDIS_URL', 'DATABASE_URL'] : ['DATABASE_URL', 'REDIS_URL'];
    throw new ConfigError(
      `${set} is set but ${unset} is not: scale-out mode needs both (Redis for live updates between nodes, PostgreSQL for the boards); set both, or neither to run on the embedded SQLite store`,
    );
  }
  return {
    redisUrl: serviceUrl(env, 'REDIS_URL', ['redis', 'rediss']),
    databaseUrl: serviceUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']),
  };
}

/** on/off (also true/false, 1/0), so that a typo fails instead of silently meaning "off". */
function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toLowerCase();
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

/**
 * The stock y-websocket client closes a connection on which it received nothing for 30 s, and
 * our server (unlike the stock one) does not echo a client's own awareness back to it: a client
 * alone on a board hears only the keep-alive sent with each ping. So the interval must stay well
 * under 30 s. 15 s also bounds how long a half-open connection (a cut network) lingers: its
 * ping goes unanswered and it is terminated 15-30 s after its last pong, which is about when
 * y-protocols times out its awareness state (30 s) anyway.
 */
const DEFAULT_PING_INTERVAL_MS = 15_000;
const MAX_PING_INTERVAL_MS = 25_000;

/**
 * Off by default, from the numbers (`pnpm bench -- bandwidth` and `propagation`, 2-core box):
 * deflate pays only when joining a big board: a 1,000-card board's sync step 2 goes from 351 to
 * 99 KB (2.9 s -> 0.8 s at 1 Mbit/s), for ~10 ms more server CPU per join (14 -> 24.5 ms). Live
 * traffic, which is what a workshop is made of, gains nothing on the way out (a move or a cursor
 * is 50-80 bytes, under the 1 KB threshold, sent as it is) and loses on the way in: clients
 * deflate every frame they send once the extension is agreed, and the server inflates each one
 * on the zlib thread pool, which made relaying slower (propagation p50 +30%, p99 over its 1.25x
 * target in one of two runs; both runs pass with it off). And each open connection keeps its
 * zlib state: ~250 KiB more server memory per connection. WS_COMPRESSION=on is for deployments
 * whose participants mostly join large boards over slow links.
 */
const DEFAULT_WS_COMPRESSION = false;

/**
 * Far above any workshop (even a plenary of hundreds, each rejoining from a few browsers), yet
 * a bound: a leaked participant link cannot fill the disk with identities.
 */
const DEFAULT_MAX_MEMBERS_PER_BOARD = 10_000;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env, defaultClientDir: string | undefined): ServerConfig {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    roomIdleMs: integer(env, 'ROOM_IDLE_MS', 30_000, 0),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES, 1024),
    createKey: env.CREATE_KEY || undefined,
    logLevel,
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1),
    compactAfterBytes: integer(env, 'COMPACT_AFTER_BYTES', 1024 * 1024, 1),
    clientDir: env.CLIENT_DIR ? resolve(env.CLIENT_DIR) : defaultClientDir,
    scaleOut: scaleOut(env),
    pingIntervalMs: integer(env, 'PING_INTERVAL_MS', DEFAULT_PING_INTERVAL_MS, 100, MAX_PING_INTERVAL_MS),
    wsCompression: flag(env, 'WS_COMPRESSION', DEFAULT_WS_COMPRESSION),
    maxMembersPerBoard: integer(env, 'MAX_MEMBERS_PER_BOARD', DEFAULT_MAX_MEMBERS_PER_BOARD, 1),
  };
}

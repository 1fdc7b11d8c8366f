// "reconnect": a server restart with a full workshop on it. 300 clients on 10 boards, the
// server killed with SIGKILL and restarted on the same data directory and port; how long until
// every client is synced again. Two ways of coming back: the stock y-websocket provider's own
// backoff (100 ms * 2^n up to 2.5 s, no jitter: every client retries at the same instants) and
// the browser client's (client/src/lib/sync/reconnect.ts: full jitter, DEFAULT_BACKOFF in backoff.ts).
// The same storm against the stock @y/websocket-server for the timing side by side; it keeps
// no data across a restart, so there the clients push their documents back to it.
import { addItem, boardMaps } from '@interlink/model';
import { DEFAULT_BACKOFF } from '../../client/src/lib/sync/backoff.js';
import type { StockClient } from '../support/clients.js';
import { benchClient, until } from './bench-clients.js';
import type { Benchmark } from './benchmark.js';
import { readProcessCpuMs } from './cpu.js';
import { fixed, formatTable, reportServerLogs, type TargetResult } from './report.js';
import { runPool } from './room-client.js';
import { startBenchServer, type BenchServer, type Room, type ServerKind } from './servers.js';
import { percentiles, type Percentiles } from './stats.js';
import { WireMeter } from './wire.js';

const settings = {
  clients: 300,
  boards: 10,
  cardsPerBoard: 100,
  /** Clients joining at once while the boards fill up (the storm is the restart, not the setup). */
  joinConcurrency: 30,
  /** Rounds per combination, alternating, so drift on the machine hits all alike. */
  rounds: 2,
  /** A client not synced this long after the kill counts as lost. */
  giveUpMs: 30_000,
  /** The target: every client synced again this soon after the kill (ours, jittered). */
  targetMs: 10_000,
  /** Width of the window in which connection attempts are counted for the peak rate. */
  peakWindowMs: 100,
} as const;

type Reconnect = 'stock' | 'jittered';

interface StormResult {
  readonly server: ServerKind;
  readonly reconnect: Reconnect;
  readonly round: number;
  /** From the kill to each client's first sync after it; NaN for clients never synced. */
  readonly resyncMs: readonly number[];
  /** From the kill until the restarted server answered HTTP. */
  readonly restartMs: number;
  /** Connection attempts (sockets opened) after the kill, and the most in any peak window. */
  readonly attempts: number;
  readonly peakAttempts: number;
  /** CPU the restarted server used from its start until every client was back. */
  readonly serverCpuMs: number;
  /** Boards a fresh client found complete after the storm. */
  readonly boardsIntact: number;
}

function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  return until(predicate, timeoutMs, 20);
}

async function joinAll(server: BenchServer, rooms: readonly Room[], reconnect: Reconnect, meter: WireMeter): Promise<{ clients: StockClient[]; roomOf: Room[] }> {
  const clients: StockClient[] = [];
  const roomOf: Room[] = [];
  const webSocket = meter.webSocketClass();
  const failures = await runPool(settings.clients, settings.joinConcurrency, async (index) => {
    const room = rooms[index % rooms.length];
    if (room === undefined) throw new Error('no room');
    // Ours reconnects with jitter (the point here) and sends no awareness echoes, as in the browser.
    const client = benchClient(reconnect === 'stock' ? 'stock' : 'ours', server, room, webSocket);
    clients.push(client);
    roomOf.push(room);
    if (!(await waitUntil(() => client.provider.synced, 20_000))) throw new Error('did not sync');
  });
  if (failures.length > 0) {
    for (const client of clients) client.destroy();
    throw new Error(`${failures.length} clients could not join: ${failures.slice(0, 3).join('; ')}`);
  }
  return { clients, roomOf };
}

/** One writer per board adds the cards, one update each; every client then has them all. */
async function fillBoards(clients: readonly StockClient[], roomOf: readonly Room[]): Promise<void> {
  const writers = new Map<Room, StockClient>();
  clients.forEach((client, index) => {
    const room = roomOf[index];
    if (room !== undefined && !writers.has(room)) writers.set(room, client);
  });
  for (const writer of writers.values()) {
    for (let i = 0; i < settings.cardsPerBoard; i++) {
      addItem(writer.doc, { kind: i % 3 === 0 ? 'threat' : 'note', x: (i % 10) * 240, y: Math.floor(i / 10) * 160, text: `card ${i}: wells run dry in district ${i % 7}`, author: 'bench' });
    }
  }
  const everyCard = (): boolean => clients.every((client) => boardMaps(client.doc).items.size === settings.cardsPerBoard);
  if (!(await waitUntil(everyCard, 30_000))) throw new Error('the boards did not fill on every client');
}

async function countIntact(server: BenchServer, rooms: readonly Room[]): Promise<number> {
  let intact = 0;
  for (const room of rooms) {
    const fresh = benchClient('stock', server, room);
    try {
      if (await waitUntil(() => fresh.provider.synced && boardMaps(fresh.doc).items.size >= settings.cardsPerBoard, 10_000)) intact += 1;
    } finally {
      fresh.destroy();
    }
  }
  return intact;
}

function peakIn(times: readonly number[], windowMs: number): number {
  const buckets = new Map<number, number>();
  for (const time of times) {
    const bucket = Math.floor(time / windowMs);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return Math.max(0, ...buckets.values());
}

async function runStorm(kind: ServerKind, reconnect: Reconnect, round: number, logs: BenchServer[]): Promise<StormResult> {
  const first = await startBenchServer(kind);
  let restarted: BenchServer | undefined;
  const meter = new WireMeter();
  let clients: StockClient[] = [];
  try {
    const rooms = await Promise.all(Array.from({ length: settings.boards }, (_, i) => first.newRoom(`reconnect board ${i}`)));
    const joined = await joinAll(first, rooms, reconnect, meter);
    clients = joined.clients;
    await fillBoards(clients, joined.roomOf);

    const resyncedAt: number[] = clients.map(() => Number.NaN);
    clients.forEach((client, index) => {
      client.provider.on('sync', (synced: boolean) => {
        if (synced && Number.isNaN(resyncedAt[index] ?? 0)) resyncedAt[index] = performance.now();
      });
    });
    await first.kill9();
    const killedAt = performance.now();
    restarted = await startBenchServer(kind, { port: first.port, ...(first.dataDir !== undefined ? { dataDir: first.dataDir } : {}) });
    const restartMs = performance.now() - killedAt;
    await waitUntil(() => resyncedAt.every((at) => !Number.isNaN(at)), settings.giveUpMs - restartMs);
    const serverCpuMs = readProcessCpuMs(restarted.pid);
    const attemptsAfter = meter.attempts.filter((at) => at >= killedAt).map((at) => at - killedAt);
    const boardsIntact = await countIntact(restarted, rooms);
    return {
      server: kind,
      reconnect,
      round,
      resyncMs: resyncedAt.map((at) => at - killedAt),
      restartMs,
      attempts: attemptsAfter.length,
      peakAttempts: peakIn(attemptsAfter, settings.peakWindowMs),
      serverCpuMs,
      boardsIntact,
    };
  } finally {
    for (const client of clients) client.destroy();
    if (restarted) {
      await restarted.stop();
      logs.push(restarted);
    }
    // Removes the data directory, which the restarted server only borrowed.
    await first.stop();
    logs.push(first);
  }
}

interface Summary {
  readonly label: string;
  readonly synced: number;
  readonly total: number;
  readonly latency: Percentiles;
}

function summarize(results: readonly StormResult[]): Summary {
  const times = results.flatMap((result) => result.resyncMs);
  const synced = times.filter((time) => Number.isFinite(time));
  return { label: '', synced: synced.length, total: times.length, latency: percentiles(synced) };
}

function printResults(results: readonly StormResult[]): void {
  console.log(
    formatTable(
      ['round', 'server', 'reconnect', 'synced', 'p50 s', 'p95 s', 'max s', 'restart s', 'max after restart s', 'attempts', `peak /${settings.peakWindowMs} ms`, 'server CPU s', 'boards intact'],
      results.map((result) => {
        const summary = summarize([result]);
        return [
          String(result.round),
          result.server,
          result.reconnect,
          `${summary.synced}/${summary.total}`,
          fixed(summary.latency.p50 / 1000, 2),
          fixed(summary.latency.p95 / 1000, 2),
          fixed(summary.latency.max / 1000, 2),
          fixed(result.restartMs / 1000, 2),
          fixed((summary.latency.max - result.restartMs) / 1000, 2),
          String(result.attempts),
          String(result.peakAttempts),
          fixed(result.serverCpuMs / 1000, 2),
          `${result.boardsIntact}/${settings.boards}`,
        ];
      }),
      ['right', 'left', 'left'],
    ),
  );
}

export const reconnect: Benchmark = {
  name: 'reconnect',
  summary: `${settings.clients} clients on ${settings.boards} boards, server kill -9 and restart: time until all are synced again; stock backoff vs ours (jittered), ours vs stock server`,
  async run() {
    console.log(
      `jittered: a random delay up to ${DEFAULT_BACKOFF.baseMs} ms * 2^attempt, at most ${DEFAULT_BACKOFF.capMs / 1000} s. ` +
        `${settings.cardsPerBoard} cards per board. Times from the kill; "restart" is until the new process answers HTTP ` +
        `(ours reopens SQLite, the stock server starts empty). attempts: sockets the clients opened after the kill ` +
        `(failed ones included); peak: the most opened in any ${settings.peakWindowMs} ms, the herd the server meets. ` +
        `server CPU: the restarted process, from its start until all clients were back. boards intact: a fresh client ` +
        `finds every card (on the stock server only because the clients pushed them back).`,
    );
    process.setMaxListeners(Math.max(process.getMaxListeners(), settings.clients + 50));
    const logs: BenchServer[] = [];
    const results: StormResult[] = [];
    const combinations: ReadonlyArray<readonly [ServerKind, Reconnect]> = [
      ['ours', 'stock'],
      ['ours', 'jittered'],
      ['stock', 'stock'],
      ['stock', 'jittered'],
    ];
    for (let round = 1; round <= settings.rounds; round++) {
      for (const [server, reconnectKind] of combinations) results.push(await runStorm(server, reconnectKind, round, logs));
    }
    printResults(results);

    console.log('\nall rounds together (seconds from the kill):');
    const rows = combinations.map(([server, reconnectKind]) => {
      const summary = summarize(results.filter((result) => result.server === server && result.reconnect === reconnectKind));
      return [`${server} server, ${reconnectKind} reconnect`, `${summary.synced}/${summary.total}`, fixed(summary.latency.p50 / 1000, 2), fixed(summary.latency.p95 / 1000, 2), fixed(summary.latency.max / 1000, 2)];
    });
    console.log(formatTable(['', 'synced', 'p50 s', 'p95 s', 'max s'], rows));

    const ours = summarize(results.filter((result) => result.server === 'ours' && result.reconnect === 'jittered'));
    const intact = results.filter((result) => result.server === 'ours').every((result) => result.boardsIntact === settings.boards);
    const verdict: TargetResult = {
      benchmark: 'reconnect',
      target: `ours with jittered reconnect: all ${settings.clients} synced within ${settings.targetMs / 1000} s of a kill -9, every board intact`,
      pass: ours.synced === ours.total && ours.latency.max <= settings.targetMs && intact,
      measured: `${ours.synced}/${ours.total} synced, max ${fixed(ours.latency.max / 1000, 2)} s, p95 ${fixed(ours.latency.p95 / 1000, 2)} s${intact ? '' : ', a board lost cards'}`,
    };
    console.log(`\ntarget: ${verdict.target} -> ${verdict.pass ? 'PASS' : 'MISS'}`);
    const noisy = logs.filter((server) => server.logs.count > 0);
    if (noisy.length === 0) console.log(`none of the ${logs.length} server processes printed a log line`);
    else reportServerLogs(noisy);
    return [verdict];
  },
};

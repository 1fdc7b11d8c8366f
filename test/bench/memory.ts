// "memory": does a server give back what a board cost once everyone has left it? A workshop
// server runs for weeks and sees thousands of boards; if each left board kept its Y.Doc in
// memory the process would grow until it is killed. Ours unloads a board ROOM_IDLE_MS after
// its last connection closes; the stock server (without persistence) keeps every document
// forever, which is the baseline to beat.
//
// RSS is read from /proc (what the OS really gave the process). Neither server is given
// --expose-gc and neither calls gc() itself, so "after" is whatever V8 has returned to the OS
// by itself after the same idle wait on both: an honest reading, not a best case.
import { addItem, boardMaps } from '@interlink/model';
import type { Benchmark } from './benchmark.js';
import { forceFullGc, type HeapAfterGc } from './gc.js';
import { fixed, formatTable, MiB, reportServerLogs, type TargetResult } from './report.js';
import { joinRoom, runPool, serverCaughtUp, sleep } from './room-client.js';
import { percentiles } from './stats.js';
import { readProcessMemory, startBenchServer, type BenchServer, type Room, type ServerKind } from './servers.js';

const settings = {
  boards: 1_000,
  cardsPerBoard: 20,
  /** Boards being written at once; keeps the run to seconds without a thundering herd. */
  concurrency: 20,
  /** Boards opened and left before "before" is read, so that startup costs (JIT, SQLite
   * caches, the first WebSocket buffers) are not counted as growth. */
  warmupBoards: 20,
  /** Given to ours as ROOM_IDLE_MS; small so that the run does not wait out the 30 s default. */
  roomIdleMs: 2_000,
  /** Waited after the idle time, before each reading, for unloading and V8's own GC to happen. */
  quietMs: 8_000,
  /** Left boards reopened after the readings, to check they still hold their cards. */
  verifyBoards: 5,
  /** Ours may grow by at most this share of its RSS before (and less than stock). */
  maxGrowth: 0.1,
} as const;

interface MemoryResult {
  readonly server: ServerKind;
  readonly beforeBytes: number;
  readonly endOfLoadBytes: number;
  readonly afterBytes: number;
  readonly peakBytes: number;
  readonly loadMs: number;
  readonly failures: readonly string[];
  /** Diagnostic, after the readings: a forced full GC (undefined if the inspector failed). */
  readonly gc: (HeapAfterGc & { readonly rssBytes: number }) | undefined;
  /** Cards found on reopened boards, against the number written to them. */
  readonly verified: { readonly found: number; readonly expected: number };
}

/** Where a board's time went, ms: a slow step here is where a slow load comes from. */
interface BoardTimings {
  readonly create: number[];
  readonly join: number[];
  readonly write: number[];
}

/** Opens a new board, writes its cards one transaction (one update) each, and leaves. */
async function fillBoard(server: BenchServer, index: number, timings: BoardTimings): Promise<Room> {
  const startedAt = performance.now();
  const room = await server.newRoom(`memory board ${index}`);
  const createdAt = performance.now();
  const client = await joinRoom(server, room);
  const joinedAt = performance.now();
  try {
    for (let card = 0; card < settings.cardsPerBoard; card += 1) {
      addItem(client.doc, { kind: 'note', x: card * 220, y: 0, text: `board ${index} card ${card}` });
    }
    await serverCaughtUp(client);
  } finally {
    client.destroy();
  }
  timings.create.push(createdAt - startedAt);
  timings.join.push(joinedAt - createdAt);
  timings.write.push(performance.now() - joinedAt);
  return room;
}

async function fillBoards(server: BenchServer, count: number, rooms: Room[], timings: BoardTimings): Promise<string[]> {
  return runPool(count, settings.concurrency, async (index) => {
    rooms.push(await fillBoard(server, index, timings));
  });
}

async function countCards(server: BenchServer, room: Room): Promise<number> {
  const client = await joinRoom(server, room);
  try {
    return boardMaps(client.doc).items.size;
  } finally {
    client.destroy();
  }
}

async function diagnoseWithFullGc(server: BenchServer): Promise<MemoryResult['gc']> {
  try {
    const heap = await forceFullGc(server);
    // Give the allocator a moment to hand the freed pages back before reading RSS.
    await sleep(1_000);
    return { ...heap, rssBytes: readProcessMemory(server.pid).rssBytes };
  } catch (error) {
    console.log(`${server.kind}: forced GC failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function measure(kind: ServerKind): Promise<MemoryResult> {
  // ROOM_IDLE_MS means nothing to the stock server; it is passed to both so that the only
  // difference between the two runs is the server.
  const server = await startBenchServer(kind, { env: { ROOM_IDLE_MS: String(settings.roomIdleMs) } });
  try {
    const idleWait = settings.roomIdleMs + settings.quietMs;
    const warmupFailures = await fillBoards(server, settings.warmupBoards, [], { create: [], join: [], write: [] });
    await sleep(idleWait);
    const before = readProcessMemory(server.pid);

    const rooms: Room[] = [];
    const startedAt = performance.now();
    const timings: BoardTimings = { create: [], join: [], write: [] };
    const failures = [...warmupFailures, ...(await fillBoards(server, settings.boards, rooms, timings))];
    const loadMs = performance.now() - startedAt;
    const endOfLoad = readProcessMemory(server.pid);
    await sleep(idleWait);
    const after = readProcessMemory(server.pid);
    const gc = await diagnoseWithFullGc(server);

    // Reopening loads these boards again, so it comes after the readings.
    let found = 0;
    const sample = rooms.slice(0, settings.verifyBoards);
    for (const room of sample) found += await countCards(server, room);
    const steps = (['create', 'join', 'write'] as const).map((step) => {
      const { p50, p95 } = percentiles(timings[step]);
      return `${step} p50 ${fixed(p50)} / p95 ${fixed(p95)} ms`;
    });
    console.log(`${kind}: ${rooms.length} boards filled in ${fixed(loadMs / 1000)} s, ${failures.length} failed; per board: ${steps.join(', ')}`);
    for (const failure of failures.slice(0, 5)) console.log(`  failed ${failure}`);
    return {
      server: kind,
      beforeBytes: before.rssBytes,
      endOfLoadBytes: endOfLoad.rssBytes,
      afterBytes: after.rssBytes,
      peakBytes: after.peakRssBytes,
      loadMs,
      failures,
      gc,
      verified: { found, expected: sample.length * settings.cardsPerBoard },
    };
  } finally {
    reportServerLogs([server]);
    await server.stop();
  }
}

function signedMiB(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${fixed(bytes / MiB)} MiB`;
}

function growth(result: MemoryResult): number {
  return result.afterBytes - result.beforeBytes;
}

function printResults(results: readonly MemoryResult[]): void {
  const mib = (bytes: number): string => fixed(bytes / MiB);
  console.log(
    formatTable(
      ['server', 'RSS before MiB', 'end of load MiB', 'after idle MiB', 'growth MiB', 'growth %', 'peak MiB', 'cards on reopen'],
      results.map((result) => [
        result.server,
        mib(result.beforeBytes),
        mib(result.endOfLoadBytes),
        mib(result.afterBytes),
        mib(growth(result)),
        fixed((growth(result) / result.beforeBytes) * 100),
        mib(result.peakBytes),
        `${result.verified.found}/${result.verified.expected}`,
      ]),
    ),
  );
  console.log('\ndiagnostic, not the target: a full GC forced through the inspector after the readings above');
  console.log(
    formatTable(
      ['server', 'heap used before GC MiB', 'heap used after GC MiB', 'RSS after GC MiB', 'growth vs before MiB'],
      results.map((result) => [
        result.server,
        result.gc ? mib(result.gc.heapUsedBeforeBytes) : 'n/a',
        result.gc ? mib(result.gc.heapUsedAfterBytes) : 'n/a',
        result.gc ? mib(result.gc.rssBytes) : 'n/a',
        result.gc ? mib(result.gc.rssBytes - result.beforeBytes) : 'n/a',
      ]),
    ),
  );
}

export const memory: Benchmark = {
  name: 'memory',
  summary: `RSS growth over ${settings.boards} boards opened (${settings.cardsPerBoard} cards each) and left, ours vs stock`,
  async run() {
    console.log(
      `${settings.concurrency} boards at a time; ROOM_IDLE_MS=${settings.roomIdleMs}; each reading after ` +
        `${fixed((settings.roomIdleMs + settings.quietMs) / 1000, 0)} s idle; no forced GC. ` +
        `The stock server never unloads a document when it persists nothing.\n` +
        `Per board: create = POST /api/boards (nothing on stock), join = connect until synced, ` +
        `write = ${settings.cardsPerBoard} cards until the server has answered a sync step 1 sent after them.`,
    );
    const ours = await measure('ours');
    const stock = await measure('stock');
    console.log('');
    printResults([ours, stock]);
    const oursGrowth = growth(ours) / ours.beforeBytes;
    const verdict: TargetResult = {
      benchmark: 'memory',
      target: `ours grows <= ${settings.maxGrowth * 100}% of its RSS before, and less than stock`,
      pass: oursGrowth <= settings.maxGrowth && growth(ours) < growth(stock) && ours.failures.length === 0,
      measured:
        `ours ${signedMiB(growth(ours))} (${fixed(oursGrowth * 100)}%), stock ${signedMiB(growth(stock))}` +
        (ours.failures.length > 0 ? `, ${ours.failures.length} boards failed` : '') +
        (ours.gc && stock.gc
          ? `; diagnostic after forced GC: ours ${signedMiB(ours.gc.rssBytes - ours.beforeBytes)}, stock ${signedMiB(stock.gc.rssBytes - stock.beforeBytes)}`
          : ''),
    };
    console.log(`\ntarget: growth <= ${settings.maxGrowth * 100}% and < stock -> ${verdict.pass ? 'PASS' : 'MISS'}`);
    return [verdict];
  },
};

// "bandwidth": bytes on the wire for what participants on poor connections do most: join a
// board (a 1,000-card board with realistic fields, texts and links) and see a card move. Counted
// at the client's socket in both directions (frames, payload, and TCP bytes: wire.ts), against
// ours with permessage-deflate off and on (WS_COMPRESSION) and the stock server (which runs
// ws without permessage-deflate and has no option for it). Also what compression costs: server
// CPU per join, memory per connection (zlib keeps a context per socket), and latency of moves
// under load; the default of WS_COMPRESSION is chosen from these (see server/src/config.ts).
// And what the stock client costs everyone: it echoes every relayed cursor move back.
import * as Y from 'yjs';
import { boardMaps, moveItems, type ItemId } from '@interlink/model';
import type { StockClient } from '../support/clients.js';
import { boardFixture, type BoardFixture } from './bandwidth-board.js';
import { benchClient, until, type ClientKind } from './bench-clients.js';
import type { Benchmark } from './benchmark.js';
import { readProcessCpuMs } from './cpu.js';
import { forceFullGc } from './gc.js';
import { fixed, formatTable, MiB, reportServerLogs, type TargetResult } from './report.js';
import { serverCaughtUp, sleep } from './room-client.js';
import { readProcessMemory, startBenchServer, type BenchServer, type Room, type ServerKind } from './servers.js';
import { percentiles, type Percentiles } from './stats.js';
import { WireMeter, noTraffic, subtract, type Traffic } from './wire.js';

const settings = {
  cards: 1_000,
  /** Model commands per transaction while the board is written, as a workshop would leave it. */
  perTransaction: 100,
  warmupJoins: 3,
  joins: 20,
  /** Waited after a join synced, so the client's own answer and presence are counted too. */
  joinSettleMs: 150,
  moves: 50,
  /** Clients that join and stay, for the server's memory per connection. */
  idleClients: 100,
  /** Moves under load, as in a lively workshop: this many clients each moving a card ... */
  busyClients: 20,
  /** ... this often, for this long (after a warm-up that is not counted). */
  busyMovesPerSecond: 5,
  busyMs: 5_000,
  busyWarmupMs: 1_000,
  /** Cursor moves watched by this many peers, stock clients and ours. */
  cursorPeers: 9,
  cursorMoves: 30,
  /** A poor connection, for the transfer-time column. */
  linkMbitPerS: 1,
  /** Target: a move seen by a peer costs at most this on the wire. */
  maxMoveWireBytes: 120,
} as const;

interface Variant {
  readonly label: string;
  readonly kind: ServerKind;
  readonly env: Record<string, string>;
}

const variants: readonly Variant[] = [
  { label: 'ours, deflate off', kind: 'ours', env: { WS_COMPRESSION: 'off' } },
  { label: 'ours, deflate on', kind: 'ours', env: { WS_COMPRESSION: 'on' } },
  { label: 'stock (no deflate)', kind: 'stock', env: {} },
];

interface VariantResult {
  readonly variant: Variant;
  /** Median join. */
  readonly join: Traffic;
  readonly joinMs: number;
  readonly joinCpuMs: number;
  /** Median move: what the peer received, and what the mover sent. */
  readonly moveIn: Traffic;
  readonly moveOut: Traffic;
  readonly moveMs: number;
  /** Server RSS growth (after a full GC) for `idleClients` joined clients, bytes. */
  readonly idleRssBytes: number;
  /** Mover-to-peer latency of moves while `busyClients` clients all move cards. */
  readonly busy: Percentiles;
  /** Per cursor move: bytes one peer received, and all peers sent back (echoes), by client kind. */
  readonly cursor: Record<ClientKind, { readonly inPerPeer: number; readonly echoedByPeers: number }>;
}

/** Fails with `what` if `predicate` does not hold within `timeoutMs`. */
async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (!(await until(predicate, timeoutMs, 2))) throw new Error(`timed out: ${what}`);
}

/** The median of each field over the samples (each field on its own). */
function medianTraffic(samples: readonly Traffic[]): Traffic {
  const median = (pick: (traffic: Traffic) => number): number => percentiles(samples.map(pick)).p50;
  return {
    framesIn: median((t) => t.framesIn),
    framesOut: median((t) => t.framesOut),
    payloadIn: median((t) => t.payloadIn),
    payloadOut: median((t) => t.payloadOut),
    wireIn: median((t) => t.wireIn),
    wireOut: median((t) => t.wireOut),
  };
}

async function meteredJoin(server: BenchServer, room: Room): Promise<{ client: StockClient; meter: WireMeter; ms: number }> {
  const meter = new WireMeter();
  const startedAt = performance.now();
  const client = benchClient('stock', server, room, meter.webSocketClass());
  await waitUntil(() => client.provider.synced, 20_000, 'a join to sync');
  const ms = performance.now() - startedAt;
  await sleep(settings.joinSettleMs);
  return { client, meter, ms };
}

async function measureJoins(server: BenchServer, room: Room): Promise<{ join: Traffic; joinMs: number; joinCpuMs: number }> {
  for (let i = 0; i < settings.warmupJoins; i++) (await meteredJoin(server, room)).client.destroy();
  const samples: Traffic[] = [];
  const times: number[] = [];
  const cpuBefore = readProcessCpuMs(server.pid);
  for (let i = 0; i < settings.joins; i++) {
    const { client, meter, ms } = await meteredJoin(server, room);
    samples.push(meter.total());
    times.push(ms);
    client.destroy();
  }
  const joinCpuMs = (readProcessCpuMs(server.pid) - cpuBefore) / settings.joins;
  return { join: medianTraffic(samples), joinMs: percentiles(times).p50, joinCpuMs };
}

async function measureMoves(server: BenchServer, room: Room, cardIds: readonly ItemId[]): Promise<{ moveIn: Traffic; moveOut: Traffic; moveMs: number }> {
  const mover = await meteredJoin(server, room);
  const peer = await meteredJoin(server, room);
  try {
    const items = boardMaps(peer.client.doc).items;
    const received: Traffic[] = [];
    const sent: Traffic[] = [];
    const times: number[] = [];
    for (let i = 0; i < settings.moves; i++) {
      const id = cardIds[(i * 37) % cardIds.length];
      if (id === undefined) throw new Error('no card');
      const x = 10_000 + i * 7.5;
      const peerBefore = peer.meter.total();
      const moverBefore = mover.meter.total();
      const startedAt = performance.now();
      moveItems(mover.client.doc, [{ id, x, y: -i }]);
      await waitUntil(() => items.get(id)?.get('x') === x, 5_000, 'the peer to see a move');
      times.push(performance.now() - startedAt);
      received.push(subtract(peer.meter.total(), peerBefore));
      sent.push(subtract(mover.meter.total(), moverBefore));
    }
    return { moveIn: medianTraffic(received), moveOut: medianTraffic(sent), moveMs: percentiles(times).p50 };
  } finally {
    mover.client.destroy();
    peer.client.destroy();
  }
}

/** RSS after a full GC (through the inspector): what the connections hold, not garbage yet to collect. */
async function settledRss(server: BenchServer): Promise<number> {
  await forceFullGc(server);
  await sleep(300);
  return readProcessMemory(server.pid).rssBytes;
}

async function measureIdleMemory(server: BenchServer, room: Room): Promise<number> {
  const before = await settledRss(server);
  const clients: StockClient[] = [];
  try {
    for (let i = 0; i < settings.idleClients; i++) {
      const client = benchClient('stock', server, room);
      clients.push(client);
      await waitUntil(() => client.provider.synced, 20_000, 'an idle client to sync');
    }
    return (await settledRss(server)) - before;
  } finally {
    for (const client of clients) client.destroy();
  }
}

async function measureCursor(server: BenchServer, room: Room, kind: ClientKind): Promise<{ inPerPeer: number; echoedByPeers: number }> {
  const mover = benchClient(kind, server, room);
  const peers = Array.from({ length: settings.cursorPeers }, () => {
    const meter = new WireMeter();
    return { meter, client: benchClient(kind, server, room, meter.webSocketClass()) };
  });
  const everyone = [mover, ...peers.map((peer) => peer.client)];
  try {
    await waitUntil(() => everyone.every((client) => client.provider.synced), 20_000, 'the cursor clients to sync');
    mover.provider.awareness.setLocalState({ user: { name: 'Mover', color: '#e91e63' }, cursor: { x: 0, y: 0 } });
    const id = mover.provider.awareness.clientID;
    const cursorX = (client: StockClient): unknown => (client.provider.awareness.getStates().get(id) as { cursor?: { x?: unknown } } | undefined)?.cursor?.x;
    await waitUntil(() => peers.every((peer) => cursorX(peer.client) === 0), 5_000, 'the peers to see the cursor');
    await sleep(200);
    const received: number[] = [];
    const echoed: number[] = [];
    for (let move = 1; move <= settings.cursorMoves; move++) {
      const before = peers.map((peer) => peer.meter.total());
      mover.provider.awareness.setLocalStateField('cursor', { x: move, y: move });
      await waitUntil(() => peers.every((peer) => cursorX(peer.client) === move), 5_000, 'the peers to see a cursor move');
      // Echoes leave as the move is applied; give the sockets a moment to write them.
      await sleep(20);
      const deltas = peers.map((peer, index) => subtract(peer.meter.total(), before[index] ?? noTraffic));
      received.push(percentiles(deltas.map((delta) => delta.wireIn)).p50);
      echoed.push(deltas.reduce((sum, delta) => sum + delta.wireOut, 0));
    }
    return { inPerPeer: percentiles(received).p50, echoedByPeers: percentiles(echoed).p50 };
  } finally {
    for (const client of everyone) client.destroy();
  }
}

/** A position far off the board, carrying the moment the move was made: any receiver reads its latency from it. */
const STAMP_OFFSET = 1e7;

async function measureBusyMoves(server: BenchServer, room: Room, cardIds: readonly ItemId[]): Promise<Percentiles> {
  const clients: StockClient[] = [];
  try {
    for (let i = 0; i < settings.busyClients; i++) {
      const client = benchClient('stock', server, room);
      clients.push(client);
      await waitUntil(() => client.provider.synced, 20_000, 'a busy client to sync');
    }
    let latencies: number[] = [];
    for (const client of clients) {
      boardMaps(client.doc).items.observeDeep((events, transaction) => {
        const now = performance.now();
        if (transaction.local) return;
        for (const event of events) {
          const x: unknown = event instanceof Y.YMapEvent && event.keysChanged.has('x') ? event.target.get('x') : undefined;
          if (typeof x === 'number' && x >= STAMP_OFFSET) latencies.push(now - (x - STAMP_OFFSET));
        }
      });
    }
    const period = 1000 / settings.busyMovesPerSecond;
    const run = async (durationMs: number): Promise<void> => {
      const start = performance.now() + 20;
      const sends = clients
        .flatMap((client, index) => Array.from({ length: Math.round(durationMs / period) }, (_, k) => ({ client, index, at: start + k * period + (period / clients.length) * index })))
        .sort((a, b) => a.at - b.at);
      for (const send of sends) {
        const wait = send.at - performance.now();
        if (wait > 1) await sleep(wait);
        const id = cardIds[send.index];
        if (id !== undefined) moveItems(send.client.doc, [{ id, x: STAMP_OFFSET + performance.now(), y: send.index * 200 }]);
      }
      await sleep(1_000);
    };
    await run(settings.busyWarmupMs);
    latencies = [];
    await run(settings.busyMs);
    return percentiles(latencies);
  } finally {
    for (const client of clients) client.destroy();
  }
}

async function measureVariant(variant: Variant, board: BoardFixture, logs: BenchServer[]): Promise<VariantResult> {
  const server = await startBenchServer(variant.kind, { env: variant.env });
  try {
    const room = await server.newRoom('bandwidth');
    const seeder = benchClient('stock', server, room);
    try {
      await waitUntil(() => seeder.provider.synced, 20_000, 'the seeder to sync');
      for (const update of board.updates) Y.applyUpdate(seeder.doc, update);
      await serverCaughtUp(seeder, 30_000);
      // The seeder stays: a board people join is a board someone is on (and ours would
      // otherwise unload it after ROOM_IDLE_MS and reload it from disk on the next join).
      const joins = await measureJoins(server, room);
      const moves = await measureMoves(server, room, board.cardIds);
      const busy = await measureBusyMoves(server, room, board.cardIds);
      const cursor = { stock: await measureCursor(server, room, 'stock'), ours: await measureCursor(server, room, 'ours') };
      const idleRssBytes = await measureIdleMemory(server, room);
      return { variant, ...joins, ...moves, busy, cursor, idleRssBytes };
    } finally {
      seeder.destroy();
    }
  } finally {
    await server.stop();
    logs.push(server);
  }
}

function kb(bytes: number): string {
  return fixed(bytes / 1024, 1);
}

function printResults(results: readonly VariantResult[]): void {
  const column = (pick: (result: VariantResult) => string): string[] => results.map(pick);
  const transferS = (bytes: number): string => fixed((bytes * 8) / (settings.linkMbitPerS * 1e6), 2);
  console.log(
    formatTable(
      ['', ...results.map((result) => result.variant.label)],
      [
        ['join: frames in / out', ...column((r) => `${r.join.framesIn} / ${r.join.framesOut}`)],
        ['join: payload in KB (inflated)', ...column((r) => kb(r.join.payloadIn))],
        ['join: wire in KB', ...column((r) => kb(r.join.wireIn))],
        ['join: wire out KB', ...column((r) => kb(r.join.wireOut))],
        [`join: wire in at ${settings.linkMbitPerS} Mbit/s, s`, ...column((r) => transferS(r.join.wireIn))],
        ['join: time on loopback, ms (median)', ...column((r) => fixed(r.joinMs))],
        ['join: server CPU ms per join', ...column((r) => fixed(r.joinCpuMs))],
        ['move: frames at the peer', ...column((r) => String(r.moveIn.framesIn))],
        ['move: payload bytes at the peer', ...column((r) => String(r.moveIn.payloadIn))],
        ['move: wire bytes at the peer', ...column((r) => String(r.moveIn.wireIn))],
        ['move: wire bytes sent by the mover', ...column((r) => String(r.moveOut.wireOut))],
        ['move: mover to peer, ms (median)', ...column((r) => fixed(r.moveMs, 2))],
        [`busy (${settings.busyClients} clients x ${settings.busyMovesPerSecond} moves/s): p50 ms`, ...column((r) => fixed(r.busy.p50))],
        ['  p95 ms', ...column((r) => fixed(r.busy.p95))],
        ['  p99 ms', ...column((r) => fixed(r.busy.p99))],
        ['  deliveries', ...column((r) => String(r.busy.count))],
        [`cursor move, ${settings.cursorPeers} peers, stock client: wire bytes in per peer`, ...column((r) => String(r.cursor.stock.inPerPeer))],
        ['  wire bytes the peers send back (echoes)', ...column((r) => String(r.cursor.stock.echoedByPeers))],
        [`cursor move, ${settings.cursorPeers} peers, our client: wire bytes in per peer`, ...column((r) => String(r.cursor.ours.inPerPeer))],
        ['  wire bytes the peers send back (echoes)', ...column((r) => String(r.cursor.ours.echoedByPeers))],
        [`${settings.idleClients} joined clients: server RSS growth MiB (after GC)`, ...column((r) => fixed(r.idleRssBytes / MiB, 1))],
        ['  per connection KiB', ...column((r) => fixed(r.idleRssBytes / settings.idleClients / 1024, 0))],
      ],
    ),
  );
}

export const bandwidth: Benchmark = {
  name: 'bandwidth',
  summary: `bytes on the wire to join a ${settings.cards}-card board, to see a card move and a cursor move; ours with permessage-deflate off/on vs stock`,
  async run() {
    // Every provider adds a process 'exit' listener; over a hundred at once is the point here.
    process.setMaxListeners(Math.max(process.getMaxListeners(), settings.idleClients + 50));
    const board = boardFixture(settings.cards, settings.perTransaction);
    console.log(
      `board: ${settings.cards} cards and ${board.links} links, ${kb(board.encodedBytes)} KB encoded, written as ${board.updates.length} updates. ` +
        `Medians of ${settings.joins} joins (after ${settings.warmupJoins} warm-up) and ${settings.moves} moves. wire: TCP bytes at the ` +
        `client (handshake and frame headers included); payload: the messages as the protocol carries them. The clients ` +
        `(Node's ws) offer permessage-deflate as browsers do and, like them, deflate every frame they send once it is ` +
        `accepted. Server memory: RSS after a full GC, before and after ${settings.idleClients} clients joined and stayed.`,
    );
    const logs: BenchServer[] = [];
    const results: VariantResult[] = [];
    for (const variant of variants) results.push(await measureVariant(variant, board, logs));
    printResults(results);

    const off = results.find((result) => result.variant.env.WS_COMPRESSION === 'off');
    const on = results.find((result) => result.variant.env.WS_COMPRESSION === 'on');
    const verdicts: TargetResult[] = [];
    if (off && on) {
      const ratio = off.join.wireIn / on.join.wireIn;
      console.log(
        `\ndeflate shrinks the join ${fixed(ratio, 1)}x (${kb(off.join.wireIn)} -> ${kb(on.join.wireIn)} KB) for ` +
          `${fixed(on.joinCpuMs - off.joinCpuMs)} ms more server CPU per join and ` +
          `${fixed((on.idleRssBytes - off.idleRssBytes) / settings.idleClients / 1024, 0)} KiB more server memory per connection; ` +
          `a move reaches the peer as ${on.moveIn.wireIn} vs ${off.moveIn.wireIn} bytes (under the 1 KB threshold the server ` +
          `sends it as it is) after ${fixed(on.moveMs, 2)} vs ${fixed(off.moveMs, 2)} ms (on vs off); under load, ` +
          `p50 ${fixed(on.busy.p50)} vs ${fixed(off.busy.p50)} ms, p99 ${fixed(on.busy.p99)} vs ${fixed(off.busy.p99)} ms.`,
      );
      verdicts.push({
        benchmark: 'bandwidth',
        target: `a card move costs a peer <= ${settings.maxMoveWireBytes} wire bytes, deflate on or off`,
        pass: Math.max(on.moveIn.wireIn, off.moveIn.wireIn) <= settings.maxMoveWireBytes,
        measured: `${off.moveIn.wireIn} B off, ${on.moveIn.wireIn} B on`,
      });
      verdicts.push({
        benchmark: 'bandwidth',
        target: 'deflate shrinks joining a 1,000-card board at least 2x',
        pass: ratio >= 2,
        measured: `${kb(off.join.wireIn)} -> ${kb(on.join.wireIn)} KB, ${fixed(ratio, 1)}x`,
      });
    }
    const ours = results.filter((result) => result.variant.kind === 'ours');
    verdicts.push({
      benchmark: 'bandwidth',
      target: 'our client sends no echo of a relayed cursor move (the stock client sends one per peer)',
      pass: ours.every((result) => result.cursor.ours.echoedByPeers === 0),
      measured: ours.map((result) => `${result.variant.label}: ${result.cursor.ours.echoedByPeers} B ours, ${result.cursor.stock.echoedByPeers} B stock`).join('; '),
    });
    reportServerLogs(logs);
    return verdicts;
  },
};

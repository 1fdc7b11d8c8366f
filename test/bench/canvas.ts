// "canvas": a big board end to end. A 10,000-item board with 5,000 links is written through a
// stock y-websocket client; then (1) a new stock client syncs it, ours against the stock
// server; (2) headless Chromium opens it from a share link until the first card is painted;
// (3) wheel pans and ctrl+wheel zooms run over it while the page's frame intervals are noted.
// The browser runs with software rendering on a 2-core machine: these are worst-case numbers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Benchmark } from './benchmark.js';
import { BOARD, boardUpdates, planBoard, type BoardPlan } from './canvas-fixture.js';
import { intervalStats, pan, panAtFullSize, panZoomedOut, zoom, type IntervalStats, type PhaseResult } from './canvas-gestures.js';
import { instrumentedPage, openBoard, type OpenedBoard } from './canvas-open.js';
import { frames, waitForFirstCard } from './canvas-page.js';
import { profiled, reportProfile } from './canvas-profile.js';
import { printOpens, printPhases, printSync, type OpenRun, type SyncRound } from './canvas-report.js';
import { startRestartableServer, type RestartableServer } from './canvas-server.js';
import { timeSync, writeBoard, type BoardSize, type SyncTarget } from './canvas-sync.js';
import { describeLoad, startLoadWindow, type MachineLoad } from './canvas-load.js';
import { fixed, MiB, reportServerLogs, type TargetResult } from './report.js';
import { startBenchServer, type BenchServer } from './servers.js';
import { sleep } from './room-client.js';

const settings = {
  syncRounds: 5,
  opens: 3,
  /** An open that has not shown a card by then is reported as not shown. */
  openTimeoutMs: 60_000,
  targets: { syncMs: 2_000, openMs: 8_000, frameMs: 33 },
  /** BENCH_CANVAS_PROFILE=1 adds a profiled open and gesture pass after the measured ones. */
  profile: process.env.BENCH_CANVAS_PROFILE === '1',
} as const;

const name = 'canvas';

async function orNaN(label: string, measure: () => Promise<number>): Promise<number> {
  try {
    return await measure();
  } catch (error) {
    console.log(`  ${label}: ${error instanceof Error ? error.message : String(error)}`);
    return Number.NaN;
  }
}

interface Servers {
  readonly ours: RestartableServer;
  readonly stock: BenchServer;
  readonly oursTarget: () => SyncTarget;
  readonly stockTarget: SyncTarget;
  /** The facilitator's share link with a name, so the page asks for none. */
  readonly shareUrl: () => string;
}

async function startServers(): Promise<Servers> {
  const ours = await startRestartableServer();
  const stock = await startBenchServer('stock').catch(async (error: unknown) => {
    await ours.stop();
    throw error;
  });
  try {
    const board = await ours.current.createBoard('Canvas benchmark');
    const room = await stock.newRoom('canvas');
    return {
      ours,
      stock,
      oursTarget: () => ({ syncUrl: ours.current.wsUrl, room: board.id, token: board.tokens.facilitator }),
      stockTarget: { syncUrl: stock.syncUrl, room: room.name, token: room.token },
      shareUrl: () => `${ours.current.url}${board.links.facilitator}&name=Bench`,
    };
  } catch (error) {
    await Promise.all([ours.stop(), stock.stop()]);
    throw error;
  }
}

/** The same updates to both servers, then a second client proving each holds all of it. */
async function loadBoard(servers: Servers, updates: readonly Uint8Array[], size: BoardSize): Promise<void> {
  const oursWrite = await writeBoard(servers.oursTarget(), updates);
  const stockWrite = await writeBoard(servers.stockTarget, updates);
  // The check also warms this process's own Yjs code before anything is timed.
  const oursCheck = await timeSync(servers.oursTarget(), size);
  const stockCheck = await timeSync(servers.stockTarget, size);
  console.log(
    `written in ${updates.length} updates: ours ${fixed(oursWrite / 1000, 1)} s, stock ${fixed(stockWrite / 1000, 1)} s; ` +
      `a second client then held all of it after ${fixed(oursCheck, 0)} / ${fixed(stockCheck, 0)} ms`,
  );
}

/** Each round: ours restarted (board loads from disk), then again (room now in memory), then stock. */
async function measureSync(servers: Servers, size: BoardSize): Promise<SyncRound[]> {
  const rounds: SyncRound[] = [];
  for (let round = 1; round <= settings.syncRounds; round += 1) {
    await servers.ours.restart();
    const oursFromDisk = await orNaN(`round ${round} ours from disk`, () => timeSync(servers.oursTarget(), size));
    const oursInMemory = await orNaN(`round ${round} ours in memory`, () => timeSync(servers.oursTarget(), size));
    const stock = await orNaN(`round ${round} stock`, () => timeSync(servers.stockTarget, size));
    rounds.push({ round, oursFromDisk, oursInMemory, stock });
  }
  return rounds;
}

/** Opens the board `settings.opens` times, each in a fresh profile; returns the last page open. */
async function measureOpens(servers: Servers): Promise<{ runs: OpenRun[]; last: OpenedBoard | undefined }> {
  // The first open after a restart is the "next morning" case: the server loads from disk too.
  await servers.ours.restart();
  const runs: OpenRun[] = [];
  let last: OpenedBoard | undefined;
  for (let run = 1; run <= settings.opens; run += 1) {
    const opened = await openBoard(servers.shareUrl(), settings.openTimeoutMs);
    runs.push({ run, fromDisk: run === 1, marks: opened.marks, errors: [...opened.session.errors] });
    if (run < settings.opens || opened.marks?.firstCard === undefined) await opened.session.close();
    else last = opened;
  }
  return { runs, last };
}

async function screenshot(page: Page, dir: string, file: string): Promise<string> {
  const path = join(dir, file);
  await page.screenshot({ path });
  return path;
}

async function pointAtBoard(page: Page): Promise<void> {
  const box = await page.locator('[data-testid=board-canvas]').boundingBox();
  if (!box) throw new Error('no board canvas on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

interface GestureOutcome {
  readonly phases: PhaseResult[];
  readonly shots: string[];
}

async function measureGestures(page: Page, shotDir: string): Promise<GestureOutcome> {
  // Whatever the page still does after its first card (the rest of the load) is not a gesture's.
  await sleep(1_000);
  await frames(page, 10);
  await pointAtBoard(page);
  const shots = [await screenshot(page, shotDir, 'canvas-opened-100.png')];
  const phases: PhaseResult[] = [];
  phases.push(await pan(page, 'pan at 100%', panAtFullSize));
  phases.push(await zoom(page, 'zoom out 100% -> min', 'out', 'min'));
  shots.push(await screenshot(page, shotDir, 'canvas-zoomed-out.png'));
  phases.push(await pan(page, 'pan zoomed out', panZoomedOut));
  phases.push(await zoom(page, 'zoom in min -> 100%', 'in', 1));
  return { phases, shots };
}

/** After the measured passes: a profiled open and a profiled zoom-out and pan, for diagnosis. */
async function profileRun(servers: Servers, shotDir: string): Promise<void> {
  console.log('\nBENCH_CANVAS_PROFILE=1: profiled passes (slower than the measured ones; for where the time goes, not for figures)');
  const { session, page } = await instrumentedPage();
  try {
    const load = await profiled(page, async () => {
      await page.goto(servers.shareUrl(), { waitUntil: 'commit' });
      return waitForFirstCard(page, settings.openTimeoutMs);
    });
    reportProfile(`open (first card at ${fixed(load.result?.firstCard ?? Number.NaN, 0)} ms)`, load.profile, join(shotDir, 'open.cpuprofile'));
    await sleep(1_000);
    await pointAtBoard(page);
    const atFull = await profiled(page, () => pan(page, 'pan at 100%', panAtFullSize));
    reportProfile('pan at 100%', atFull.profile, join(shotDir, 'pan-100.cpuprofile'));
    await zoom(page, 'zoom out', 'out', 'min');
    const zoomedOut = await profiled(page, () => pan(page, 'pan zoomed out', panZoomedOut));
    reportProfile('pan zoomed out', zoomedOut.profile, join(shotDir, 'pan-zoomed-out.cpuprofile'));
  } finally {
    await session.close();
  }
}

/** A note on the verdict when other work took a noticeable share of the machine. */
function busy(load: MachineLoad): string {
  return load.otherCores >= 0.25 ? `; other processes busy ${fixed(load.otherCores, 2)} of ${load.cores} cores` : '';
}

function frameVerdict(phase: string, stats: IntervalStats | undefined, load: MachineLoad): TargetResult {
  const median = stats?.median ?? Number.NaN;
  return {
    benchmark: name,
    target: `${phase}: median frame interval <= ${settings.targets.frameMs} ms`,
    pass: median <= settings.targets.frameMs,
    measured: stats ? `median ${fixed(median, 1)} ms, p95 ${fixed(stats.p95, 1)} ms, max ${fixed(stats.max, 0)} ms over ${stats.frames} frames${busy(load)}` : 'not measured',
  };
}

function summarise(plan: BoardPlan, updates: readonly Uint8Array[]): void {
  const kinds = new Map<string, number>();
  for (const item of plan.items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
  const bytes = updates.reduce((sum, update) => sum + update.length, 0);
  console.log(
    `board: ${plan.items.length} items (${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}), ${plan.links.length} links, ` +
      `${BOARD.columns} columns over ${plan.width} x ${plan.height} canvas units; ${updates.length} updates of ${BOARD.perTransaction} ` +
      `commands, ${fixed(bytes / MiB, 2)} MiB in all.`,
  );
}

async function syncSection(servers: Servers, size: BoardSize): Promise<TargetResult[]> {
  console.log('\nsync of the whole board to a new client:');
  const load = startLoadWindow();
  const sync = printSync(await measureSync(servers, size));
  const machine = load();
  console.log(describeLoad(machine));
  const limit = settings.targets.syncMs;
  return [
    {
      benchmark: name,
      target: `sync, ours, board loaded from disk: p50 < ${limit} ms`,
      pass: sync.fromDisk.p50 < limit,
      measured: `p50 ${fixed(sync.fromDisk.p50, 0)} ms, max ${fixed(sync.fromDisk.max, 0)} ms${busy(machine)}`,
    },
    {
      benchmark: name,
      target: `sync, ours, board in memory: p50 < ${limit} ms`,
      pass: sync.inMemory.p50 < limit,
      measured: `p50 ${fixed(sync.inMemory.p50, 0)} ms (stock ${fixed(sync.stock.p50, 0)} ms)${busy(machine)}`,
    },
  ];
}

async function openSection(servers: Servers): Promise<{ verdict: TargetResult; last: OpenedBoard | undefined }> {
  console.log('\nopening the board in headless Chromium (ms since navigation start):');
  const load = startLoadWindow();
  const { runs, last } = await measureOpens(servers);
  const machine = load();
  const open = printOpens(runs);
  console.log(describeLoad(machine));
  const verdict: TargetResult = {
    benchmark: name,
    target: `open, first card shown: p50 < ${settings.targets.openMs} ms`,
    pass: open.p50 < settings.targets.openMs,
    measured: `p50 ${fixed(open.p50, 0)} ms, max ${fixed(open.max, 0)} ms${busy(machine)}`,
  };
  return { verdict, last };
}

async function gestureSection(opened: OpenedBoard, plan: BoardPlan, shotDir: string): Promise<TargetResult[]> {
  console.log('\npan and zoom on the last opened page:');
  const load = startLoadWindow();
  const { phases, shots } = await measureGestures(opened.page, shotDir);
  const machine = load();
  const stats = printPhases(phases);
  console.log(describeLoad(machine));
  const zoomed = phases.filter((phase) => phase.name.startsWith('zoom'));
  const zoomStats = zoomed.length > 0 ? intervalStats(zoomed.flatMap((phase) => phase.intervals)) : undefined;
  const minimum = phases.find((phase) => phase.name.startsWith('zoom out'))?.after;
  if (minimum) {
    const fits = Math.min(minimum.width / plan.width, minimum.height / plan.height);
    console.log(
      `smallest zoom ${fixed(minimum.scale * 100, 0)}%: ${minimum.cardsShown} of ${plan.items.length} items drawn on a ` +
        `${minimum.width} x ${minimum.height} px stage; the whole board would need ${fixed(fits * 100, 1)}% or less.`,
    );
  }
  console.log(`console errors in the page: ${opened.session.errors.length}`);
  console.log(`screenshots: ${shots.join(', ')}`);
  return [
    frameVerdict('pan at 100%', stats.get('pan at 100%'), machine),
    frameVerdict('zoom 100% <-> min', zoomStats, machine),
    frameVerdict('pan zoomed out', stats.get('pan zoomed out'), machine),
  ];
}

export const canvas: Benchmark = {
  name,
  summary: `a ${BOARD.items}-item board with ${BOARD.links} links: sync to a new stock client (ours vs stock), open and pan/zoom in headless Chromium`,
  async run() {
    console.log(
      'sync: a new stock y-websocket client, from construction to synced with every item and link (ms).\n' +
        'open: fresh Chromium profile, navigation start to the first frame in which a Konva layer holding card nodes has painted pixels.\n' +
        'pan/zoom: wheel events at 60/s (ctrl+wheel to zoom) through Playwright; intervals between requestAnimationFrame callbacks.',
    );
    const plan = planBoard();
    const updates = boardUpdates(plan);
    summarise(plan, updates);
    const size: BoardSize = { items: plan.items.length, links: plan.links.length };
    const shotDir = mkdtempSync(join(tmpdir(), 'interlink-canvas-bench-out-'));
    const servers = await startServers();
    const verdicts: TargetResult[] = [];
    let opened: OpenedBoard | undefined;
    try {
      await loadBoard(servers, updates, size);
      verdicts.push(...(await syncSection(servers, size)));
      const open = await openSection(servers);
      verdicts.push(open.verdict);
      opened = open.last;
      if (opened === undefined) console.log('\nno open showed a card, so pan and zoom were not measured');
      else verdicts.push(...(await gestureSection(opened, plan, shotDir)));
      await opened?.session.close();
      opened = undefined;
      if (settings.profile) await profileRun(servers, shotDir);
    } finally {
      await opened?.session.close();
      await servers.ours.stop();
      await servers.stock.stop();
    }
    const warnings = servers.ours.warnings();
    console.log(`\nours printed ${warnings.length} warning/error log line(s)${warnings.length > 0 ? ':' : ''}`);
    for (const line of warnings.slice(0, 10)) console.log(`  ${line}`);
    reportServerLogs([servers.stock]);
    return verdicts;
  },
};

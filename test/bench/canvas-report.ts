// The canvas benchmark's tables: sync times per server, open milestones per run, and frame
// intervals per gesture phase. Printing only; the verdicts are made in canvas.ts.
import type { OpenMarks } from './canvas-page.js';
import { intervalStats, type IntervalStats, type PhaseResult } from './canvas-gestures.js';
import { fixed, formatTable } from './report.js';
import { percentiles, type Percentiles } from './stats.js';

export interface SyncRound {
  readonly round: number;
  /** ms; NaN if that client did not sync in time. */
  readonly oursFromDisk: number;
  readonly oursInMemory: number;
  readonly stock: number;
}

export interface SyncSummary {
  readonly fromDisk: Percentiles;
  readonly inMemory: Percentiles;
  readonly stock: Percentiles;
}

const ms = (value: number | undefined): string => (value === undefined ? 'n/a' : fixed(value, 0));

export function printSync(rounds: readonly SyncRound[]): SyncSummary {
  console.log(
    formatTable(
      ['round', 'ours, board from disk ms', 'ours, board in memory ms', 'stock ms'],
      rounds.map((round) => [String(round.round), ms(round.oursFromDisk), ms(round.oursInMemory), ms(round.stock)]),
    ),
  );
  const summary: SyncSummary = {
    fromDisk: percentiles(rounds.map((round) => round.oursFromDisk)),
    inMemory: percentiles(rounds.map((round) => round.oursInMemory)),
    stock: percentiles(rounds.map((round) => round.stock)),
  };
  const ratio = (ours: number, stock: number): string => (stock > 0 ? fixed(ours / stock, 2) : 'n/a');
  console.log('');
  console.log(
    formatTable(
      ['', 'ours from disk', 'ours in memory', 'stock (in memory)', 'ours in memory/stock'],
      [
        ['p50 ms', ms(summary.fromDisk.p50), ms(summary.inMemory.p50), ms(summary.stock.p50), ratio(summary.inMemory.p50, summary.stock.p50)],
        ['max ms', ms(summary.fromDisk.max), ms(summary.inMemory.max), ms(summary.stock.max), ratio(summary.inMemory.max, summary.stock.max)],
      ],
    ),
  );
  return summary;
}

export interface OpenRun {
  readonly run: number;
  /** True when the server had to load the board from SQLite for this open (first after a restart). */
  readonly fromDisk: boolean;
  readonly marks: OpenMarks | undefined;
  /** Console errors and page errors the page logged. */
  readonly errors: readonly string[];
}

export function printOpens(runs: readonly OpenRun[]): Percentiles {
  console.log(
    formatTable(
      ['run', 'board on server', 'board view ms', 'connected ms', 'card nodes ms', 'first card ms', 'signal', 'longest task ms', 'long tasks', 'console errors'],
      runs.map((run) => [
        String(run.run),
        run.fromDisk ? 'from disk' : 'in memory',
        ms(run.marks?.boardPage),
        ms(run.marks?.connected),
        ms(run.marks?.cardNodes),
        run.marks?.firstCard === undefined ? 'not shown' : ms(run.marks.firstCard),
        run.marks?.signal ?? '',
        ms(run.marks?.longestTaskMs),
        run.marks ? `${run.marks.longTasks} (${fixed(run.marks.longTasksMs / 1000, 1)} s)` : 'n/a',
        String(run.errors.length),
      ]),
      ['right', 'left'],
    ),
  );
  // An open that never showed a card counts as infinitely slow, not as missing.
  const opens = percentiles(runs.map((run) => run.marks?.firstCard ?? Number.POSITIVE_INFINITY));
  console.log(`first card shown: p50 ${ms(opens.p50)} ms, max ${ms(opens.max)} ms`);
  for (const run of runs) for (const error of run.errors.slice(0, 3)) console.log(`  run ${run.run}: ${error}`);
  return opens;
}

export function printPhases(phases: readonly PhaseResult[]): Map<string, IntervalStats> {
  const stats = new Map<string, IntervalStats>();
  const rows = phases.map((phase) => {
    const s = intervalStats(phase.intervals);
    stats.set(phase.name, s);
    const seconds = phase.durationMs / 1000;
    const scale = (value: number | undefined): string => (value === undefined ? '?' : `${fixed(value * 100, 0)}%`);
    return [
      phase.name,
      `${phase.sent}${phase.cutShort ? ' (cut short)' : ''}`,
      String(phase.delivered),
      fixed(seconds, 1),
      String(s.frames),
      fixed(s.median, 1),
      fixed(s.p95, 1),
      fixed(s.max, 1),
      fixed(phase.viewFrames / seconds, 1),
      `${scale(phase.before?.scale)} -> ${scale(phase.after?.scale)}`,
      `${phase.before?.cardsShown ?? '?'} -> ${phase.after?.cardsShown ?? '?'}`,
    ];
  });
  console.log(
    formatTable(
      ['phase', 'wheel sent', 'taken', 's', 'frames', 'median ms', 'p95 ms', 'max ms', 'new views/s', 'zoom', 'items drawn'],
      rows,
      ['left'],
    ),
  );
  return stats;
}

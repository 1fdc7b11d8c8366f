// Plain-text reporting shared by every benchmark: aligned tables and the PASS/MISS verdicts.
// Benchmarks only report; a missed target never changes the exit code (numbers on a shared
// 2-core machine are too noisy to gate a build on).
import type { BenchServer } from './servers.js';

/** One target a benchmark checks, e.g. "p99 ours/stock <= 1.25 with 0 lost". */
export interface TargetResult {
  readonly benchmark: string;
  readonly target: string;
  readonly pass: boolean;
  /** The measured values the verdict rests on, shown next to it. */
  readonly measured: string;
}

export type Align = 'left' | 'right';

/**
 * Renders rows under a header, every column as wide as its widest cell. Columns after the
 * first are right-aligned unless told otherwise, since they are mostly numbers.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const alignment = (column: number): Align => align[column] ?? (column === 0 ? 'left' : 'right');
  const line = (cells: readonly string[]): string =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return alignment(column) === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function formatVerdict(result: TargetResult): string {
  return `${result.pass ? 'PASS' : 'MISS'}  ${result.benchmark}: ${result.target}  (${result.measured})`;
}

export function section(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`;
}

export const MiB = 1024 * 1024;

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** Our server logs at warn level in benchmarks, so any line it printed deserves a look. */
export function reportServerLogs(servers: readonly BenchServer[]): void {
  const shownEachEnd = 10;
  for (const server of servers) {
    const { lines, tail, count } = server.logs;
    if (count === 0) {
      console.log(`${server.kind} server: no log lines`);
      continue;
    }
    console.log(`${server.kind} server printed ${count} log line(s):`);
    const head = lines.slice(0, shownEachEnd);
    const end = [...lines, ...tail].slice(head.length).slice(-shownEachEnd);
    for (const line of head) console.log(`  ${line}`);
    if (count > head.length + end.length) console.log(`  ... ${count - head.length - end.length} more ...`);
    for (const line of end) console.log(`  ${line}`);
  }
}

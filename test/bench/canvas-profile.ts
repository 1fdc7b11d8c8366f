// Optional diagnosis for the canvas benchmark (BENCH_CANVAS_PROFILE=1): a CPU profile of the
// page's main thread through the Chrome DevTools Protocol, summarised as the functions with
// the most self time. Profiling slows the page, so it runs after, never during, the measured
// passes. The full profiles are saved as .cpuprofile files, which DevTools opens.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fixed, formatTable } from './report.js';

/** The fields of CDP's Profiler.Profile read here (playwright-core does not export its Protocol types). */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export async function profiled<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Profiler.enable');
    // 200 µs between samples: fine enough for 16 ms frames, light enough not to swamp them.
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    const result = await run();
    const { profile } = await session.send('Profiler.stop');
    return { result, profile };
  } finally {
    await session.detach();
  }
}

interface SelfTime {
  readonly name: string;
  readonly ms: number;
}

/** The bundle's file name and line, enough to find a minified function again. */
function where(url: string, line: number): string {
  if (url === '') return '';
  const file = url.slice(url.lastIndexOf('/') + 1);
  return ` ${file}:${line + 1}`;
}

/** Self time per function (name and place), largest first; idle time left out. */
export function selfTimes(profile: CpuProfile): { top: SelfTime[]; busyMs: number } {
  const byNode = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    byNode.set(node.id, `${functionName || '(anonymous)'}${where(url, lineNumber)}`);
  }
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => {
    // A sample's delta is the time since the previous one; it is the best estimate of how long
    // the program was in the sampled function.
    const name = byNode.get(id) ?? '(unknown)';
    totals.set(name, (totals.get(name) ?? 0) + (deltas[index] ?? 0) / 1000);
  });
  totals.delete('(idle)');
  const busyMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const top = [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { top, busyMs };
}

/** Prints the top functions and saves the whole profile; returns the file written. */
export function reportProfile(title: string, profile: CpuProfile, path: string, count = 15): string {
  writeFileSync(path, JSON.stringify(profile));
  const { top, busyMs } = selfTimes(profile);
  console.log(`\n${title}: ${fixed(busyMs / 1000, 2)} s busy on the main thread; most self time:`);
  console.log(
    formatTable(
      ['function', 'self ms', 'share'],
      top.slice(0, count).map((entry) => [entry.name, fixed(entry.ms, 0), `${fixed((entry.ms / busyMs) * 100, 1)}%`]),
    ),
  );
  console.log(`full profile (DevTools > Performance > load): ${path}`);
  return path;
}

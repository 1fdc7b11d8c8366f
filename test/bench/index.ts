// `pnpm bench [-- <name>...]`: runs the named benchmarks (all by default), each printing its
// own section, then one PASS/MISS line per target. A missed target is reported, never turned
// into a failing exit code: these numbers come from a shared 2-core machine.
//
// The benchmark clients run in this process; every server under test is a child process of
// its own (see servers.ts), so client load and server work never share an event loop.
import { analysis } from './analysis.js';
import { bandwidth } from './bandwidth.js';
import type { Benchmark } from './benchmark.js';
import { canvas } from './canvas.js';
import { exportFormats } from './exports.js';
import { memory } from './memory.js';
import { propagation } from './propagation.js';
import { reconnect } from './reconnect.js';
import { formatVerdict, section, type TargetResult } from './report.js';
import { oursIsStock } from './servers.js';

/** In the order they run. Later benchmarks are added here. */
const benchmarks: readonly Benchmark[] = [propagation, memory, analysis, canvas, exportFormats, reconnect, bandwidth];

function selectBenchmarks(args: readonly string[]): readonly Benchmark[] | undefined {
  // pnpm may hand the script the `--` separator itself.
  const names = args.filter((arg) => arg !== '--');
  if (names.length === 0) return benchmarks;
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}\navailable:`);
    for (const benchmark of benchmarks) console.error(`  ${benchmark.name.padEnd(14)} ${benchmark.summary}`);
    return undefined;
  }
  return benchmarks.filter((benchmark) => names.includes(benchmark.name));
}

async function main(): Promise<void> {
  // Every WebsocketProvider adds a process 'exit' listener; 20 of them at once is the point
  // here, not a leak, and the warning would only clutter the report.
  process.setMaxListeners(100);
  const selected = selectBenchmarks(process.argv.slice(2));
  if (selected === undefined) {
    process.exitCode = 2;
    return;
  }
  if (oursIsStock) console.log('BENCH_OURS=stock: the "ours" column is the stock server too (an A/A run).');
  const verdicts: TargetResult[] = [];
  for (const benchmark of selected) {
    console.log(section(benchmark.name));
    console.log(benchmark.summary);
    const startedAt = performance.now();
    try {
      verdicts.push(...(await benchmark.run()));
    } catch (error) {
      // One broken benchmark should not hide the others' numbers.
      console.log(`\n${benchmark.name} did not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      verdicts.push({ benchmark: benchmark.name, target: 'completes', pass: false, measured: 'error, see above' });
    }
    console.log(`(${benchmark.name} took ${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
  }
  console.log(section('targets'));
  for (const verdict of verdicts) console.log(formatVerdict(verdict));
}

await main();
// A client the y-websocket provider failed to tear down must not keep the run alive; the
// timer is unref'd, so it only fires if something else is still holding the loop open.
setTimeout(() => process.exit(), 1_000).unref();

// What the runner (index.ts) knows about a benchmark: a name to select it by on the command
// line, and a run that prints its own section and hands back its verdicts for the summary.
import type { TargetResult } from './report.js';

export interface Benchmark {
  /** `pnpm bench -- <name>` runs only this one. */
  readonly name: string;
  /** One line, printed in the section header and in the usage message. */
  readonly summary: string;
  run(): Promise<readonly TargetResult[]>;
}

// Options as given by a caller (a panel, an export, a test) made safe to loop on: a missing or
// NaN value takes the default, a fraction is rounded down, and nothing goes below its minimum.
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './types.js';

function limit(value: number | undefined, fallback: number, minimum: number): number {
  return value === undefined || Number.isNaN(value) ? fallback : Math.max(minimum, Math.floor(value));
}

export function resolveOptions(options: AnalysisOptions = {}): Required<AnalysisOptions> {
  return {
    topN: limit(options.topN, DEFAULT_ANALYSIS_OPTIONS.topN, 0),
    maxLoops: limit(options.maxLoops, DEFAULT_ANALYSIS_OPTIONS.maxLoops, 0),
    // A loop has at least one link; a cap of 0 would make every loop "too long".
    maxLoopLength: limit(options.maxLoopLength, DEFAULT_ANALYSIS_OPTIONS.maxLoopLength, 1),
  };
}

// Percentiles over latency samples. Nearest-rank on the sorted samples: no interpolation, so
// a reported p99 is a latency some delivery really had.

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Sorts a copy, so callers can keep appending to their own array. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[index] ?? Number.NaN;
  };
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: rank(100) };
}

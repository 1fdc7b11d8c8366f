// Runs expensive work after bursts of changes, at most once per interval and never inside the
// change itself. Unlike `throttle`, even the first request waits (briefly): the caller is often a
// keystroke's Yjs observer, and the keystroke must not pay for the work. When the work itself is
// slow (a large board), runs are spaced further apart so that it never takes more than a share of
// the main thread, and the page stays responsive whatever the board's size.

export interface Coalesced {
  /** Asks for one run; requests before it happens collapse into it. */
  request(): void;
  /** Runs a requested run now. */
  flush(): void;
  /** Drops a requested run. */
  cancel(): void;
  readonly pending: boolean;
}

export interface CoalesceOptions {
  /** Runs start at least this far apart. */
  readonly intervalMs: number;
  /** A request after a quiet spell still waits this long, so a burst lands in one run. */
  readonly minDelayMs?: number;
  /**
   * The largest share (0..1] of the time the work may take: a run that took 150 ms with a share of
   * 0.25 makes the next one start at least 600 ms after it started. Default 1 (interval only).
   */
  readonly maxBusyShare?: number;
}

export function coalesce(fn: () => void, options: CoalesceOptions): Coalesced {
  const minDelay = options.minDelayMs ?? 0;
  const share = options.maxBusyShare ?? 1;
  /** When the next run may start. */
  let nextStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (): void => {
    timer = undefined;
    const started = Date.now();
    try {
      fn();
    } finally {
      nextStart = started + Math.max(options.intervalMs, (Date.now() - started) / share);
    }
  };

  return {
    request() {
      if (timer !== undefined) return;
      timer = setTimeout(run, Math.max(minDelay, nextStart - Date.now()));
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}

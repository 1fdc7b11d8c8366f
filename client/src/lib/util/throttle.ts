// Leading-and-trailing throttle: the first call runs at once, later calls within the interval
// collapse into one trailing call with the latest arguments. Gestures (drags, pointer moves)
// produce far more events than peers need; the last position must never be dropped, hence
// the trailing call and `flush`.

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending trailing call now (e.g. on drag end). */
  flush(): void;
  /** Drops a pending trailing call. */
  cancel(): void;
}

export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number): Throttled<A> {
  let lastRun = -Infinity;
  let pending: A | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (args: A): void => {
    lastRun = Date.now();
    pending = undefined;
    fn(...args);
  };

  const throttled = ((...args: A): void => {
    const wait = lastRun + intervalMs - Date.now();
    if (wait <= 0 && timer === undefined) {
      run(args);
      return;
    }
    pending = args;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (pending) run(pending);
    }, Math.max(wait, 0));
  }) as Throttled<A>;

  throttled.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending) run(pending);
  };
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}

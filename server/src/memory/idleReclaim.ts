// Gives memory back after rooms were unloaded. An unloaded board's doc is garbage at once, but
// V8 collects only when it allocates, and a server whose workshops just ended allocates
// nothing: its heap (and RSS) would stay at the high-water mark of the busiest hour. So once
// a burst of unloads has settled, ask for one full collection, at a moment with little to
// interrupt. Without access to the collector (some embedders forbid the flag) this does nothing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

function exposeCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const collect: unknown = runInNewContext('gc');
    return typeof collect === 'function' ? () => (collect as () => void)() : undefined;
  } catch {
    return undefined;
  }
}

export class IdleReclaimer {
  private readonly collect = exposeCollector();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** How long unloads must have stopped before collecting. */
    private readonly settleMs: number,
  ) {}

  /** A room was unloaded: (re)start the countdown to one collection. */
  noteUnload(): void {
    if (!this.collect) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collect?.(), this.settleMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

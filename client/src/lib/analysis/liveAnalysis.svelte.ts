// The board's analysis, kept current while the Analysis panel is open. Recomputing reads the
// whole board, so it never runs inside a change (a keystroke's observer): changes only mark the
// result stale and ask for a run, at most one every RECOMPUTE_INTERVAL_MS, and on a board so large
// that a run is slow, rarer still (MAX_BUSY_SHARE), so typing stays fluid. While the panel is
// closed nothing is computed; opening it catches up.
import { coalesce } from '../util/coalesce.js';
import type { AnalysisSnapshot } from './findings.js';

export interface LiveAnalysisSource {
  compute(): AnalysisSnapshot;
  /** Calls `listener` after every change to the board; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Two to three updates a second: live enough to follow, cheap enough to type through. */
export const RECOMPUTE_INTERVAL_MS = 400;
/** The analysis takes at most this share of the main thread while the board keeps changing. */
const MAX_BUSY_SHARE = 0.25;
/** A lone change still waits this long, so that the burst of events one update makes is one run. */
const SETTLE_MS = 40;

export class LiveAnalysis {
  open = $state(false);
  snapshot = $state.raw<AnalysisSnapshot | undefined>();
  /** The board changed since `snapshot`; a recompute is on its way (the panel says "updating"). */
  pending = $state(false);
  /** The last recompute threw; `snapshot` is the last good one. */
  failed = $state(false);

  readonly #source: LiveAnalysisSource;
  readonly #unsubscribe: () => void;
  readonly #recompute = coalesce(() => this.#run(), {
    intervalMs: RECOMPUTE_INTERVAL_MS,
    minDelayMs: SETTLE_MS,
    maxBusyShare: MAX_BUSY_SHARE,
  });
  /** The board changed while the panel was closed. */
  #stale = true;

  constructor(source: LiveAnalysisSource) {
    this.#source = source;
    this.#unsubscribe = source.subscribe(this.#onChange);
  }

  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  show(): void {
    if (this.open) return;
    this.open = true;
    // Opening shows current findings at once rather than the last ones and then a jump.
    if (this.#stale || !this.snapshot) this.#run();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    if (this.#recompute.pending) {
      this.#recompute.cancel();
      this.#stale = true;
    }
    this.pending = false;
  }

  destroy(): void {
    this.#unsubscribe();
    this.#recompute.cancel();
  }

  #onChange = (): void => {
    if (!this.open) {
      this.#stale = true;
      return;
    }
    this.pending = true;
    this.#recompute.request();
  };

  #run(): void {
    this.#stale = false;
    this.pending = false;
    try {
      this.snapshot = this.#source.compute();
      this.failed = false;
    } catch (error) {
      // A bug in the analysis must not take the board page down with it: keep the last findings,
      // say they may be out of date, and leave the details to the console.
      this.failed = true;
      console.error('analysis failed', error);
    }
  }
}

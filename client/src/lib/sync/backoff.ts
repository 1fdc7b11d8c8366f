// Reconnection delays: exponential backoff with full jitter, i.e. attempt n waits a uniformly
// random time in [0, min(cap, base * 2^n)] (the "full jitter" of AWS's "Exponential Backoff and
// Jitter"). y-websocket's own backoff is exponential without jitter (100 ms * 2^n, capped): after
// a server restart every client retries at the same instants, so each wave of a few hundred
// reconnections arrives at once. Full jitter spreads every wave over its whole window.
// Pure: the random source is a parameter, so tests can pin it.

export interface BackoffPolicy {
  /** The first retry waits at most this long. */
  readonly baseMs: number;
  /** No retry waits longer than this, however many failed before it. */
  readonly capMs: number;
}

/**
 * 500 ms: after a blip the first retry comes within half a second. The cap bounds how long a
 * client may still wait once the server is back, so restart time + cap is the worst case: with
 * 5 s, and our server taking 1-3.5 s to restart, all of 300 clients were synced again within
 * 10 s of a kill -9 (`pnpm bench -- reconnect`; a 10 s cap left some waiting 12.7 s), while
 * their arrivals still spread over those 5 s. Against a server that stays down, each client
 * tries every 2.5 s on average: a refused connection costs next to nothing.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 5_000 };

/** Uniform in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** 2^30 * any sane base is far beyond any cap; stopping there keeps the arithmetic finite. */
const MAX_EXPONENT = 30;

/** The upper bound of the delay before attempt `attempt` (0 for the first retry). */
export function backoffWindow(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Number.isNaN(attempt) ? 0 : Math.min(Math.max(0, Math.floor(attempt)), MAX_EXPONENT);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** A delay drawn uniformly from [0, backoffWindow(attempt)). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: RandomSource = Math.random): number {
  // Clamped, so that a source returning 1 (or a little over) never exceeds the window.
  const draw = Math.min(Math.max(random(), 0), 1);
  return draw * backoffWindow(attempt, policy);
}

/** Counts failed attempts and hands out the delay before the next one. */
export class Backoff {
  #attempt = 0;

  constructor(
    readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly random: RandomSource = Math.random,
  ) {}

  /** How many delays were handed out since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt; each call widens the window for the one after. */
  next(): number {
    const delay = backoffDelay(this.#attempt, this.policy, this.random);
    this.#attempt += 1;
    return delay;
  }

  /** A delay from the first window, without counting an attempt (e.g. the network just came back). */
  soon(): number {
    return backoffDelay(0, this.policy, this.random);
  }

  /** After a connection that did useful work: the next failure starts from the first window again. */
  reset(): void {
    this.#attempt = 0;
  }
}

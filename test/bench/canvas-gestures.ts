// Pan and zoom as a person does it, driven through Playwright's real input (wheel events the
// page's own handlers receive), with the frame intervals the page achieved meanwhile.
//
// Wheel events are sent as a trackpad sends them, one every 16 ms, without waiting for the
// page to take the previous one; Chromium coalesces those that queue up, as it does for real
// devices. So a page that keeps up draws a new view every frame, at 16.7 ms intervals, and one
// that does not shows as longer intervals; a slow page is never flattered by idle frames between
// sparse, awaited events. At most a few events are in flight at once: enough that the page
// always has input waiting, few enough that a zoom stops near where it was meant to (ctrl+wheel
// steps are clamped per event, so a long coalesced backlog would still zoom step by step).
import type { Page } from 'playwright-core';
import { frames, readGestureState, readStageView, startFrameLog, stopFrameLog, type StageView } from './canvas-page.js';
import { percentiles } from './stats.js';
import { sleep } from './room-client.js';

export const gestureSettings = {
  paceMs: 16,
  /** Wheel events sent but not yet taken by the page, at most. */
  maxInFlight: 4,
  /** A phase stops sending after this long, so a slow page cannot stall the bench. */
  budgetMs: 8_000,
  /** Per wheel event with Ctrl: +-100 px is about 10% zoom (viewport.ts). */
  zoomDelta: 100,
  /** How often a zoom phase reads the scale to know when to stop. */
  pollMs: 50,
} as const;

export interface WheelStep {
  readonly dx: number;
  readonly dy: number;
}

export interface PhaseResult {
  readonly name: string;
  /** Wheel events sent, and those the page received (fewer when Chromium coalesced them). */
  readonly sent: number;
  readonly delivered: number;
  readonly durationMs: number;
  /** Every interval between consecutive animation frames during the phase, ms. */
  readonly intervals: readonly number[];
  /** Frames that showed a view different from the frame before. */
  readonly viewFrames: number;
  readonly before: StageView | undefined;
  readonly after: StageView | undefined;
  /** True when the phase ran out of its time budget before it was done. */
  readonly cutShort: boolean;
}

export interface IntervalStats {
  readonly frames: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export function intervalStats(intervals: readonly number[]): IntervalStats {
  const p = percentiles(intervals);
  return { frames: intervals.length, median: p.p50, p95: p.p95, max: p.max };
}

function repeat(count: number, step: WheelStep): WheelStep[] {
  return Array.from({ length: count }, () => step);
}

/** At 100%: diagonally down-right, up-right, then back left (about 4,800 x 900 px of board). */
export const panAtFullSize: readonly WheelStep[] = [...repeat(40, { dx: 60, dy: 30 }), ...repeat(40, { dx: 60, dy: -15 }), ...repeat(40, { dx: -60, dy: 0 })];

/** Zoomed out: a loop over the overview (right, down, left, up). */
export const panZoomedOut: readonly WheelStep[] = [
  ...repeat(30, { dx: 64, dy: 0 }),
  ...repeat(15, { dx: 0, dy: 44 }),
  ...repeat(30, { dx: -64, dy: 0 }),
  ...repeat(15, { dx: 0, dy: -44 }),
];

interface Sent {
  readonly sent: number;
  readonly cutShort: boolean;
}

/** Sends a wheel event every paceMs (fewer if the page lags), until `next` has no more or `stop()` says so. */
async function stream(page: Page, next: (index: number) => WheelStep | undefined, stop: () => boolean = () => false): Promise<Sent> {
  const startedAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let cutShort = false;
  for (;;) {
    const step = next(sent);
    if (step === undefined || stop()) break;
    if (performance.now() - startedAt > gestureSettings.budgetMs) {
      cutShort = true;
      break;
    }
    // The promise settles when the page has handled the event (or the one it was coalesced into).
    const wheel: Promise<void> = page.mouse.wheel(step.dx, step.dy).finally(() => inFlight.delete(wheel));
    inFlight.add(wheel);
    sent += 1;
    while (inFlight.size >= gestureSettings.maxInFlight) await Promise.race(inFlight);
    await sleep(startedAt + sent * gestureSettings.paceMs - performance.now());
  }
  // Every event taken before the phase ends.
  await Promise.all(inFlight);
  return { sent, cutShort };
}

async function measure(page: Page, name: string, run: () => Promise<Sent>): Promise<PhaseResult> {
  // Let whatever the previous phase queued finish, so it is not billed to this one.
  await frames(page, 5);
  const before = await readStageView(page);
  await startFrameLog(page);
  const startedAt = performance.now();
  const { sent, cutShort } = await run();
  const record = await stopFrameLog(page);
  const durationMs = performance.now() - startedAt;
  const after = await readStageView(page);
  const intervals = record.times.slice(1).map((time, index) => time - (record.times[index] ?? time));
  const viewFrames = record.views.filter((view, index) => index > 0 && view !== record.views[index - 1]).length;
  return { name, sent, delivered: record.wheels, durationMs, intervals, viewFrames, before, after, cutShort };
}

/** Wheel pans (no modifier): the board follows the wheel's deltas. */
export function pan(page: Page, name: string, steps: readonly WheelStep[]): Promise<PhaseResult> {
  return measure(page, name, () => stream(page, (index) => steps[index]));
}

/**
 * Ctrl+wheel zooms at the pointer until the stage's scale reaches `until`: 'min' is the
 * client's smallest zoom, known when the page took several more wheel events without its scale
 * changing (several, because a client may apply a view change a frame after the event); a
 * number is a scale to reach or pass. The scale is polled alongside, not between events.
 */
export function zoom(page: Page, name: string, direction: 'out' | 'in', until: 'min' | number): Promise<PhaseResult> {
  const dy = direction === 'out' ? gestureSettings.zoomDelta : -gestureSettings.zoomDelta;
  const settleEvents = 4;
  return measure(page, name, async () => {
    let reached = false;
    let sending = true;
    const poll = (async (): Promise<void> => {
      let scale = Number.NaN;
      let wheelsAtChange = 0;
      while (sending && !reached) {
        await sleep(gestureSettings.pollMs);
        const state = await readGestureState(page);
        if (state === undefined) continue;
        if (state.scale !== scale) {
          scale = state.scale;
          wheelsAtChange = state.wheels;
        }
        reached = until === 'min' ? state.wheels - wheelsAtChange >= settleEvents : state.scale >= until;
      }
    })();
    await page.keyboard.down('Control');
    try {
      return await stream(page, () => ({ dx: 0, dy }), () => reached);
    } finally {
      sending = false;
      await poll;
      await page.keyboard.up('Control');
    }
  });
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce.js';

describe('coalesce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never runs inside the request, and folds a burst into one run', () => {
    const fn = vi.fn();
    const work = coalesce(fn, { intervalMs: 400, minDelayMs: 50 });
    work.request();
    work.request();
    expect(fn).not.toHaveBeenCalled();
    expect(work.pending).toBe(true);
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(work.pending).toBe(false);
  });

  it('runs at most once per interval while requests keep coming', () => {
    const fn = vi.fn();
    const work = coalesce(fn, { intervalMs: 400, minDelayMs: 50 });
    // A request every 20 ms for 2 s, like fast typing.
    for (let t = 0; t < 2000; t += 20) {
      work.request();
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(400);
    // The first run after 50 ms, then one per 400 ms: never more often, and the last request served.
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(fn.mock.calls.length).toBeLessThanOrEqual(6);
    expect(work.pending).toBe(false);
  });

  it('spaces runs further apart when the work is slow', () => {
    const starts: number[] = [];
    // Each run takes 300 ms; at most a quarter of the time, so one run every 1200 ms.
    const work = coalesce(
      () => {
        starts.push(Date.now());
        vi.setSystemTime(Date.now() + 300);
      },
      { intervalMs: 400, minDelayMs: 50, maxBusyShare: 0.25 },
    );
    for (let t = 0; t < 5000; t += 20) {
      work.request();
      vi.advanceTimersByTime(20);
    }
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1200);
  });

  it('flushes and cancels', () => {
    const fn = vi.fn();
    const work = coalesce(fn, { intervalMs: 400 });
    work.request();
    work.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    work.request();
    work.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    work.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

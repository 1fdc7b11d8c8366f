import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.js';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and the latest of a burst once after the interval', () => {
    const calls: number[] = [];
    const fn = throttle((n: number) => calls.push(n), 50);
    fn(1);
    fn(2);
    fn(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([1, 3]);
  });

  it('limits the rate of a steady stream', () => {
    const calls: number[] = [];
    const fn = throttle((n: number) => calls.push(n), 50);
    for (let i = 0; i < 100; i++) {
      fn(i);
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(50);
    // 500 ms at one call per 50 ms, plus the leading call.
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.length).toBeLessThanOrEqual(12);
    expect(calls.at(-1)).toBe(99);
  });

  it('flush runs the pending call now, cancel drops it', () => {
    const calls: number[] = [];
    const fn = throttle((n: number) => calls.push(n), 50);
    fn(1);
    fn(2);
    fn.flush();
    expect(calls).toEqual([1, 2]);
    fn(3);
    fn.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 2]);
  });
});

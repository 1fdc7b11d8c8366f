import { describe, expect, it } from 'vitest';
import { Backoff, DEFAULT_BACKOFF, backoffDelay, backoffWindow } from './backoff.js';

describe('backoffWindow', () => {
  it('doubles from the base up to the cap', () => {
    const policy = { baseMs: 500, capMs: 10_000 };
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffWindow(attempt, policy))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('stays finite and capped for absurd attempt counts, and treats bad ones as the first', () => {
    expect(backoffWindow(10_000)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffWindow(Number.MAX_SAFE_INTEGER)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffWindow(-3)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffWindow(Number.NaN)).toBe(DEFAULT_BACKOFF.baseMs);
  });
});

describe('backoffDelay', () => {
  it('is the random fraction of the window: full jitter, from 0 to the whole window', () => {
    const policy = { baseMs: 500, capMs: 10_000 };
    expect(backoffDelay(0, policy, () => 0)).toBe(0);
    expect(backoffDelay(0, policy, () => 0.5)).toBe(250);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(1_000);
    expect(backoffDelay(9, policy, () => 0.999)).toBeCloseTo(9_990);
  });

  it('never leaves the window, whatever the random source returns', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 1.5)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => -1)).toBe(0);
  });

  it('spreads a herd: 300 clients retrying after the same failure do not pick the same instant', () => {
    let seed = 42;
    // A small deterministic LCG stands in for Math.random.
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delays = Array.from({ length: 300 }, () => backoffDelay(2, DEFAULT_BACKOFF, random));
    const perSecondOfWindow = [0, 0];
    for (const delay of delays) perSecondOfWindow[Math.floor(delay / 1_000)] = (perSecondOfWindow[Math.floor(delay / 1_000)] ?? 0) + 1;
    // Window of attempt 2: [0, 2 s). Roughly half in each second, none outside.
    expect(perSecondOfWindow).toHaveLength(2);
    for (const count of perSecondOfWindow) expect(count).toBeGreaterThan(100);
    expect(new Set(delays.map((delay) => Math.round(delay))).size).toBeGreaterThan(250);
  });
});

describe('Backoff', () => {
  it('widens the window with each failed attempt and starts over after a reset', () => {
    const draws: number[] = [];
    const backoff = new Backoff({ baseMs: 100, capMs: 1_000 }, () => 1 - Number.EPSILON);
    for (let i = 0; i < 6; i++) draws.push(Math.round(backoff.next()));
    expect(draws).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoff.attempt).toBe(6);
    backoff.reset();
    expect(backoff.attempt).toBe(0);
    expect(Math.round(backoff.next())).toBe(100);
  });

  it('soon() draws from the first window without counting an attempt', () => {
    const backoff = new Backoff({ baseMs: 100, capMs: 1_000 }, () => 0.5);
    backoff.next();
    backoff.next();
    expect(backoff.soon()).toBe(50);
    expect(backoff.attempt).toBe(2);
  });
});

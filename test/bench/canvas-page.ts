// What the canvas benchmark reads inside the page: when the board opened (milestones up to
// the first card painted), the frames drawn during a gesture, and what the Konva stage shows.
// The functions handed to Playwright run in the browser, hence the DOM types:
/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
 * helper that exists in this process but not in the page; the functions we send to the page
 * would throw without this stand-in. It must run before any of them.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** The part of Konva's API read here; Konva puts itself on `window` (Konva._injectGlobal). */
interface KonvaNode {
  visible(): boolean;
}
interface KonvaLayer {
  findOne(selector: string): KonvaNode | undefined;
  getNativeCanvasElement(): HTMLCanvasElement;
}
interface KonvaStage {
  x(): number;
  y(): number;
  scaleX(): number;
  width(): number;
  height(): number;
  getLayers(): KonvaLayer[];
  find(selector: string): KonvaNode[];
}

/** Times in ms since navigation start (the page's performance.now()). */
export interface OpenMarks {
  /** The board view is in the DOM: the share link was read and the board's info fetched. */
  boardPage?: number;
  /** The status indicator says connected. */
  connected?: number;
  /** The canvas reports card nodes (data-card-count > 0): the renderer built them. */
  cardNodes?: number;
  /** The first animation frame at which a layer holding card nodes has painted pixels. */
  firstCard?: number;
  /** Which signal set firstCard: Konva's card layer, or (no Konva global) any board canvas. */
  signal?: 'konva-card-layer' | 'board-canvas-pixels';
  longestTaskMs: number;
  longTasksMs: number;
  longTasks: number;
}

interface FrameLog {
  running: boolean;
  /** requestAnimationFrame timestamps: the start of each frame. */
  times: number[];
  /** The stage's transform at each frame, to tell frames that drew a new view from idle ones. */
  views: string[];
  /** Wheel events the page received (Chromium coalesces those sent faster than it takes them). */
  wheels: number;
  stopCounting: () => void;
}

interface BenchWindow {
  Konva?: { stages: KonvaStage[] };
  __benchOpen?: OpenMarks;
  __benchFrames?: FrameLog;
}

/**
 * Runs in every document before the app's scripts: notes, at each animation frame, which
 * milestones of opening the board have been reached. Checking at the start of frame N sees
 * what frame N-1 drew, which is what the screen shows from then on.
 */
function recordOpenMilestones(): void {
  if (window.top !== window || !location.pathname.startsWith('/b/')) return;
  const page = window as unknown as BenchWindow;
  const marks: OpenMarks = { longestTaskMs: 0, longTasksMs: 0, longTasks: 0 };
  page.__benchOpen = marks;
  try {
    // Long tasks show how long the page could not answer input while the board loaded.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        marks.longestTaskMs = Math.max(marks.longestTaskMs, entry.duration);
        marks.longTasksMs += entry.duration;
        marks.longTasks += 1;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: those columns stay 0.
  }
  const painted = (canvas: HTMLCanvasElement): boolean => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return false;
    for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 0) return true;
    return false;
  };
  const cardPainted = (): OpenMarks['signal'] => {
    const stage = page.Konva?.stages[0];
    if (stage) {
      // Only layers that hold a card count: a link or a cursor painted alone is no card shown.
      const layers = stage.getLayers().filter((layer) => layer.findOne('.card') !== undefined);
      return layers.some((layer) => painted(layer.getNativeCanvasElement())) ? 'konva-card-layer' : undefined;
    }
    const canvases = document.querySelectorAll<HTMLCanvasElement>('[data-testid=board-canvas] canvas');
    return Array.from(canvases).some(painted) ? 'board-canvas-pixels' : undefined;
  };
  const tick = (): void => {
    const now = performance.now();
    if (marks.boardPage === undefined && document.querySelector('[data-testid=board-page]')) marks.boardPage = now;
    if (marks.connected === undefined && document.querySelector('[data-testid=connection-status][data-status=connected]')) marks.connected = now;
    const count = Number(document.querySelector('[data-testid=board-canvas]')?.getAttribute('data-card-count') ?? '0');
    if (marks.cardNodes === undefined && count > 0) marks.cardNodes = now;
    if (marks.cardNodes !== undefined) {
      const signal = cardPainted();
      if (signal) {
        marks.firstCard = now;
        marks.signal = signal;
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Call before the page navigates to the board. */
export async function instrumentPage(page: Page): Promise<void> {
  await page.addInitScript({ content: NAME_SHIM });
  await page.addInitScript({ content: `(${recordOpenMilestones.toString()})();` });
}

export function readOpenMarks(page: Page): Promise<OpenMarks | undefined> {
  return page.evaluate(() => (window as unknown as BenchWindow).__benchOpen);
}

/** Polls until the first card is painted; undefined if it was not within `timeoutMs`. */
export async function waitForFirstCard(page: Page, timeoutMs: number): Promise<OpenMarks | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await readOpenMarks(page);
    if (marks?.firstCard !== undefined) return marks;
    if (Date.now() > deadline) return marks;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts noting every animation frame (its start time and the stage's view) and every wheel event. */
export async function startFrameLog(page: Page): Promise<void> {
  await page.evaluate(() => {
    const page = window as unknown as BenchWindow;
    // Passive and on window: it only counts, and cannot change how the board handles the wheel.
    const count = (): void => {
      log.wheels += 1;
    };
    const log: FrameLog = {
      running: true,
      times: [],
      views: [],
      wheels: 0,
      stopCounting: () => window.removeEventListener('wheel', count, { capture: true }),
    };
    window.addEventListener('wheel', count, { capture: true, passive: true });
    page.__benchFrames = log;
    const tick = (time: number): void => {
      const stage = page.Konva?.stages[0];
      log.times.push(time);
      log.views.push(stage ? `${stage.x()} ${stage.y()} ${stage.scaleX()}` : '');
      if (log.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export interface FrameRecord {
  readonly times: readonly number[];
  readonly views: readonly string[];
  readonly wheels: number;
}

/** Stops the frame log after the next two frames (so the last gesture's frame is in it). */
export function stopFrameLog(page: Page): Promise<FrameRecord> {
  return page.evaluate(
    () =>
      new Promise<FrameRecord>((resolve) => {
        const log = (window as unknown as BenchWindow).__benchFrames;
        if (!log) {
          resolve({ times: [], views: [], wheels: 0 });
          return;
        }
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            log.running = false;
            log.stopCounting();
            resolve({ times: log.times, views: log.views, wheels: log.wheels });
          }),
        );
      }),
  );
}

/** The stage's scale and the wheel events the page has taken so far in this frame log. */
export function readGestureState(page: Page): Promise<{ scale: number; wheels: number } | undefined> {
  return page.evaluate(() => {
    const page = window as unknown as BenchWindow;
    const stage = page.Konva?.stages[0];
    return stage ? { scale: stage.scaleX(), wheels: page.__benchFrames?.wheels ?? 0 } : undefined;
  });
}

export interface StageView {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  /** The stage's size in screen pixels. */
  readonly width: number;
  readonly height: number;
  /** Card nodes the renderer left visible (it hides what it culls). */
  readonly cardsShown: number;
}

export function readStageView(page: Page): Promise<StageView | undefined> {
  return page.evaluate(() => {
    const stage = (window as unknown as BenchWindow).Konva?.stages[0];
    if (!stage) return undefined;
    return {
      x: stage.x(),
      y: stage.y(),
      scale: stage.scaleX(),
      width: stage.width(),
      height: stage.height(),
      cardsShown: stage.find('.card').filter((node) => node.visible()).length };
  });
}

/** Waits until the page has drawn `count` frames: lets queued work finish before a phase. */
export function frames(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = (): void => {
          left -= 1;
          if (left <= 0) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    count,
  );
}

import { addItem, asItemId, initBoard, linkItems, readBoard, type ItemId, type ItemMove, type ItemView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAutoLayout, computeLayout, GRID_SEPARATION } from './autoLayout.js';
import { boardView, card, link, randomBoard } from './boardFixtures.js';

// ELK's first call also initialises it, which takes a while on a busy machine.
const SLOW = 30_000;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Where every card of the view ends up: its move, or where it was. */
function finalBoxes(items: Iterable<ItemView>, moves: readonly ItemMove[]): Map<string, Box> {
  const moved = new Map(moves.map((move) => [move.id as string, move]));
  const boxes = new Map<string, Box>();
  for (const item of items) {
    const move = moved.get(item.id);
    boxes.set(item.id, { x: move?.x ?? item.x, y: move?.y ?? item.y, w: item.w, h: item.h });
  }
  return boxes;
}

function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

function distance(a: Box, b: Box): number {
  const p = centre(a);
  const q = centre(b);
  return Math.hypot(p.x - q.x, p.y - q.y);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A problem tree: two root causes -> two threats -> groups, with responses, actor, capacity, indicator. */
function problemTree() {
  const items = [
    card('poverty', 'root-cause', 900, 900),
    card('erosion', 'root-cause', 0, 600),
    card('drought', 'threat', 500, 0),
    card('hunger', 'threat', 100, 100),
    card('herders', 'group', 0, 0),
    card('children', 'group', 700, 300),
    card('wells', 'response', 300, 500),
    card('rations', 'response', 50, 800),
    card('ngo', 'actor', 600, 600),
    card('savings', 'capacity', 200, 200),
    card('rainfall', 'indicator', 800, 100),
    card('memo', 'note', 400, 400),
    card('loose', 'threat', 250, 250),
  ];
  const links = [
    link('causes', 'poverty', 'hunger'),
    link('causes', 'erosion', 'drought'),
    link('causes', 'drought', 'hunger'),
    link('affects', 'drought', 'herders'),
    link('affects', 'hunger', 'children'),
    link('addresses', 'wells', 'drought'),
    link('addresses', 'rations', 'hunger'),
    link('responsible', 'ngo', 'wells'),
    link('strengthens', 'wells', 'savings'),
    link('monitors', 'rainfall', 'drought'),
  ];
  return boardView(items, links);
}

describe('computeLayout', () => {
  it('gives no moves for an empty board', async () => {
    expect(await computeLayout(boardView([]))).toEqual({ moves: [], truncated: 0 });
  });

  it('lays a problem tree out left to right: root cause, threat, group', { timeout: SLOW }, async () => {
    const view = problemTree();
    const { moves, truncated } = await computeLayout(view);
    expect(truncated).toBe(0);
    const boxes = finalBoxes(view.items.values(), moves);
    const x = (id: string) => boxes.get(id)!.x;
    expect(x('erosion')).toBeLessThan(x('drought'));
    expect(x('poverty')).toBeLessThan(x('hunger'));
    // drought causes hunger: a causal chain makes a second threat column.
    expect(x('drought')).toBeLessThan(x('hunger'));
    expect(x('hunger')).toBeLessThan(x('children'));
    expect(x('drought')).toBeLessThan(x('herders'));
    // Every threat lies left of every group, response, actor and capacity; indicators before threats.
    for (const threat of ['drought', 'hunger']) {
      for (const after of ['herders', 'children', 'wells', 'rations', 'ngo', 'savings']) {
        expect(x(threat)).toBeLessThan(x(after));
      }
      expect(x('rainfall')).toBeLessThan(x(threat));
    }
    expect(x('wells')).toBeLessThan(x('ngo'));
    expect(x('wells')).toBeLessThan(x('savings'));
  });

  it('places a response near the threat it addresses', { timeout: SLOW }, async () => {
    const view = problemTree();
    const byId = finalBoxes(view.items.values(), (await computeLayout(view)).moves);
    const boxes = [...byId.values()];
    const all: number[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) all.push(distance(boxes[i]!, boxes[j]!));
    all.sort((a, b) => a - b);
    const median = all[Math.floor(all.length / 2)]!;
    expect(distance(byId.get('wells')!, byId.get('drought')!)).toBeLessThan(median);
    expect(distance(byId.get('rations')!, byId.get('hunger')!)).toBeLessThan(median);
  });

  it('puts notes and unlinked cards in a grid below the linked ones', { timeout: SLOW }, async () => {
    const view = problemTree();
    const boxes = finalBoxes(view.items.values(), (await computeLayout(view)).moves);
    const linkedBottom = Math.max(
      ...[...boxes.entries()].filter(([id]) => id !== 'memo' && id !== 'loose').map(([, b]) => b.y + b.h),
    );
    for (const id of ['memo', 'loose']) expect(boxes.get(id)!.y).toBeGreaterThanOrEqual(linkedBottom + GRID_SEPARATION);
  });

  it('starts the layout at the top-left corner of the cards it moves', { timeout: SLOW }, async () => {
    const view = boardView(
      [card('r', 'root-cause', 5000, 3000), card('t', 'threat', 5200, 3400), card('n', 'note', 6000, 3100)],
      [link('causes', 'r', 't')],
    );
    const boxes = finalBoxes(view.items.values(), (await computeLayout(view)).moves);
    expect(Math.min(...[...boxes.values()].map((b) => b.x))).toBe(5000);
    expect(Math.min(...[...boxes.values()].map((b) => b.y))).toBe(3000);
  });

  it('leaves no two cards overlapping on a random board, and frames where they are', { timeout: SLOW }, async () => {
    const view = randomBoard(42, 100, 90);
    const { moves } = await computeLayout(view);
    const movedIds = new Set(moves.map((move) => move.id as string));
    const frames = [...view.items.values()].filter((item) => item.kind === 'frame');
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(movedIds.has(frame.id)).toBe(false);
    const cards = [...view.items.values()].filter((item) => item.kind !== 'frame');
    const boxes = [...finalBoxes(cards, moves).entries()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, boxA] = boxes[i]!;
        const [b, boxB] = boxes[j]!;
        if (overlaps(boxA, boxB)) expect.fail(`${a} overlaps ${b}`);
      }
    }
  });

  it('moves only the given subset, laid out by the links among it', { timeout: SLOW }, async () => {
    const view = problemTree();
    const subset = new Set(['erosion', 'drought', 'herders', 'memo'].map(asItemId));
    const { moves } = await computeLayout(view, { ids: subset });
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) expect(subset.has(move.id)).toBe(true);
    const boxes = finalBoxes(view.items.values(), moves);
    expect(boxes.get('erosion')!.x).toBeLessThan(boxes.get('drought')!.x);
    expect(boxes.get('drought')!.x).toBeLessThan(boxes.get('herders')!.x);
  });

  it('lays out an amplifying loop of three threats', { timeout: SLOW }, async () => {
    const view = boardView(
      [card('a', 'threat'), card('b', 'threat'), card('c', 'threat'), card('g', 'group'), card('r', 'root-cause')],
      [link('amplifies', 'a', 'b'), link('amplifies', 'b', 'c'), link('amplifies', 'c', 'a'), link('affects', 'c', 'g'), link('causes', 'r', 'a')],
    );
    const boxes = finalBoxes(view.items.values(), (await computeLayout(view)).moves);
    const x = (id: string) => boxes.get(id)!.x;
    for (const threat of ['a', 'b', 'c']) {
      expect(x('r')).toBeLessThan(x(threat));
      expect(x(threat)).toBeLessThan(x('g'));
    }
    // The loop is cut where it closes, so its threats stand in a row, not on one another.
    expect(new Set(['a', 'b', 'c'].map(x)).size).toBe(3);
  });

  it('sends linked cards over the cap to the grid and says how many', { timeout: SLOW }, async () => {
    const view = boardView(
      [card('r1', 'root-cause'), card('t1', 'threat'), card('g1', 'group'), card('r2', 'root-cause'), card('t2', 'threat')],
      [link('causes', 'r1', 't1'), link('affects', 't1', 'g1'), link('causes', 'r2', 't2')],
    );
    const { moves, truncated } = await computeLayout(view, { maxLayered: 3 });
    expect(truncated).toBe(2);
    const boxes = finalBoxes(view.items.values(), moves);
    // The larger connected part (r1, t1, g1) stays layered; r2 and t2 wait in the grid below.
    expect(boxes.get('r1')!.x).toBeLessThan(boxes.get('t1')!.x);
    expect(boxes.get('r2')!.y).toBeGreaterThan(boxes.get('g1')!.y + 120);
  });
});

describe('applyAutoLayout', () => {
  function board() {
    const doc = new Y.Doc();
    const origin = { local: true };
    initBoard(doc, 'Layout');
    const at = (i: number) => ({ x: (i * 137) % 500, y: (i * 89) % 400 });
    const root = addItem(doc, { kind: 'root-cause', ...at(1) }, origin);
    const threat = addItem(doc, { kind: 'threat', ...at(2) }, origin);
    const group = addItem(doc, { kind: 'group', ...at(3) }, origin);
    const response = addItem(doc, { kind: 'response', ...at(4) }, origin);
    linkItems(doc, { kind: 'causes', from: root, to: threat }, origin);
    linkItems(doc, { kind: 'affects', from: threat, to: group }, origin);
    linkItems(doc, { kind: 'addresses', from: response, to: threat }, origin);
    return { doc, origin, root, threat, group, response };
  }

  const positions = (doc: Y.Doc) =>
    new Map([...readBoard(doc).items.values()].map((item) => [item.id, { x: item.x, y: item.y }]));

  it('applies the layout as one undo step', { timeout: SLOW }, async () => {
    const { doc, origin, root, threat } = board();
    const before = positions(doc);
    const undo = new Y.UndoManager([doc.getMap('items')], { trackedOrigins: new Set([origin]) });
    const result = await applyAutoLayout(doc, readBoard(doc), origin);
    expect(result.moves.length).toBeGreaterThan(0);
    const after = positions(doc);
    expect(after.get(root)!.x).toBeLessThan(after.get(threat)!.x);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(positions(doc)).toEqual(before);
  });

  it('skips a card deleted while the layout was computed', { timeout: SLOW }, async () => {
    const { doc, origin, group } = board();
    const pending = applyAutoLayout(doc, readBoard(doc), origin);
    // A peer deletes the group while ELK runs.
    doc.getMap('items').delete(group);
    const result = await pending;
    expect(result.moves.some((move) => move.id === group)).toBe(false);
    expect(doc.getMap('items').has(group)).toBe(false);
    expect(result.moves.length).toBeGreaterThan(0);
  });

  it('leaves a board without movable cards alone', async () => {
    const doc = new Y.Doc();
    addItem(doc, { kind: 'frame', x: 10, y: 10 });
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const ids: ItemId[] = [];
    expect(await applyAutoLayout(doc, readBoard(doc), null, { ids: new Set(ids) })).toEqual({ moves: [], truncated: 0 });
    expect(await applyAutoLayout(doc, readBoard(doc), null)).toEqual({ moves: [], truncated: 0 });
    expect(updates).toHaveLength(0);
  });
});

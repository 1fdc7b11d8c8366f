// Feedback loops on hand-made boards whose loops are known.
import { describe, expect, it } from 'vitest';
import { asItemId } from '../ids.js';
import { BoardBuilder, completeDigraph, threatGraphView } from '../testing/boards.js';
import { indexBoard, type InterlinkageGraph } from './graph.js';
import { findLoops, LOOP_SEARCH_STEP_BUDGET, stronglyConnectedComponents } from './loops.js';
import type { AnalysisOptions } from './types.js';

const loopsOf = (board: BoardBuilder, options?: AnalysisOptions, budget?: number) =>
  findLoops(indexBoard(board.view()).graph, options, budget);

/** Built once: 870 links through the commands take a while on a busy machine. */
let k30: InterlinkageGraph | undefined;
const completeGraph30 = (): InterlinkageGraph => (k30 ??= indexBoard(completeDigraph(30).view()).graph);

describe('findLoops', () => {
  it('finds a 3-cycle of + links as one reinforcing loop, starting at its smallest id', () => {
    const board = new BoardBuilder();
    board.threats('b', 'c', 'a');
    const links = board.chain('b', 'c', 'a', 'b');
    expect(loopsOf(board)).toEqual({
      loops: [{ items: ['a', 'b', 'c'], links: [links[2], links[0], links[1]], kind: 'reinforcing' }],
      truncated: false,
      maxLoops: 500,
      maxLoopLength: 12,
    });
  });

  it('calls a loop with one - link balancing, and one with two reinforcing', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c', 'x', 'y');
    board.link('amplifies', 'a', 'b');
    board.link('amplifies', 'b', 'c', { polarity: '-' });
    board.link('amplifies', 'c', 'a', { polarity: '+' });
    board.link('amplifies', 'x', 'y', { polarity: '-' });
    board.link('amplifies', 'y', 'x', { polarity: '-' });
    const { loops } = loopsOf(board);
    expect(loops.map((loop) => [loop.items.join(''), loop.kind])).toEqual([
      ['xy', 'reinforcing'],
      ['abc', 'balancing'],
    ]);
  });

  it('finds a 2-cycle and a self-loop, the shorter first', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b');
    const [ab, ba] = board.chain('a', 'b', 'a');
    const self = board.link('amplifies', 'b', 'b', { polarity: '-' });
    expect(loopsOf(board).loops).toEqual([
      { items: ['b'], links: [self], kind: 'balancing' },
      { items: ['a', 'b'], links: [ab, ba], kind: 'reinforcing' },
    ]);
  });

  it('counts parallel links as distinct loops, ordered by link id', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b');
    board.link('amplifies', 'a', 'b', { id: 'k2' });
    board.link('causes', 'a', 'b', { id: 'k1', polarity: '-' });
    board.link('amplifies', 'b', 'a', { id: 'k3' });
    expect(loopsOf(board).loops).toEqual([
      { items: ['a', 'b'], links: ['k1', 'k3'], kind: 'balancing' },
      { items: ['a', 'b'], links: ['k2', 'k3'], kind: 'reinforcing' },
    ]);
  });

  it('finds a loop through a node that an earlier path had to give up on', () => {
    // s < a < b < c. From s the search walks s -> a -> c, where c's only way on is the a already
    // on the path: c is given up on (locked). Then a closes s -> a -> s, which must unlock c
    // again, so that s -> b -> c -> a -> s is still found.
    const board = new BoardBuilder();
    const [s, a, b, c] = ['s0', 's1-a', 's2-b', 's3-c'] as const;
    board.threats(s, a, b, c);
    board.chain(s, a, s);
    board.chain(a, c, a);
    board.chain(s, b, c);
    const items = loopsOf(board).loops.map((loop) => loop.items);
    expect(items).toEqual([[s, a], [a, c], [s, b, c, a]]);
  });

  it('follows causes and amplifies between the right kinds only', () => {
    const board = new BoardBuilder();
    board.threats('t1', 't2');
    board.item('r', 'root-cause');
    board.item('g', 'group');
    board.link('causes', 't1', 't2');
    board.link('relates', 't2', 't1'); // not an interlinkage
    board.link('causes', 'r', 't1');
    board.link('amplifies', 't2', 'r'); // amplifies into a root cause: wrong kinds
    board.link('causes', 't2', 'g'); // causes into a group: wrong kinds
    board.link('affects', 'g', 't1');
    expect(loopsOf(board).loops).toEqual([]);
    board.link('causes', 't2', 't1');
    expect(loopsOf(board).loops.map((loop) => loop.items)).toEqual([['t1', 't2']]);
  });

  it('leaves out loops longer than the cap and says so', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c', 'd');
    board.chain('a', 'b', 'c', 'd', 'a');
    board.link('amplifies', 'd', 'c');
    const report = loopsOf(board, { maxLoopLength: 3 });
    expect(report.loops.map((loop) => loop.items)).toEqual([['c', 'd']]);
    expect(report).toMatchObject({ truncated: true, maxLoopLength: 3 });
    expect(loopsOf(board, { maxLoopLength: 4 })).toMatchObject({ truncated: false });
  });

  it('is not truncated when long paths close no long loop (a two-way chain of 20 threats)', () => {
    const board = new BoardBuilder();
    const ids = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    board.threats(...ids);
    board.chain(...ids);
    board.chain(...[...ids].reverse());
    const report = loopsOf(board, { maxLoopLength: 3 });
    expect(report.loops).toHaveLength(19);
    expect(report.truncated).toBe(false);
  });

  it('stops at maxLoops, truncated only when a loop was really left out', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c');
    board.chain('a', 'b', 'a');
    board.chain('a', 'c', 'a');
    board.chain('b', 'c', 'b');
    // Five loops: ab, ac, bc, abc, acb.
    expect(loopsOf(board, { maxLoops: 5 })).toMatchObject({ truncated: false, maxLoops: 5 });
    const capped = loopsOf(board, { maxLoops: 4 });
    expect(capped.loops).toHaveLength(4);
    expect(capped.truncated).toBe(true);
    expect(loopsOf(board, { maxLoops: 0 })).toMatchObject({ loops: [], truncated: true });
  });

  // An exploding search would hit the test's timeout; speed itself is measured by pnpm bench.
  it('returns on a complete digraph of 30 threats, truncated', () => {
    const graph = completeGraph30();
    for (const options of [{}, { maxLoopLength: 4 }, { maxLoopLength: 30 }]) {
      const report = findLoops(graph, options);
      expect(report.truncated).toBe(true);
      expect(report.loops.length).toBeGreaterThan(0);
    }
    // Default caps: the 500 loops kept are the complete digraph's, the shortest listed first.
    const report = findLoops(graph);
    expect(report.loops).toHaveLength(500);
    expect(report.loops[0]).toMatchObject({ items: ['t00', 't01'] });
  });

  it('stops on the step budget when the caps alone would allow astronomically many loops', () => {
    const graph = completeGraph30();
    const report = findLoops(graph, { maxLoops: 1_000_000_000, maxLoopLength: 30 });
    expect(report.truncated).toBe(true);
    expect(report.loops.length).toBeGreaterThan(500);
    expect(report.loops.length).toBeLessThan(LOOP_SEARCH_STEP_BUDGET);
  });

  it('returns when a length cap leaves exponentially many paths that close no loop', () => {
    // Every threat amplifies every later one (exponentially many paths), and only the last
    // closes back to the first: within 3 links only t00 -> t39 -> t00 and t00 -> tX -> t39 -> t00.
    const ids = Array.from({ length: 40 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const forward = ids.flatMap((from, i) => ids.slice(i + 1).map((to) => [from, to] as const));
    const graph = indexBoard(threatGraphView(ids, [...forward, ['t39', 't00']])).graph;
    const report = findLoops(graph, { maxLoopLength: 3 });
    expect(report.loops).toHaveLength(39);
    expect(report.truncated).toBe(true);
  });

  it('marks the search truncated when the step budget runs out', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c');
    board.chain('a', 'b', 'c', 'a');
    expect(loopsOf(board, {}, 2).truncated).toBe(true);
    expect(loopsOf(board, {}, 100).truncated).toBe(false);
  });

  it.each([
    ['ascending', (i: number) => i],
    ['descending', (i: number) => 4_999 - i],
    ['shuffled', (i: number) => (i * 2_654_435_761) % 5_003],
  ])('walks one loop through 5,000 threats, ids %s along it, without recursion', (_, idAt) => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `t${String(idAt(i)).padStart(4, '0')}`);
    const graph = indexBoard(threatGraphView(ids, ids.map((id, i) => [id, ids[(i + 1) % ids.length] as string]))).graph;
    expect(findLoops(graph)).toMatchObject({ loops: [], truncated: true });
    const whole = findLoops(graph, { maxLoopLength: 5_000 });
    expect(whole.truncated).toBe(false);
    expect(whole.loops).toHaveLength(1);
    expect(whole.loops[0]?.items).toHaveLength(5_000);
    expect(whole.loops[0]?.items[0]).toBe([...ids].sort()[0]);
  });

  it('treats nonsense options as the defaults or their minimum', () => {
    const board = new BoardBuilder();
    board.threats('a');
    board.link('amplifies', 'a', 'a');
    expect(loopsOf(board, { maxLoops: Number.NaN, maxLoopLength: -3 })).toMatchObject({ maxLoops: 500, maxLoopLength: 1, truncated: false });
  });
});

describe('stronglyConnectedComponents', () => {
  it('puts the nodes of a cycle together and a tail apart', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c', 'd');
    board.chain('a', 'b', 'c', 'a');
    board.link('amplifies', 'c', 'd');
    const graph = indexBoard(board.view()).graph;
    const component = stronglyConnectedComponents(graph);
    const of = (id: string) => component[graph.nodeIndex.get(asItemId(id)) ?? -1];
    expect(of('a')).toBe(of('b'));
    expect(of('b')).toBe(of('c'));
    expect(of('d')).not.toBe(of('a'));
  });
});

// Degree and betweenness on graphs whose values are known by hand.
import { describe, expect, it } from 'vitest';
import { asItemId } from '../ids.js';
import { BoardBuilder, threatGraphView } from '../testing/boards.js';
import { betweenness, BETWEENNESS_EXACT_MAX_NODES, rankHubs } from './centrality.js';
import { indexBoard } from './graph.js';

const graphOf = (board: BoardBuilder) => indexBoard(board.view()).graph;

function betweennessById(graph: ReturnType<typeof graphOf>): Record<string, number> {
  const { values } = betweenness(graph);
  return Object.fromEntries(graph.nodes.map((id, v) => [id, values[v] ?? Number.NaN]));
}

describe('betweenness', () => {
  it('is 1/((n-1)(n-2)) per pair a node lies between: b on a -> b -> c has 0.5', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c');
    board.chain('a', 'b', 'c');
    expect(betweennessById(graphOf(board))).toEqual({ a: 0, b: 0.5, c: 0 });
  });

  it('splits a pair between equally short routes, and ignores parallel links and self-loops', () => {
    const board = new BoardBuilder();
    board.threats('s', 'x', 'y', 't');
    board.chain('s', 'x', 't');
    board.chain('s', 'y', 't');
    board.link('amplifies', 's', 'x'); // parallel: still one route
    board.link('amplifies', 'x', 'x'); // a self-loop is no route
    // (s, t) has two shortest routes: x and y each carry half of it; n = 4, (n-1)(n-2) = 6.
    expect(betweennessById(graphOf(board))).toEqual({ s: 0, x: 0.5 / 6, y: 0.5 / 6, t: 0 });
  });

  it('is 0 for graphs of two nodes or fewer', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b');
    board.chain('a', 'b', 'a');
    expect(betweennessById(graphOf(board))).toEqual({ a: 0, b: 0 });
  });

  it('counts root causes as nodes that carry paths', () => {
    const board = new BoardBuilder();
    board.item('r', 'root-cause');
    board.threats('t1', 't2');
    board.link('causes', 'r', 't1');
    board.link('causes', 't1', 't2');
    expect(betweennessById(graphOf(board))).toEqual({ r: 0, t1: 0.5, t2: 0 });
  });

  it('estimates from a deterministic sample of sources on large graphs', () => {
    // 200 threats amplify a hub that amplifies 200 others: the hub lies on 200 x 200 pairs.
    const ins = Array.from({ length: 200 }, (_, i) => `in${String(i).padStart(3, '0')}`);
    const outs = Array.from({ length: 200 }, (_, i) => `out${String(i).padStart(3, '0')}`);
    const view = threatGraphView(['hub', ...ins, ...outs], [...ins.map((id) => [id, 'hub'] as const), ...outs.map((id) => ['hub', id] as const)]);
    const graph = indexBoard(view).graph;
    expect(graph.nodes.length).toBeGreaterThan(BETWEENNESS_EXACT_MAX_NODES);
    const first = betweenness(graph);
    expect(first.sampled).toBe(true);
    const hub = first.values[graph.nodeIndex.get(asItemId('hub')) ?? -1] ?? 0;
    const exact = (200 * 200) / (400 * 399);
    expect(Math.abs(hub - exact) / exact).toBeLessThan(0.05);
    expect(betweenness(graph).values).toEqual(first.values);
  });
});

describe('rankHubs', () => {
  it('puts the centre of a star first, by degree and betweenness', () => {
    const board = new BoardBuilder();
    board.threats('hub', 'a', 'b', 'c', 'd', 'e');
    for (const spoke of ['a', 'b']) board.link('amplifies', spoke, 'hub');
    for (const spoke of ['c', 'd', 'e']) board.link('amplifies', 'hub', spoke);
    const { hubs, betweennessSampled } = rankHubs(graphOf(board));
    expect(betweennessSampled).toBe(false);
    // The hub lies between 2 x 3 pairs; n = 6, (n-1)(n-2) = 20.
    expect(hubs[0]).toMatchObject({ id: 'hub', inDegree: 2, outDegree: 3, degree: 5 });
    expect(hubs[0]?.betweenness).toBeCloseTo(6 / 20, 12);
    expect(hubs.slice(1).map((hub) => hub.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ranks by degree, then betweenness, then id; leaves out unlinked threats and root causes; keeps topN', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c', 'd', 'lonely');
    board.item('r', 'root-cause');
    board.link('causes', 'r', 'a');
    board.link('causes', 'r', 'b');
    board.link('causes', 'r', 'd');
    board.chain('a', 'c', 'b');
    board.link('amplifies', 'd', 'd'); // a self-loop is one link in and one out
    const { hubs } = rankHubs(graphOf(board), { topN: 10 });
    // a lies on r -> a -> c and c on a -> c -> b (one pair each, a first by id); b on none.
    expect(hubs.map((hub) => [hub.id, hub.degree, hub.betweenness])).toEqual([
      ['d', 3, 0],
      ['a', 2, 1 / 20],
      ['c', 2, 1 / 20],
      ['b', 2, 0],
    ]);
    expect(rankHubs(graphOf(board), { topN: 2 }).hubs).toHaveLength(2);
    expect(rankHubs(graphOf(board)).hubs).toHaveLength(4);
  });

  it('counts parallel links in degrees', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b');
    board.link('amplifies', 'a', 'b');
    board.link('causes', 'a', 'b');
    expect(rankHubs(graphOf(board)).hubs.map((hub) => [hub.id, hub.inDegree, hub.outDegree])).toEqual([
      ['a', 0, 2],
      ['b', 2, 0],
    ]);
  });
});

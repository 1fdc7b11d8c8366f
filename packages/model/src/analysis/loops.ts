// Feedback loops: every elementary cycle of the interlinkage graph, the most important finding
// of a mapping session (threats that feed each other). Cycles are over links, so two parallel
// links between the same threats make two loops, and a threat that amplifies itself is a loop
// of one link.
//
// This module chooses where the search starts (cycle-search.ts walks from each start), decides
// whether the caps really cut anything off, and puts the loops in their reporting order.
import { CycleSearch, LOOP_SEARCH_STEP_BUDGET, type FoundCycles, type SearchEnd } from './cycle-search.js';
import { edgeAt, type InterlinkageGraph } from './graph.js';
import { resolveOptions } from './options.js';
import type { AnalysisOptions, Loop, LoopReport } from './types.js';

export { LOOP_SEARCH_STEP_BUDGET };

/** Strongly connected components (Tarjan, iterative): a cycle never leaves its component. */
export function stronglyConnectedComponents(graph: InterlinkageGraph): Int32Array {
  const n = graph.nodes.length;
  const { edgeStart, edgeTarget } = graph;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const cursor = Int32Array.from(edgeStart.subarray(0, n));
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const frames: number[] = [];
  let visited = 0;
  let components = 0;
  const enter = (v: number): void => {
    order[v] = low[v] = visited++;
    stack.push(v);
    onStack[v] = 1;
    frames.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (frames.length > 0) {
      const v = frames[frames.length - 1] as number;
      const at = cursor[v] as number;
      if (at < (edgeStart[v + 1] as number)) {
        cursor[v] = at + 1;
        const w = edgeTarget[at] as number;
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v] as number, order[w] as number);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] !== order[v]) continue;
      let member: number | undefined;
      do {
        member = stack.pop() as number;
        onStack[member] = 0;
        component[member] = components;
      } while (member !== v);
      components++;
    }
  }
  return component;
}

function toLoop(graph: InterlinkageGraph, cycleEdges: readonly number[]): Loop {
  const edges = cycleEdges.map((edge) => edgeAt(graph, edge));
  const negative = edges.filter((edge) => edge.polarity === '-').length;
  return {
    items: edges.map((edge) => edge.from),
    links: edges.map((edge) => edge.link),
    kind: negative % 2 === 1 ? 'balancing' : 'reinforcing',
  };
}

/**
 * Short loops first (the easiest to act on), then by their items' ids, then their links' ids.
 * Compared as numbers: nodes are numbered in id order, and edges leaving one node in order of
 * target then link id, so comparing the edge numbers of two loops through the same items is
 * comparing their link ids.
 */
function loopOrder(graph: InterlinkageGraph, cycles: FoundCycles, count: number): number[] {
  const { edges, offsets } = cycles;
  const { edgeSource, edgeTarget } = graph;
  const compare = (a: number, b: number): number => {
    const startA = offsets[a] as number;
    const startB = offsets[b] as number;
    const length = (offsets[a + 1] as number) - startA;
    const byLength = length - ((offsets[b + 1] as number) - startB);
    if (byLength !== 0) return byLength;
    // Items: the start (the same smallest-first rotation for both) then each edge's target.
    const firstA = edges[startA] as number;
    const firstB = edges[startB] as number;
    const byStart = (edgeSource[firstA] as number) - (edgeSource[firstB] as number);
    if (byStart !== 0) return byStart;
    for (let i = 0; i < length; i++) {
      const byItem = (edgeTarget[edges[startA + i] as number] as number) - (edgeTarget[edges[startB + i] as number] as number);
      if (byItem !== 0) return byItem;
    }
    for (let i = 0; i < length; i++) {
      const byLink = (edges[startA + i] as number) - (edges[startB + i] as number);
      if (byLink !== 0) return byLink;
    }
    return 0;
  };
  return Array.from({ length: count }, (_, i) => i).sort(compare);
}

/**
 * Finds the feedback loops. `truncated` is true only when loops were really left out: more than
 * `maxLoops` were found, a loop longer than `maxLoopLength` was seen, or the step budget ran out
 * (the one case where "there may be more" is a may).
 */
export function findLoops(
  graph: InterlinkageGraph,
  options: AnalysisOptions = {},
  stepBudget: number = LOOP_SEARCH_STEP_BUDGET,
): LoopReport {
  const { maxLoops, maxLoopLength } = resolveOptions(options);
  const n = graph.nodes.length;
  const component = stronglyConnectedComponents(graph);
  const componentSize = new Int32Array(n);
  for (const c of component) componentSize[c] = (componentSize[c] ?? 0) + 1;
  const startsLoops = possibleStarts(graph, component);
  const search = new CycleSearch(graph, component, maxLoops, stepBudget);
  let longerLoopSeen = false;
  let end: SearchEnd = 'complete';

  for (let start = 0; start < n && end === 'complete'; start++) {
    const c = component[start] as number;
    // Nodes of this component numbered from `start` up: the longest loop `start` can be the
    // smallest node of.
    const reachable = componentSize[c] as number;
    componentSize[c] = reachable - 1;
    if (!startsLoops[start]) continue;
    if (longerLoopSeen || reachable <= maxLoopLength) {
      end = search.searchFrom(start, Math.min(reachable, maxLoopLength), maxLoopLength);
      continue;
    }
    // Until a loop longer than the cap is seen, search without the cap: only finding one proves
    // the cap cut something off. Once seen, search this start again within the cap.
    const before = search.cycles.count;
    end = search.searchFrom(start, reachable, maxLoopLength);
    if (end === 'long-cycle') {
      longerLoopSeen = true;
      search.cycles.truncate(before);
      end = search.searchFrom(start, maxLoopLength, maxLoopLength);
    }
  }

  const kept = Math.min(search.cycles.count, maxLoops);
  const loops = loopOrder(graph, search.cycles, kept).map((cycle) => toLoop(graph, search.cycles.edgesOf(cycle)));
  const truncated = longerLoopSeen || end === 'full' || end === 'budget';
  return { loops, truncated, maxLoops, maxLoopLength };
}

/**
 * Nodes that can be the smallest node of a loop: those with a self-loop, and those with links
 * both from and to larger nodes of their component. A cheap test that keeps the search from
 * starting at every node of a long chain of ascending ids, where each start would walk the rest
 * of the chain only to find that it closes at a smaller node.
 */
function possibleStarts(graph: InterlinkageGraph, component: Int32Array): Uint8Array {
  const n = graph.nodes.length;
  const fromAbove = new Uint8Array(n);
  const toAbove = new Uint8Array(n);
  const possible = new Uint8Array(n);
  for (let edge = 0; edge < graph.edgeTarget.length; edge++) {
    const from = graph.edgeSource[edge] as number;
    const to = graph.edgeTarget[edge] as number;
    if (from === to) possible[from] = 1;
    else if (component[from] !== component[to]) continue;
    else if (from < to) toAbove[from] = 1;
    else fromAbove[to] = 1;
  }
  for (let v = 0; v < n; v++) if (fromAbove[v] && toAbove[v]) possible[v] = 1;
  return possible;
}

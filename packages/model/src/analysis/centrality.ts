// The most connected threats: where one threat drives or is driven by many others (degree) and
// where it sits on the routes between others (betweenness), the places a response does the most.
// Root causes are nodes of the graph (they carry paths) but are not ranked: the question is
// which threat to tackle first.
import { compareStrings } from './order.js';
import type { InterlinkageGraph } from './graph.js';
import { resolveOptions } from './options.js';
import type { AnalysisOptions, Hub, HubReport } from './types.js';

/** Above this many nodes betweenness is estimated: exact Brandes is O(nodes x links). */
export const BETWEENNESS_EXACT_MAX_NODES = 300;
/** About this many source nodes are used for the estimate. */
export const BETWEENNESS_SAMPLE_SOURCES = 128;

interface SimpleAdjacency {
  readonly start: Int32Array;
  readonly target: Int32Array;
}

/**
 * The graph without parallel links and self-loops. Why: a shortest path is a route between
 * threats; two links drawn between the same pair are one route, and a self-loop is no route.
 * (Degrees, unlike betweenness, count every link: each is a relation the participants drew.)
 */
function simpleAdjacency(graph: InterlinkageGraph): SimpleAdjacency {
  const n = graph.nodes.length;
  const start = new Int32Array(n + 1);
  const targets: number[] = [];
  for (let v = 0; v < n; v++) {
    let previous = -1;
    for (let edge = graph.edgeStart[v] as number; edge < (graph.edgeStart[v + 1] as number); edge++) {
      const w = graph.edgeTarget[edge] as number;
      // Rows are sorted by target, so repeats are neighbours.
      if (w !== v && w !== previous) targets.push(w);
      previous = w;
    }
    start[v + 1] = targets.length;
  }
  return { start, target: Int32Array.from(targets) };
}

/** Which sources to run Brandes from, and what each one's dependencies are worth. */
function chooseSources(adjacency: SimpleAdjacency, n: number): { sources: number[]; scale: number; sampled: boolean } {
  // A node with no outgoing link is the source of no path: leaving it out changes nothing.
  const candidates: number[] = [];
  for (let v = 0; v < n; v++) if ((adjacency.start[v + 1] as number) > (adjacency.start[v] as number)) candidates.push(v);
  if (n <= BETWEENNESS_EXACT_MAX_NODES) return { sources: candidates, scale: 1, sampled: false };
  // Every k-th candidate in id order: deterministic, so every replica estimates the same values,
  // and spread over the whole id range rather than one corner of it.
  const step = Math.max(1, Math.ceil(candidates.length / BETWEENNESS_SAMPLE_SOURCES));
  const sources = candidates.filter((_, i) => i % step === 0);
  return { sources, scale: sources.length === 0 ? 0 : candidates.length / sources.length, sampled: true };
}

/**
 * Betweenness of every node (Brandes 2001; directed, unweighted), normalised by (n-1)(n-2),
 * the number of ordered pairs a node could lie between; 0 for graphs of two nodes or fewer.
 */
export function betweenness(graph: InterlinkageGraph): { readonly values: Float64Array; readonly sampled: boolean } {
  const n = graph.nodes.length;
  const values = new Float64Array(n);
  const adjacency = simpleAdjacency(graph);
  const { sources, scale, sampled } = chooseSources(adjacency, n);
  if (n <= 2) return { values, sampled };
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  const visitOrder = new Int32Array(n);
  for (const source of sources) {
    // Breadth-first from the source; visitOrder doubles as the queue.
    let visited = 0;
    distance[source] = 0;
    paths[source] = 1;
    visitOrder[visited++] = source;
    for (let head = 0; head < visited; head++) {
      const v = visitOrder[head] as number;
      const next = (distance[v] as number) + 1;
      for (let i = adjacency.start[v] as number; i < (adjacency.start[v + 1] as number); i++) {
        const w = adjacency.target[i] as number;
        if (distance[w] === -1) {
          distance[w] = next;
          visitOrder[visited++] = w;
        }
        if (distance[w] === next) paths[w] = (paths[w] as number) + (paths[v] as number);
      }
    }
    // Back from the farthest: a node's successors on shortest paths are settled before it.
    for (let at = visited - 1; at >= 0; at--) {
      const v = visitOrder[at] as number;
      const next = (distance[v] as number) + 1;
      let sum = 0;
      for (let i = adjacency.start[v] as number; i < (adjacency.start[v + 1] as number); i++) {
        const w = adjacency.target[i] as number;
        if (distance[w] === next) sum += ((paths[v] as number) / (paths[w] as number)) * (1 + (dependency[w] as number));
      }
      dependency[v] = sum;
      if (v !== source) values[v] = (values[v] as number) + sum;
    }
    for (let at = 0; at < visited; at++) {
      const v = visitOrder[at] as number;
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
    }
  }
  const normaliser = scale / ((n - 1) * (n - 2));
  for (let v = 0; v < n; v++) values[v] = (values[v] as number) * normaliser;
  return { values, sampled };
}

/** Most links first, then the larger betweenness, then id (a total order, whatever the floats). */
function compareHubs(a: Hub, b: Hub): number {
  return b.degree - a.degree || b.betweenness - a.betweenness || compareStrings(a.id, b.id);
}

/** The topN threats with the most interlinkages; threats with none are left out. */
export function rankHubs(graph: InterlinkageGraph, options: AnalysisOptions = {}): HubReport {
  const { topN } = resolveOptions(options);
  const { values, sampled } = betweenness(graph);
  const hubs: Hub[] = [];
  graph.nodes.forEach((id, v) => {
    const inDegree = graph.inDegree[v] as number;
    const outDegree = graph.outDegree[v] as number;
    if (!graph.isThreat[v] || inDegree + outDegree === 0) return;
    hubs.push({ id, inDegree, outDegree, degree: inDegree + outDegree, betweenness: values[v] as number });
  });
  return { hubs: hubs.sort(compareHubs).slice(0, topN), betweennessSampled: sampled };
}

// The search behind findLoops: Gupta and Suzumura's bounded variant of Johnson's algorithm
// ("Finding All Bounded-Length Simple Cycles in a Directed Graph", 2021), with explicit stacks
// instead of recursion (a search on a 10,000-card board can go deeper than the call stack).
// Each start node keeps per-node "lock" depths: a node given up on at some depth is not walked
// again from as deep or deeper until a loop found through one of its successors unlocks it.
// That keeps a length cap sound (Johnson's blocking is not, once paths are cut) and stops the
// search from walking exponentially many dead-end paths.
import type { InterlinkageGraph } from './graph.js';

/**
 * Edge visits, lock relaxations and copied loop links one loop search may spend. A dense board
 * (30 threats all amplifying each other) has astronomically many loops; this keeps the panel
 * responsive (tens of milliseconds) and marks the report truncated instead. The 10,000-card
 * benchmark board needs about a quarter of it to list every loop within the default caps.
 */
export const LOOP_SEARCH_STEP_BUDGET = 1_000_000;

/**
 * The cycles found, flat: cycle i is `edges[offsets[i]]` up to `edges[offsets[i + 1]]` (the
 * first edge leaving its smallest node). Flat number arrays because a dense board can produce
 * tens of thousands of cycles before a cap stops the search, and an array per cycle made the
 * garbage collector the slowest part of the search.
 */
export class FoundCycles {
  readonly edges: number[] = [];
  readonly offsets: number[] = [0];

  get count(): number {
    return this.offsets.length - 1;
  }

  add(path: readonly number[], closing: number): void {
    for (let i = 1; i < path.length; i++) this.edges.push(path[i] as number);
    this.edges.push(closing);
    this.offsets.push(this.edges.length);
  }

  /** Forgets every cycle after the first `count`. */
  truncate(count: number): void {
    this.offsets.length = count + 1;
    this.edges.length = this.offsets[count] as number;
  }

  edgesOf(cycle: number): number[] {
    return this.edges.slice(this.offsets[cycle], this.offsets[cycle + 1]);
  }
}

export type SearchEnd = 'complete' | 'full' | 'budget' | 'long-cycle';

/** One enumeration over the whole graph; `searchFrom` is called once per start node. */
export class CycleSearch {
  readonly cycles = new FoundCycles();
  steps = 0;
  private readonly lockValue: Int32Array;
  private readonly lockStamp: Int32Array;
  private readonly blockers: (number[] | undefined)[];
  private readonly blockerStamp: Int32Array;
  private readonly onPath: Uint8Array;
  private stamp = 0;

  constructor(
    private readonly graph: InterlinkageGraph,
    private readonly component: Int32Array,
    private readonly maxLoops: number,
    private readonly stepBudget: number,
  ) {
    const n = graph.nodes.length;
    // Stamps let each start reuse the arrays without clearing them: a value from an earlier
    // start's search counts as unset.
    this.lockValue = new Int32Array(n);
    this.lockStamp = new Int32Array(n);
    this.blockers = new Array<number[] | undefined>(n);
    this.blockerStamp = new Int32Array(n);
    this.onPath = new Uint8Array(n);
  }

  /**
   * Every cycle through `start` over nodes numbered above it in its component, with at most
   * `bound` links. Cycles longer than `reportUpTo` end the search with 'long-cycle' (the caller
   * learns that a longer loop exists and searches again with the cap as the bound).
   */
  searchFrom(start: number, bound: number, reportUpTo: number): SearchEnd {
    const { edgeStart, edgeTarget } = this.graph;
    const startComponent = this.component[start];
    const stamp = ++this.stamp;
    const lock = (v: number): number => (this.lockStamp[v] === stamp ? (this.lockValue[v] as number) : bound);
    const setLock = (v: number, value: number): void => {
      this.lockStamp[v] = stamp;
      this.lockValue[v] = value;
    };
    const blockersOf = (v: number): number[] => {
      let list = this.blockerStamp[v] === stamp ? this.blockers[v] : undefined;
      if (!list) {
        this.blockerStamp[v] = stamp;
        this.blockers[v] = list = [];
      }
      return list;
    };
    const allowed = (w: number): boolean => w > start && this.component[w] === startComponent;

    const path = [start];
    const entered = [-1]; // the edge that led to path[i]
    const cursor = [edgeStart[start] as number];
    // Per frame: the fewest links from that node back to the start found so far (bound = none).
    const backLength = [bound];
    setLock(start, 0);
    this.onPath[start] = 1;
    const stop = (end: SearchEnd): SearchEnd => {
      for (const v of path) this.onPath[v] = 0;
      return end;
    };

    while (path.length > 0) {
      const top = path.length - 1;
      const v = path[top] as number;
      const end = edgeStart[v + 1] as number;
      let advanced = false;
      while ((cursor[top] as number) < end) {
        const edge = cursor[top] as number;
        cursor[top] = edge + 1;
        if (++this.steps > this.stepBudget) return stop('budget');
        const w = edgeTarget[edge] as number;
        if (w === start) {
          if (path.length > reportUpTo) return stop('long-cycle');
          this.cycles.add(entered, edge);
          this.steps += path.length; // copying it out is work too
          backLength[top] = 1;
          if (this.cycles.count > this.maxLoops) return stop('full');
        } else if (allowed(w) && path.length < lock(w)) {
          path.push(w);
          entered.push(edge);
          cursor.push(edgeStart[w] as number);
          backLength.push(bound);
          setLock(w, path.length);
          this.onPath[w] = 1;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;

      path.pop();
      entered.pop();
      cursor.pop();
      this.onPath[v] = 0;
      const back = backLength.pop() as number;
      // As networkx does, the parent takes the child's distance itself, not one more: an
      // underestimate that can only unlock more, never hide a loop.
      if (backLength.length > 0) backLength[top - 1] = Math.min(backLength[top - 1] as number, back);
      if (back < bound) {
        // v reaches the start in `back` links: let paths short enough to still close a loop
        // through v (and through the nodes that were waiting on v) in again.
        const relaxNodes = [v];
        const relaxDistances = [back];
        while (relaxNodes.length > 0) {
          const u = relaxNodes.pop() as number;
          const distance = relaxDistances.pop() as number;
          if (++this.steps > this.stepBudget) return stop('budget');
          if (lock(u) >= bound - distance + 1) continue;
          setLock(u, bound - distance + 1);
          for (const waiting of blockersOf(u)) {
            if (this.onPath[waiting]) continue;
            relaxNodes.push(waiting);
            relaxDistances.push(distance + 1);
          }
        }
      } else {
        // Nothing closed through v: v stays locked until one of its successors is relaxed.
        for (let edge = edgeStart[v] as number; edge < end; edge++) {
          const w = edgeTarget[edge] as number;
          if (!allowed(w)) continue;
          if (++this.steps > this.stepBudget) return stop('budget');
          blockersOf(w).push(v);
        }
      }
    }
    return 'complete';
  }
}


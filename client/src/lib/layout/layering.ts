// Assigns each card of the layered part to a column, respecting the kind ranks (ranks.ts).
//
// ELK can enforce such ranks itself (`elk.partitioning.*`), but it does so by adding a
// constraint edge from every node to every node of the next partition: quadratic in the number
// of cards. Measured on random boards: 233 linked cards took 3.0 s of CPU with partitions
// against 0.5 s without, and 864 cards took 92 s. So the columns are computed here, in one
// linear pass, and handed to ELK as x positions, which its INTERACTIVE layering and cycle
// breaking keep; ELK still orders the cards within each column (crossing minimisation) and
// places them.
import type { Rank } from './ranks.js';

export interface LayerNode {
  readonly id: string;
  readonly rank: Rank;
}

export interface LayerEdge {
  readonly from: string;
  readonly to: string;
}

/**
 * The column of each node: the columns of rank r come after all the columns of lower ranks, and
 * within a rank a node sits one column after the latest node that leads to it (longest path).
 * Edges must not point to a lower rank (ranks.ts turns them round); a cycle, which can only lie
 * within one rank (amplifying threats), is broken at the edges that close it in a depth-first
 * walk, and those edges then simply point backwards.
 */
export function assignColumns(nodes: readonly LayerNode[], edges: readonly LayerEdge[]): Map<string, number> {
  const rank = new Map(nodes.map((node) => [node.id, node.rank]));
  // Only same-rank edges decide columns within a rank; edges across ranks are forward already.
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (rank.get(edge.from) === undefined || rank.get(edge.from) !== rank.get(edge.to)) continue;
    const list = next.get(edge.from);
    if (list) list.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }

  const order = reversePostorder(nodes.map((node) => node.id), next);
  const position = new Map(order.map((id, index) => [id, index]));
  const depth = new Map<string, number>();
  for (const id of order) {
    const own = depth.get(id) ?? 0;
    for (const to of next.get(id) ?? []) {
      // An edge to a node earlier in the order closes a cycle: it does not push anything.
      if ((position.get(to) ?? 0) <= (position.get(id) ?? 0)) continue;
      depth.set(to, Math.max(depth.get(to) ?? 0, own + 1));
    }
  }

  const deepest = new Map<Rank, number>();
  for (const node of nodes) deepest.set(node.rank, Math.max(deepest.get(node.rank) ?? 0, depth.get(node.id) ?? 0));
  const base = new Map<Rank, number>();
  let offset = 0;
  for (const r of [...deepest.keys()].sort((a, b) => a - b)) {
    base.set(r, offset);
    offset += (deepest.get(r) ?? 0) + 1;
  }

  return new Map(nodes.map((node) => [node.id, (base.get(node.rank) ?? 0) + (depth.get(node.id) ?? 0)]));
}

/**
 * Nodes in reverse postorder of an iterative depth-first walk (no recursion: a causal chain of
 * thousands of threats must not overflow the stack). On an acyclic graph that is a topological
 * order; on a cyclic one, exactly the edges that close a cycle point backwards in it.
 */
function reversePostorder(ids: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const visited = new Set<string>();
  const postorder: string[] = [];
  for (const root of ids) {
    if (visited.has(root)) continue;
    visited.add(root);
    const stack: { id: string; index: number }[] = [{ id: root, index: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = next.get(top.id) ?? [];
      if (top.index < children.length) {
        const child = children[top.index++]!;
        if (!visited.has(child)) {
          visited.add(child);
          stack.push({ id: child, index: 0 });
        }
      } else {
        postorder.push(top.id);
        stack.pop();
      }
    }
  }
  return postorder.reverse();
}

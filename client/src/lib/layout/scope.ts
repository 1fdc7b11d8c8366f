// Decides which cards the auto-layout moves, which of them are laid out by their links and which
// go to the grid below, and which links shape the layered part.
import type { BoardView, ItemId, ItemView } from '@interlink/model';
import { layoutEdge, rankOf, type LayoutEdge, type Rank } from './ranks.js';

export interface LayeredCard {
  readonly item: ItemView;
  readonly rank: Rank;
}

export interface LayoutScope {
  /** Cards laid out by ELK, in the board's reading order (top to bottom, then left to right). */
  readonly layered: readonly LayeredCard[];
  /** Edges between layered cards, pointing along the reading order, without duplicates. */
  readonly edges: readonly LayoutEdge[];
  /** Cards placed in the grid: notes, cards with no layout link, and any over the cap. */
  readonly grid: readonly ItemView[];
  /** How many linked cards went to the grid because there were more than the cap. */
  readonly truncated: number;
}

/**
 * Frames stay where they are: moving one would not move what lies inside it (it only groups by
 * area), and making it a compound node would need a new size, which a move cannot give. Cards of
 * a kind this version does not know stay too: they might be containers of a newer version.
 */
export function isMovable(item: ItemView): boolean {
  return item.knownKind !== undefined && item.knownKind !== 'frame';
}

export function byPosition(a: ItemView, b: ItemView): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function selectScope(view: BoardView, ids: ReadonlySet<ItemId> | undefined, maxLayered: number): LayoutScope {
  const movable = new Map<string, ItemView>();
  for (const item of view.items.values()) {
    if (isMovable(item) && (ids === undefined || ids.has(item.id))) movable.set(item.id, item);
  }

  const edges: LayoutEdge[] = [];
  const seen = new Set<string>();
  for (const link of view.links.values()) {
    const from = movable.get(link.from);
    const to = movable.get(link.to);
    if (!from || !to) continue;
    const fromRank = rankOf(from.knownKind);
    const toRank = rankOf(to.knownKind);
    if (fromRank === undefined || toRank === undefined) continue;
    const edge = layoutEdge(link, fromRank, toRank);
    if (!edge) continue;
    const key = `${edge.from}\u0000${edge.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(edge);
  }

  const linked = new Set<string>();
  for (const edge of edges) linked.add(edge.from).add(edge.to);
  const kept = linked.size > maxLayered ? keepWithinCap(linked, edges, movable, maxLayered) : linked;

  const layered: LayeredCard[] = [];
  const grid: ItemView[] = [];
  for (const item of [...movable.values()].sort(byPosition)) {
    const rank = rankOf(item.knownKind);
    if (kept.has(item.id) && rank !== undefined) layered.push({ item, rank });
    else grid.push(item);
  }
  return {
    layered,
    edges: kept === linked ? edges : edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    grid,
    truncated: linked.size - kept.size,
  };
}

/**
 * Picks at most `cap` linked cards so that what is laid out stays whole: connected parts of the
 * board, largest first; the first part that does not fit is cut to a breadth-first piece of it
 * (which is connected), and the rest waits in the grid.
 */
function keepWithinCap(
  linked: ReadonlySet<string>,
  edges: readonly LayoutEdge[],
  items: ReadonlyMap<string, ItemView>,
  cap: number,
): Set<string> {
  const neighbours = new Map<string, string[]>();
  const connect = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of edges) {
    connect(edge.from, edge.to);
    connect(edge.to, edge.from);
  }

  // Components in breadth-first order from their top-left card, so that a cut one keeps a
  // connected piece around where the reader starts.
  const starts = [...linked].map((id) => items.get(id)).filter((item) => item !== undefined).sort(byPosition);
  const visited = new Set<string>();
  const components: string[][] = [];
  for (const start of starts) {
    if (visited.has(start.id)) continue;
    visited.add(start.id);
    const component: string[] = [start.id];
    for (let i = 0; i < component.length; i++) {
      for (const next of neighbours.get(component[i]!) ?? []) {
        if (visited.has(next)) continue;
        visited.add(next);
        component.push(next);
      }
    }
    components.push(component);
  }
  components.sort((a, b) => b.length - a.length);

  const kept = new Set<string>();
  for (const component of components) {
    const room = cap - kept.size;
    if (room <= 0) break;
    for (const id of component.slice(0, room)) kept.add(id);
  }
  return kept;
}

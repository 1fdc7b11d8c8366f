// The board as the analysis sees it, indexed once: items by kind, links by kind and end, and the
// interlinkage graph (threats and root causes joined by `causes` and `amplifies`) in a compact
// numeric form that the loop search and the centrality measures share. Building this is the only
// pass over every link; everything after it is lookups, so that a 10,000-card board stays fast.
import type { ItemId } from '../ids.js';
import type { BoardView, ItemView, LinkView } from '../read.js';
import type { ItemKind, LinkKind } from '../vocabulary.js';
import { compareStrings, ItemOrder } from './order.js';
import type { Interlinkage } from './types.js';

/**
 * The interlinkage graph. Nodes are numbered in code-unit order of their ids, so that "the
 * smallest id" is "the smallest number" (loops start there) and nothing depends on map order.
 * Edges are in compressed rows: those leaving node `v` are `edgeStart[v]` up to
 * `edgeStart[v + 1]`, sorted by target node then link id.
 */
export interface InterlinkageGraph {
  readonly nodes: readonly ItemId[];
  readonly nodeIndex: ReadonlyMap<ItemId, number>;
  /** 1 where the node is a threat, 0 where it is a root cause. */
  readonly isThreat: Uint8Array;
  readonly edgeStart: Int32Array;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** The link behind each edge, in the same order as `edgeTarget`. */
  readonly edges: readonly Interlinkage[];
  readonly inDegree: Int32Array;
  readonly outDegree: Int32Array;
}

const INTERLINKAGE_SOURCES: Readonly<Record<Interlinkage['kind'], readonly ItemKind[]>> = {
  causes: ['root-cause', 'threat'],
  amplifies: ['threat'],
};

/** The interlinkage a link stands for, or undefined when its kind or its ends' kinds do not fit. */
function asInterlinkage(link: LinkView, items: ReadonlyMap<ItemId, ItemView>): Interlinkage | undefined {
  const kind = link.knownKind;
  if (kind !== 'causes' && kind !== 'amplifies') return undefined;
  const fromKind = items.get(link.from)?.knownKind;
  const toKind = items.get(link.to)?.knownKind;
  // Why ignored rather than guessed: a `causes` link into a group or out of a response is a
  // drawing mistake the validator reports; reading it as an interlinkage would invent loops.
  if (toKind !== 'threat' || fromKind === undefined || !INTERLINKAGE_SOURCES[kind].includes(fromKind)) return undefined;
  return { link: link.id, kind, from: link.from, to: link.to, polarity: link.polarity === '-' ? '-' : '+' };
}

export function buildInterlinkageGraph(view: BoardView): InterlinkageGraph {
  const nodes: ItemId[] = [];
  for (const item of view.items.values()) {
    if (item.knownKind === 'threat' || item.knownKind === 'root-cause') nodes.push(item.id);
  }
  nodes.sort(compareStrings);
  const nodeIndex = new Map(nodes.map((id, index) => [id, index]));
  const isThreat = Uint8Array.from(nodes, (id) => (view.items.get(id)?.knownKind === 'threat' ? 1 : 0));

  const numbered: { readonly edge: Interlinkage; readonly from: number; readonly to: number }[] = [];
  for (const link of view.links.values()) {
    const edge = asInterlinkage(link, view.items);
    const from = edge && nodeIndex.get(edge.from);
    const to = edge && nodeIndex.get(edge.to);
    if (edge && from !== undefined && to !== undefined) numbered.push({ edge, from, to });
  }
  numbered.sort((a, b) => a.from - b.from || a.to - b.to || compareStrings(a.edge.link, b.edge.link));

  const edgeStart = new Int32Array(nodes.length + 1);
  const edgeSource = new Int32Array(numbered.length);
  const edgeTarget = new Int32Array(numbered.length);
  const inDegree = new Int32Array(nodes.length);
  const outDegree = new Int32Array(nodes.length);
  numbered.forEach(({ from, to }, index) => {
    edgeSource[index] = from;
    edgeTarget[index] = to;
    outDegree[from] = (outDegree[from] ?? 0) + 1;
    inDegree[to] = (inDegree[to] ?? 0) + 1;
  });
  for (let v = 0; v < nodes.length; v++) edgeStart[v + 1] = (edgeStart[v] ?? 0) + (outDegree[v] ?? 0);
  return { nodes, nodeIndex, isThreat, edgeStart, edgeSource, edgeTarget, edges: numbered.map(({ edge }) => edge), inDegree, outDegree };
}

/** The interlinkage behind edge number `edge`. */
export function edgeAt(graph: InterlinkageGraph, edge: number): Interlinkage {
  const found = graph.edges[edge];
  if (!found) throw new RangeError(`the interlinkage graph has no edge ${edge}`);
  return found;
}

type Adjacency = Map<LinkKind, Map<ItemId, ItemId[]>>;

function append(adjacency: Adjacency, kind: LinkKind, key: ItemId, value: ItemId): void {
  let byItem = adjacency.get(kind);
  if (!byItem) adjacency.set(kind, (byItem = new Map()));
  const list = byItem.get(key);
  if (list) list.push(value);
  else byItem.set(key, [value]);
}

/** Lookups every analysis module shares; built once per analysis by `indexBoard`. */
export class BoardIndex {
  readonly order: ItemOrder;
  readonly graph: InterlinkageGraph;
  private readonly byKind = new Map<ItemKind, ItemView[]>();
  private readonly outgoing: Adjacency = new Map();
  private readonly incoming: Adjacency = new Map();

  constructor(readonly view: BoardView) {
    this.order = new ItemOrder(view.items.values());
    for (const item of this.order.sorted) {
      if (!item.knownKind) continue;
      const list = this.byKind.get(item.knownKind);
      if (list) list.push(item);
      else this.byKind.set(item.knownKind, [item]);
    }
    for (const link of view.links.values()) {
      if (!link.knownKind) continue;
      append(this.outgoing, link.knownKind, link.from, link.to);
      append(this.incoming, link.knownKind, link.to, link.from);
    }
    this.graph = buildInterlinkageGraph(view);
  }

  /** Items of a kind this version knows, in text order. */
  ofKind(kind: ItemKind): readonly ItemView[] {
    return this.byKind.get(kind) ?? [];
  }

  item(id: ItemId): ItemView | undefined {
    return this.view.items.get(id);
  }

  /** Distinct items of the given kinds that `from` links to with `kind`, in text order. */
  targets(from: ItemId, kind: LinkKind, targetKinds: readonly ItemKind[]): ItemId[] {
    return this.ends(this.outgoing, from, kind, targetKinds);
  }

  /** Distinct items of the given kinds that link to `to` with `kind`, in text order. */
  sources(to: ItemId, kind: LinkKind, sourceKinds: readonly ItemKind[]): ItemId[] {
    return this.ends(this.incoming, to, kind, sourceKinds);
  }

  private ends(adjacency: Adjacency, id: ItemId, kind: LinkKind, endKinds: readonly ItemKind[]): ItemId[] {
    // A peer may draw any link between any two cards, so the far end's kind is checked here;
    // the caller only asks about items of the kind the link table allows at the near end.
    const ends = adjacency.get(kind)?.get(id);
    if (!ends) return [];
    const fits = (end: ItemId): boolean => {
      const endKind = this.view.items.get(end)?.knownKind;
      return endKind !== undefined && endKinds.includes(endKind);
    };
    // Most cards have a single link of a kind: answer it without the filter, copy and sort.
    if (ends.length === 1) return fits(ends[0] as ItemId) ? [ends[0] as ItemId] : [];
    return this.order.sortUnique(ends.filter(fits));
  }
}

export function indexBoard(view: BoardView): BoardIndex {
  return new BoardIndex(view);
}

/** Interlinkages as the report lists them: by the from item's text, the to item's text, then link id. */
export function listInterlinkages(index: BoardIndex): Interlinkage[] {
  // Ranks looked up once per edge, not once per comparison: a large board has thousands.
  const ranked = index.graph.edges.map((edge) => ({ edge, from: index.order.rankOf(edge.from), to: index.order.rankOf(edge.to) }));
  ranked.sort((a, b) => a.from - b.from || a.to - b.to || compareStrings(a.edge.link, b.edge.link));
  return ranked.map(({ edge }) => edge);
}

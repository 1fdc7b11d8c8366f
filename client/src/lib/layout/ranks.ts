// Where each kind of card goes in the auto-layout, and which links shape it.
//
// The layout reads left to right in the human-security order: what lies behind a threat, the
// threat, then who suffers from it and what is done about it, then who does it and what it
// builds on. Each rank is a band of columns; every card of a lower rank lies left of every card
// of a higher rank in the same connected part of the board.
//
//   rank 0   root causes, indicators   (the "why" and the warning signs, feeding the threats)
//   rank 1   threats                   (causal and amplifying chains make several columns)
//   rank 2   affected groups, responses (both sit right beside the threat they concern)
//   rank 3   actors, capacities        (beside the responses they carry out or strengthen)
//
// Groups and responses share a rank on purpose: a threat then has its groups and the responses
// addressing it in the very next column, instead of one of them being pushed a column away.
import type { ItemKind, LinkView } from '@interlink/model';

export type Rank = 0 | 1 | 2 | 3;

const KIND_RANK: Partial<Record<ItemKind, Rank>> = {
  'root-cause': 0,
  indicator: 0,
  threat: 1,
  group: 2,
  response: 2,
  actor: 3,
  capacity: 3,
};

/**
 * The rank of a kind, or undefined for cards that are never laid out in the layered part:
 * notes (free text with no place in the reading order), frames (left where they are) and kinds
 * this version does not know.
 */
export function rankOf(kind: ItemKind | undefined): Rank | undefined {
  return kind === undefined ? undefined : KIND_RANK[kind];
}

/** The order of kinds in the grid of cards that are not laid out by their links. */
export const GRID_KIND_ORDER: readonly string[] = [
  'root-cause', 'indicator', 'threat', 'group', 'response', 'actor', 'capacity', 'note',
];

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

/**
 * A link as an edge that points along the reading order (from the lower rank to the higher), or
 * undefined when it should not shape the layout. Links are stored in their own direction
 * (`addresses` goes response -> threat, `responsible` actor -> response); turning them round
 * puts the response after its threat and the actor after its response.
 *
 * Between two cards of the same rank only threat chains (`causes`, `amplifies`, and any other
 * threat -> threat link) count: they are what the threat columns show. Any other same-rank
 * link (a `relates` between two responses, say) would only push a column aside, so it is left out.
 */
export function layoutEdge(link: LinkView, fromRank: Rank, toRank: Rank): LayoutEdge | undefined {
  if (link.from === link.to) return undefined;
  if (fromRank < toRank) return { from: link.from, to: link.to };
  if (fromRank > toRank) return { from: link.to, to: link.from };
  return fromRank === 1 ? { from: link.from, to: link.to } : undefined;
}

// Who has which card selected, from everyone's presence: the outline says "selected by Amina",
// the canvas rings the card in Amina's colour. Built once per change of someone's selection
// (not per frame, not per cursor move), in the shapes its two readers want: per card for the
// outline, per person for the canvas, which strokes each person's rings as one path.
import type { ItemId } from '@interlink/model';
import type { Peer } from '../sync/peers.js';

/** Rings drawn around one card; more people than this share the outermost ring (the outline names them all). */
export const MAX_RINGS = 4;

export interface SelectionOwner {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

/** One card of one person's selection, and which ring around the card is theirs (0 = innermost). */
export interface RingSlot {
  readonly id: ItemId;
  readonly slot: number;
}

/** One person's rings: stroked together in their colour. */
export interface SelectionStroke {
  readonly color: string;
  readonly cards: readonly RingSlot[];
}

export interface RemoteSelections {
  /** Per card, who has it selected, in the order their rings are drawn (join order). */
  readonly byItem: ReadonlyMap<ItemId, readonly SelectionOwner[]>;
  readonly strokes: readonly SelectionStroke[];
  /** The peers it was built from (those with a selection), to tell whether a refresh changed anything. */
  readonly sources: readonly Peer[];
}

/** Whether `peers` would build the same selections: same people, colours, names and selection arrays. */
export function sameSelections(current: RemoteSelections, peers: readonly Peer[]): boolean {
  let index = 0;
  for (const peer of peers) {
    if (peer.selection.length === 0) continue;
    const source = current.sources[index++];
    if (
      !source ||
      source.clientId !== peer.clientId ||
      source.selection !== peer.selection ||
      source.color !== peer.color ||
      source.name !== peer.name
    ) {
      return false;
    }
  }
  return index === current.sources.length;
}

export function buildRemoteSelections(peers: readonly Peer[]): RemoteSelections {
  const sources = peers.filter((peer) => peer.selection.length > 0);
  const byItem = new Map<ItemId, SelectionOwner[]>();
  const strokes: SelectionStroke[] = [];
  for (const peer of sources) {
    const owner: SelectionOwner = { clientId: peer.clientId, name: peer.name, color: peer.color };
    const cards: RingSlot[] = [];
    for (const id of peer.selection) {
      let owners = byItem.get(id);
      if (!owners) byItem.set(id, (owners = []));
      cards.push({ id, slot: Math.min(owners.length, MAX_RINGS - 1) });
      owners.push(owner);
    }
    strokes.push({ color: peer.color, cards });
  }
  return { byItem, strokes, sources };
}

/** The names of those who have `id` selected, in ring order; empty when nobody has. */
export function selectedBy(selections: RemoteSelections, id: ItemId): readonly string[] {
  return selections.byItem.get(id)?.map((owner) => owner.name) ?? [];
}

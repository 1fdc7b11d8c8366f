// Each card's links as lines a screen reader can follow ("amplifies → Food prices"), so that
// someone who cannot see the arrows can still walk the map from card to card.
import type { ItemId, ItemView, LinkView } from '@interlink/model';

export interface LinkLine {
  readonly linkId: string;
  readonly direction: 'out' | 'in';
  /** The link's kind as stored (a label is chosen by the caller, unknown kinds included). */
  readonly kind: string;
  /** The card at the other end. */
  readonly other: ItemView;
}

/**
 * The links of every card, outgoing first then incoming, each group in the other end's reading
 * order (`order`). Links with a missing end are skipped: the Analysis panel lists them as problems.
 */
export function linkLines(
  items: ReadonlyMap<ItemId, ItemView>,
  links: Iterable<LinkView>,
  order: (a: ItemView, b: ItemView) => number,
): Map<ItemId, LinkLine[]> {
  const lines = new Map<ItemId, LinkLine[]>();
  const add = (id: ItemId, line: LinkLine): void => {
    let list = lines.get(id);
    if (!list) lines.set(id, (list = []));
    list.push(line);
  };
  for (const link of links) {
    const from = items.get(link.from);
    const to = items.get(link.to);
    if (!from || !to) continue;
    add(from.id, { linkId: link.id, direction: 'out', kind: link.kind, other: to });
    add(to.id, { linkId: link.id, direction: 'in', kind: link.kind, other: from });
  }
  for (const list of lines.values()) {
    list.sort((a, b) => (a.direction === b.direction ? order(a.other, b.other) : a.direction === 'out' ? -1 : 1));
  }
  return lines;
}

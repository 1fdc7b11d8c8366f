// Test and benchmark support: board views built directly (no Yjs), and random boards from a
// seeded generator so that a failing case can be replayed. Not imported by the app.
import {
  asItemId,
  asLinkId,
  isOneOf,
  ITEM_KINDS,
  LINK_KINDS,
  type BoardView,
  type ItemId,
  type ItemView,
  type LinkId,
  type LinkView,
} from '@interlink/model';

/** mulberry32: a tiny seeded PRNG, good enough to spread test cards around. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function card(id: string, kind: string, x = 0, y = 0, w = 200, h = 120): ItemView {
  return {
    id: asItemId(id),
    kind,
    knownKind: isOneOf(ITEM_KINDS, kind) ? kind : undefined,
    x,
    y,
    w,
    h,
    text: id,
    sensitivity: 'public',
    extra: {},
  };
}

export function link(kind: string, from: string, to: string, id = `${from}-${kind}-${to}`): LinkView {
  return {
    id: asLinkId(id),
    kind,
    knownKind: isOneOf(LINK_KINDS, kind) ? kind : undefined,
    from: asItemId(from),
    to: asItemId(to),
    extra: {},
  };
}

export function boardView(items: readonly ItemView[], links: readonly LinkView[] = []): BoardView {
  return {
    title: 'test',
    items: new Map<ItemId, ItemView>(items.map((item) => [item.id, item])),
    links: new Map<LinkId, LinkView>(links.map((l) => [l.id, l])),
    problems: [],
  };
}

const CARD_MIX: readonly (readonly [string, number])[] = [
  ['threat', 3], ['root-cause', 2], ['group', 2], ['response', 2], ['actor', 1], ['capacity', 1],
  ['indicator', 1], ['note', 1],
];

/** Link kinds with the kinds of their ends (CONTRACT.md section 4), weighted by how common. */
const LINK_MIX: readonly (readonly [string, string, string, number])[] = [
  ['causes', 'root-cause', 'threat', 3],
  ['amplifies', 'threat', 'threat', 1],
  ['affects', 'threat', 'group', 3],
  ['addresses', 'response', 'threat', 3],
  ['responsible', 'actor', 'response', 1],
  ['strengthens', 'response', 'capacity', 1],
  ['monitors', 'indicator', 'threat', 1],
  ['relates', 'note', 'threat', 1],
];

function weighted<T extends readonly unknown[]>(random: () => number, entries: readonly T[]): T {
  const total = entries.reduce((sum, entry) => sum + Number(entry[entry.length - 1]), 0);
  let roll = random() * total;
  for (const entry of entries) {
    roll -= Number(entry[entry.length - 1]);
    if (roll < 0) return entry;
  }
  return entries[entries.length - 1]!;
}

/**
 * A board of `cards` cards of mixed kinds and sizes, scattered (overlapping) over an area, with
 * `links` links of the contract's kinds between random cards of the right kinds: a worst case
 * for a layered layout, since random ends make one big tangled component. A few frames too.
 */
export function randomBoard(seed: number, cards: number, links: number): BoardView {
  const random = seededRandom(seed);
  const items: ItemView[] = [];
  const byKind = new Map<string, string[]>();
  const side = Math.sqrt(cards) * 250;
  for (let i = 0; i < cards; i++) {
    const kind = weighted(random, CARD_MIX)[0];
    const id = `c${i}`;
    const w = 160 + Math.floor(random() * 3) * 40;
    const h = 100 + Math.floor(random() * 3) * 30;
    items.push(card(id, kind, Math.floor(random() * side), Math.floor(random() * side), w, h));
    const list = byKind.get(kind);
    if (list) list.push(id);
    else byKind.set(kind, [id]);
  }
  for (let i = 0; i < Math.max(1, Math.floor(cards / 50)); i++) {
    items.push(card(`f${i}`, 'frame', Math.floor(random() * side), Math.floor(random() * side), 800, 600));
  }
  const pick = (kind: string): string | undefined => {
    const list = byKind.get(kind) ?? [];
    return list[Math.floor(random() * list.length)];
  };
  const made: LinkView[] = [];
  for (let i = 0; i < links; i++) {
    const [kind, fromKind, toKind] = weighted(random, LINK_MIX);
    const from = pick(fromKind);
    const to = pick(toKind);
    if (from !== undefined && to !== undefined && from !== to) made.push(link(kind, from, to, `l${i}`));
  }
  return boardView(items, made);
}

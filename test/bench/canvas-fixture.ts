// The large board the canvas benchmark opens: 10,000 items (20 frames around blocks of cards,
// the rest cards of every kind with their own fields) and 5,000 links between allowed kinds,
// mostly between near neighbours as people draw them, some across the board. Seeded, so every
// run measures the same board. It is written through the model commands, 100 per transaction,
// so the server stores it as many updates, the way a long workshop would leave it.
import * as Y from 'yjs';
import {
  DIMENSIONS,
  LEVELS,
  LINK_RULES,
  ONSETS,
  PHASES,
  SECTORS,
  STRATEGIES,
  addItem,
  asItemId,
  asLinkId,
  linkItems,
  type ItemFields,
  type ItemId,
  type ItemKind,
  type LinkKind,
  type NewItem,
  type NewLink,
} from '@interlink/model';
import { seededRandom, type Random } from './random.js';
import { AUTHORS, LINK_LABELS, cardText } from './canvas-text.js';

export const BOARD = {
  items: 10_000,
  links: 5_000,
  columns: 120,
  /** Cell pitch in canvas units: a 200 x 120 card and a gap around it. */
  pitchX: 240,
  pitchY: 160,
  /** Cells per frame, so 5 x 4 frames cover the 120 x 84 grid. */
  frameColumns: 24,
  frameRows: 21,
  perTransaction: 100,
  seed: 0x1a7e11,
} as const;

const CARD_KINDS: readonly (readonly [Exclude<ItemKind, 'frame'>, number])[] = [
  ['threat', 28],
  ['root-cause', 8],
  ['group', 9],
  ['capacity', 8],
  ['actor', 10],
  ['response', 16],
  ['indicator', 8],
  ['note', 13],
];

const LINK_KINDS: readonly (readonly [LinkKind, number])[] = [
  ['causes', 15],
  ['amplifies', 12],
  ['affects', 12],
  ['addresses', 20],
  ['responsible', 12],
  ['strengthens', 8],
  ['monitors', 8],
  ['relates', 13],
];

/** Share of links drawn to any card of the right kind, however far; the rest stay local. */
const LONG_LINK_SHARE = 0.1;

export interface BoardPlan {
  readonly items: readonly (NewItem & { id: ItemId })[];
  readonly links: readonly NewLink[];
  /** The canvas area the board covers. */
  readonly width: number;
  readonly height: number;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Same shape as the model's ids (16 base-36 characters), so the document has its real size. */
function seededId(random: Random): string {
  let id = '';
  for (let i = 0; i < 16; i += 1) id += ID_ALPHABET[random.int(0, ID_ALPHABET.length - 1)];
  return id;
}

function kindFields(random: Random, kind: ItemKind): ItemFields {
  switch (kind) {
    case 'threat': {
      const dimensions = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(DIMENSIONS)))];
      return { dimensions, severity: random.int(1, 5), likelihood: random.int(1, 5), onset: random.pick(ONSETS) };
    }
    case 'actor':
      return { level: random.pick(LEVELS), sector: random.pick(SECTORS) };
    case 'response':
      return { strategy: random.pick(STRATEGIES), phase: random.pick(PHASES) };
    case 'indicator':
      return { threshold: `above ${random.int(10, 90)}% for 2 weeks`, action: 'alert the district team' };
    default:
      return {};
  }
}

function commonFields(random: Random, index: number): ItemFields & { createdAt: number } {
  const sensitivity = random.weighted([
    [undefined, 85],
    ['restricted', 10],
    ['confidential', 5],
  ] as const);
  return {
    ...(random.chance(0.8) ? { author: random.pick(AUTHORS) } : {}),
    ...(sensitivity ? { sensitivity } : {}),
    // A two-day workshop's worth of timestamps, in creation order.
    createdAt: Date.UTC(2025, 2, 10, 9) + index * 15_000,
  };
}

function planFrames(random: Random): (NewItem & { id: ItemId })[] {
  const rows = Math.ceil(BOARD.items / BOARD.columns);
  const frames: (NewItem & { id: ItemId })[] = [];
  for (let by = 0; by * BOARD.frameRows < rows; by += 1) {
    for (let bx = 0; bx * BOARD.frameColumns < BOARD.columns; bx += 1) {
      frames.push({
        id: asItemId(seededId(random)),
        kind: 'frame',
        x: bx * BOARD.frameColumns * BOARD.pitchX - 20,
        y: by * BOARD.frameRows * BOARD.pitchY - 20,
        w: BOARD.frameColumns * BOARD.pitchX,
        h: BOARD.frameRows * BOARD.pitchY,
        text: cardText(random, 'frame'),
        ...commonFields(random, frames.length),
      });
    }
  }
  return frames;
}

/** Cards fill the grid row by row; index i sits in column i % columns, row i / columns. */
function planCards(random: Random, count: number, firstIndex: number): (NewItem & { id: ItemId })[] {
  return Array.from({ length: count }, (_, cell) => {
    const kind = random.weighted(CARD_KINDS);
    return {
      id: asItemId(seededId(random)),
      kind,
      // A little jitter: people do not place cards on an exact grid.
      x: (cell % BOARD.columns) * BOARD.pitchX + random.int(-12, 12),
      y: Math.floor(cell / BOARD.columns) * BOARD.pitchY + random.int(-12, 12),
      text: cardText(random, kind),
      ...kindFields(random, kind),
      ...commonFields(random, firstIndex + cell),
    };
  });
}

function allows(ends: readonly string[] | 'any', kind: ItemKind): boolean {
  return ends === 'any' || ends.includes(kind);
}

/** A card of an allowed kind near `from` (within `radius` cells), or anywhere if none is found. */
function pickEnd(random: Random, cards: readonly NewItem[], from: number, ends: readonly string[] | 'any', local: boolean): number | undefined {
  if (local) {
    for (const radius of [3, 8]) {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const cell = from + random.int(-radius, radius) + random.int(-radius, radius) * BOARD.columns;
        const card = cards[cell];
        if (cell !== from && card && allows(ends, card.kind)) return cell;
      }
    }
  }
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const cell = random.int(0, cards.length - 1);
    const card = cards[cell];
    if (cell !== from && card && allows(ends, card.kind)) return cell;
  }
  return undefined;
}

function planLinks(random: Random, cards: readonly (NewItem & { id: ItemId })[]): NewLink[] {
  const links: NewLink[] = [];
  const seen = new Set<string>();
  while (links.length < BOARD.links) {
    const kind = random.weighted(LINK_KINDS);
    const rule: { from: readonly string[] | 'any'; to: readonly string[] | 'any' } = LINK_RULES[kind];
    const from = pickEnd(random, cards, random.int(0, cards.length - 1), rule.from, false);
    if (from === undefined) continue;
    const to = pickEnd(random, cards, from, rule.to, !random.chance(LONG_LINK_SHARE));
    const fromCard = cards[from];
    const toCard = to === undefined ? undefined : cards[to];
    if (!fromCard || !toCard) continue;
    const key = `${fromCard.id}>${toCard.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({
      id: asLinkId(seededId(random)),
      kind,
      from: fromCard.id,
      to: toCard.id,
      ...(random.chance(0.2) ? { label: random.pick(LINK_LABELS) } : {}),
      ...(kind === 'amplifies' ? { polarity: random.chance(0.7) ? '+' : '-' } : {}),
    });
  }
  return links;
}

export function planBoard(): BoardPlan {
  const random = seededRandom(BOARD.seed);
  const frames = planFrames(random);
  const cards = planCards(random, BOARD.items - frames.length, frames.length);
  const links = planLinks(random, cards);
  const rows = Math.ceil(cards.length / BOARD.columns);
  return { items: [...frames, ...cards], links, width: BOARD.columns * BOARD.pitchX, height: rows * BOARD.pitchY };
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(values.length / size) }, (_, index) => values.slice(index * size, (index + 1) * size));
}

/**
 * The board as the updates a client would send: one per transaction of BOARD.perTransaction
 * model commands. Replaying them in order into any connected client writes the same board
 * to any server, byte for byte.
 */
export function boardUpdates(plan: BoardPlan): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  // Nested doc.transact calls join the outer one, so each chunk is one transaction.
  for (const chunk of chunks(plan.items, BOARD.perTransaction)) doc.transact(() => chunk.forEach((item) => addItem(doc, item)));
  for (const chunk of chunks(plan.links, BOARD.perTransaction)) {
    doc.transact(() => {
      for (const link of chunk) if (linkItems(doc, link) === undefined) throw new Error(`link ${link.id} has a missing end`);
    });
  }
  doc.destroy();
  return updates;
}

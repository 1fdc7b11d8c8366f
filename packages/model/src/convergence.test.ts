// Property: two peers run random sequences of commands, exchanging some updates along the way and
// the rest at the end in any order (as a flaky connection delivers them); both end up with the
// same board, read the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  deleteItems,
  linkItems,
  moveItems,
  setItemText,
  unlink,
  updateItem,
  updateLink,
  type ItemFields,
} from './commands.js';
import { getItemMap, initBoard } from './document.js';
import { asItemId, asLinkId, type ItemId, type LinkId } from './ids.js';
import { readBoard } from './read.js';
import { materialize, valueSpec, type ValueSpec } from './testing/arbitraries.js';
import { normalizeBoard } from './testing/normalize.js';
import {
  DIMENSIONS,
  ITEM_KINDS,
  LEVELS,
  LINK_KINDS,
  ONSETS,
  POLARITIES,
  SENSITIVITIES,
  STRATEGIES,
  type ItemKind,
  type LinkKind,
  type Polarity,
} from './vocabulary.js';

// Small id pools, so that commands on the two peers often meet on the same items and links.
const itemId = fc.constantFrom('a', 'b', 'c', 'd').map(asItemId);
const linkId = fc.constantFrom('k', 'l', 'm').map(asLinkId);
const peer = fc.constantFrom(0, 1);
const coordinate = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.double());
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const itemFields: fc.Arbitrary<ItemFields> = fc.record(
  {
    x: coordinate,
    w: fc.integer({ min: 1, max: 400 }),
    z: orNull(fc.string({ maxLength: 4 })),
    color: orNull(fc.constantFrom('#f00', 'teal')),
    sensitivity: orNull(fc.constantFrom(...SENSITIVITIES)),
    author: orNull(fc.string({ maxLength: 6 })),
    dimensions: orNull(fc.subarray([...DIMENSIONS])),
    severity: orNull(fc.integer({ min: 0, max: 6 })),
    likelihood: orNull(fc.integer({ min: 1, max: 5 })),
    onset: orNull(fc.constantFrom(...ONSETS)),
    level: orNull(fc.constantFrom(...LEVELS)),
    strategy: orNull(fc.constantFrom(...STRATEGIES)),
    threshold: orNull(fc.string({ maxLength: 6 })),
  },
  { requiredKeys: [] },
);

type Command =
  | { op: 'init'; title: string }
  | { op: 'add'; id: ItemId; kind: ItemKind; x: number; y: number; text: string; fields: ItemFields }
  | { op: 'update'; id: ItemId; fields: ItemFields }
  | { op: 'text'; id: ItemId; text: string }
  | { op: 'move'; moves: Array<{ id: ItemId; x: number; y: number }> }
  | { op: 'delete'; ids: Array<ItemId> }
  | { op: 'link'; id: LinkId; kind: LinkKind; from: ItemId; to: ItemId; polarity?: Polarity }
  | { op: 'updateLink'; id: LinkId; label: string | null; polarity: Polarity | null }
  | { op: 'unlink'; ids: Array<LinkId> }
  /** A newer client writing a field this version does not know. */
  | { op: 'raw'; id: ItemId; key: string; value: ValueSpec }
  /** This peer receives one of the other peer's pending updates, not necessarily the oldest. */
  | { op: 'deliver'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('init' as const), title: fc.string({ maxLength: 6 }) }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), id: itemId, kind: fc.constantFrom(...ITEM_KINDS), x: coordinate, y: coordinate, text: fc.string({ maxLength: 6 }), fields: itemFields }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('update' as const), id: itemId, fields: itemFields }) },
  fc.record({ op: fc.constant('text' as const), id: itemId, text: fc.string({ unit: 'grapheme', maxLength: 6 }) }),
  fc.record({ op: fc.constant('move' as const), moves: fc.array(fc.record({ id: itemId, x: coordinate, y: coordinate }), { maxLength: 3 }) }),
  fc.record({ op: fc.constant('delete' as const), ids: fc.array(itemId, { maxLength: 2 }) }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('link' as const), id: linkId, kind: fc.constantFrom(...LINK_KINDS), from: itemId, to: itemId, polarity: fc.constantFrom(...POLARITIES) }, { requiredKeys: ['op', 'id', 'kind', 'from', 'to'] }) },
  fc.record({ op: fc.constant('updateLink' as const), id: linkId, label: orNull(fc.string({ maxLength: 4 })), polarity: orNull(fc.constantFrom(...POLARITIES)) }),
  fc.record({ op: fc.constant('unlink' as const), ids: fc.array(linkId, { maxLength: 2 }) }),
  fc.record({ op: fc.constant('raw' as const), id: itemId, key: fc.constantFrom('futureField', 'votes', 'radius'), value: valueSpec }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deliver' as const), pick: fc.nat() }) },
);

const REMOTE = Symbol('remote');

class Peers {
  readonly docs = [new Y.Doc(), new Y.Doc()] as const;
  /** outboxes[i]: updates made on docs[i] that the other peer has not received yet. */
  private readonly outboxes: [Uint8Array[], Uint8Array[]] = [[], []];

  constructor() {
    this.docs.forEach((doc, i) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) this.outboxes[i as 0 | 1].push(update);
      });
    });
  }

  deliver(to: 0 | 1, pick: number): void {
    const outbox = this.outboxes[to === 0 ? 1 : 0];
    if (outbox.length === 0) return;
    const [update] = outbox.splice(pick % outbox.length, 1);
    if (update) Y.applyUpdate(this.docs[to], update, REMOTE);
  }

  /** Delivers everything still pending, in an order drawn from `picks`. */
  drain(picks: readonly number[]): void {
    for (let step = 0; this.outboxes[0].length + this.outboxes[1].length > 0; step++) {
      // `+ step` keeps the order varied when fast-check shrinks `picks` to a few zeros.
      const pick = (picks[step % Math.max(picks.length, 1)] ?? 0) + step;
      const from = this.outboxes[0].length === 0 ? 1 : this.outboxes[1].length === 0 ? 0 : pick % 2;
      this.deliver(from === 0 ? 1 : 0, Math.floor(pick / 2));
    }
  }
}

function run(doc: Y.Doc, c: Command, origin: string): void {
  switch (c.op) {
    case 'init': return initBoard(doc, c.title, origin);
    case 'add': return void addItem(doc, { ...c.fields, id: c.id, kind: c.kind, x: c.x, y: c.y, text: c.text }, origin);
    case 'update': return void updateItem(doc, c.id, c.fields, origin);
    case 'text': return void setItemText(doc, c.id, c.text, origin);
    case 'move': return moveItems(doc, c.moves, origin);
    case 'delete': return deleteItems(doc, c.ids, origin);
    case 'link': return void linkItems(doc, { id: c.id, kind: c.kind, from: c.from, to: c.to, ...(c.polarity ? { polarity: c.polarity } : {}) }, origin);
    case 'updateLink': return void updateLink(doc, c.id, { label: c.label, polarity: c.polarity }, origin);
    case 'unlink': return unlink(doc, c.ids, origin);
    case 'raw': {
      const map = getItemMap(doc, c.id);
      if (map) doc.transact(() => map.set(c.key, materialize(c.value)), origin);
      return;
    }
    case 'deliver': return;
  }
}

describe('two peers', () => {
  it('converge to the same board whatever the commands and the delivery order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(peer, command), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (steps, picks) => {
          const peers = new Peers();
          for (const [at, c] of steps) {
            if (c.op === 'deliver') peers.deliver(at, c.pick);
            else run(peers.docs[at], c, `peer-${at}`);
          }
          peers.drain(picks);
          const [a, b] = peers.docs;
          expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
          expect(normalizeBoard(readBoard(a))).toEqual(normalizeBoard(readBoard(b)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

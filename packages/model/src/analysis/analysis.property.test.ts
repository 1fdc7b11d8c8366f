// Properties of the analysis on random boards: loops are real cycles and exactly the ones a brute
// force finds, gaps are exact, nothing depends on map order, nothing throws on what the tolerant
// reader accepts, and two replicas that merged the same changes in either order agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, deleteItems, linkItems, setItemText, updateItem, type ItemFields } from '../commands.js';
import { asItemId, asLinkId, type ItemId, type LinkId } from '../ids.js';
import { readBoard, type BoardView, type LinkView } from '../read.js';
import { buildJunkBoard, junkBoardSpec } from '../testing/junkBoards.js';
import { BoardBuilder } from '../testing/boards.js';
import {
  DIMENSIONS,
  LEVELS,
  LINK_KINDS,
  PHASES,
  POLARITIES,
  SECTORS,
  STRATEGIES,
  type ItemKind,
  type LinkKind,
  type Polarity,
} from '../vocabulary.js';
import { analyseBoard } from './index.js';
import type { Loop } from './types.js';

const itemFields: fc.Arbitrary<ItemFields> = fc.record(
  {
    dimensions: fc.subarray([...DIMENSIONS]),
    severity: fc.integer({ min: 1, max: 5 }),
    likelihood: fc.integer({ min: 1, max: 5 }),
    level: fc.constantFrom(...LEVELS),
    sector: fc.constantFrom(...SECTORS),
    strategy: fc.constantFrom(...STRATEGIES),
    phase: fc.constantFrom(...PHASES),
    threshold: fc.constantFrom('', ' ', '30%'),
    action: fc.constantFrom('', 'alert'),
  },
  { requiredKeys: [] },
);

interface ItemSpec {
  readonly kind: ItemKind;
  /** Few texts, so that ties between texts (broken by id) are common. */
  readonly text: string;
  readonly fields: ItemFields;
}

interface LinkSpec {
  readonly kind: LinkKind;
  readonly from: number;
  readonly to: number;
  readonly polarity?: Polarity;
}

interface BoardSpec {
  readonly items: readonly ItemSpec[];
  readonly links: readonly LinkSpec[];
}

const text = fc.constantFrom('', 'Drought', 'drought', 'Hunger', 'a');
const polarity = fc.option(fc.constantFrom(...POLARITIES), { nil: undefined });

interface Mix {
  readonly maxItems: number;
  readonly maxLinks: number;
  /** Relative weights of threats, root causes and every other kind. */
  readonly threats: number;
  readonly rootCauses: number;
  readonly others: number;
}

/** A random board of valid kinds and links, wrong-kind links and `-` polarity included. */
function boardSpec(mix: Mix): fc.Arbitrary<BoardSpec> {
  const kind = fc.oneof(
    { weight: mix.threats, arbitrary: fc.constant<ItemKind>('threat') },
    { weight: mix.rootCauses, arbitrary: fc.constant<ItemKind>('root-cause') },
    { weight: mix.others, arbitrary: fc.constantFrom<ItemKind>('response', 'actor', 'capacity', 'indicator', 'group', 'note') },
  );
  // Mostly interlinkages (the loops need them), and any kind at all between any two items.
  const linkKind = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom<LinkKind>('causes', 'amplifies') },
    { weight: 1, arbitrary: fc.constantFrom(...LINK_KINDS) },
  );
  return fc.record({
    // size 'max': lengths spread over the whole range, not mostly short (dense graphs have loops).
    items: fc.array(fc.record({ kind, text, fields: itemFields }), { minLength: 1, maxLength: mix.maxItems, size: 'max' }),
    links: fc.array(
      fc.record({ kind: linkKind, from: fc.nat(), to: fc.nat(), polarity }, { requiredKeys: ['kind', 'from', 'to'] }),
      { maxLength: mix.maxLinks, size: 'max' },
    ),
  });
}

const itemIdAt = (index: number): string => `i${index}`;

function buildBoard(spec: BoardSpec): BoardBuilder {
  const board = new BoardBuilder();
  spec.items.forEach((item, index) => board.item(itemIdAt(index), item.kind, { ...item.fields, text: item.text }));
  for (const link of spec.links) {
    const from = itemIdAt(link.from % spec.items.length);
    const to = itemIdAt(link.to % spec.items.length);
    board.link(link.kind, from, to, link.polarity ? { polarity: link.polarity } : {});
  }
  return board;
}

/** The interlinkage edges, decided from the link table directly (not through graph.ts). */
function interlinkageLinks(view: BoardView): LinkView[] {
  const kindOf = (id: ItemId) => view.items.get(id)?.knownKind;
  return [...view.links.values()].filter(
    (link) =>
      kindOf(link.to) === 'threat' &&
      ((link.knownKind === 'amplifies' && kindOf(link.from) === 'threat') ||
        (link.knownKind === 'causes' && (kindOf(link.from) === 'threat' || kindOf(link.from) === 'root-cause'))),
  );
}

/** Every elementary cycle by exhaustive search, each from its smallest id: keys `items|links`. */
function bruteForceCycles(view: BoardView): { readonly key: string; readonly length: number }[] {
  const edges = interlinkageLinks(view);
  const found: { key: string; length: number }[] = [];
  const nodes = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))].sort();
  for (const start of nodes) {
    const walk = (at: ItemId, items: ItemId[], links: LinkId[]): void => {
      for (const edge of edges) {
        if (edge.from !== at) continue;
        if (edge.to === start) found.push({ key: `${items.join(',')}|${[...links, edge.id].join(',')}`, length: links.length + 1 });
        else if (edge.to > start && !items.includes(edge.to)) walk(edge.to, [...items, edge.to], [...links, edge.id]);
      }
    };
    walk(start, [start], []);
  }
  return found;
}

const loopKey = (loop: Loop): string => `${loop.items.join(',')}|${loop.links.join(',')}`;

/** The same view with its maps and problems in reverse order: what another replica may iterate. */
function reversed(view: BoardView): BoardView {
  return { ...view, items: new Map([...view.items].reverse()), links: new Map([...view.links].reverse()), problems: [...view.problems].reverse() };
}

describe('analysis properties', () => {
  it('reports loops that are cycles of the graph, of the right kind, exactly those a brute force finds', () => {
    const options = fc.record({ maxLoops: fc.integer({ min: 0, max: 30 }), maxLoopLength: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(boardSpec({ maxItems: 7, maxLinks: 24, threats: 10, rootCauses: 2, others: 2 }), options, (spec, caps) => {
        const view = buildBoard(spec).view();
        const edges = new Map(interlinkageLinks(view).map((link) => [link.id, link]));
        for (const { maxLoops, maxLoopLength } of [{ maxLoops: 100_000, maxLoopLength: 12 }, caps]) {
          const { loops, truncated } = analyseBoard(view, { maxLoops, maxLoopLength }).loops;
          for (const loop of loops) {
            expect(loop.links.length).toBe(loop.items.length);
            expect(new Set(loop.items).size).toBe(loop.items.length);
            expect([...loop.items].sort()[0]).toBe(loop.items[0]);
            loop.links.forEach((id, i) => {
              const link = edges.get(id);
              expect(link?.from).toBe(loop.items[i]);
              expect(link?.to).toBe(loop.items[(i + 1) % loop.items.length]);
            });
            const negative = loop.links.filter((id) => edges.get(id)?.polarity === '-').length;
            expect(loop.kind).toBe(negative % 2 === 1 ? 'balancing' : 'reinforcing');
          }
          const all = bruteForceCycles(view);
          const withinCap = all.filter((cycle) => cycle.length <= maxLoopLength).map((cycle) => cycle.key);
          expect(truncated).toBe(withinCap.length > maxLoops || all.length > withinCap.length);
          const keys = loops.map(loopKey);
          if (withinCap.length <= maxLoops) expect(new Set(keys)).toEqual(new Set(withinCap));
          else expect(keys.every((key) => withinCap.includes(key))).toBe(true);
          expect(keys.length).toBe(Math.min(withinCap.length, maxLoops));
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists as unaddressed exactly the threats no response addresses, whatever the map order', () => {
    fc.assert(
      fc.property(boardSpec({ maxItems: 10, maxLinks: 25, threats: 3, rootCauses: 1, others: 6 }), (spec) => {
        const view = buildBoard(spec).view();
        const analysis = analyseBoard(view);
        const addressed = new Set(
          [...view.links.values()]
            .filter((link) => link.knownKind === 'addresses' && view.items.get(link.from)?.knownKind === 'response')
            .map((link) => link.to),
        );
        const threats = [...view.items.values()].filter((item) => item.knownKind === 'threat');
        for (const threat of threats) {
          expect(analysis.gaps.unaddressedThreats.includes(threat.id)).toBe(!addressed.has(threat.id));
        }
        expect(analysis.gaps.unaddressedThreats.length).toBe(threats.filter((threat) => !addressed.has(threat.id)).length);
        expect(analyseBoard(reversed(view))).toEqual(analysis);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any board the tolerant reader accepts', () => {
    fc.assert(
      fc.property(junkBoardSpec, (spec) => {
        const doc = buildJunkBoard(spec);
        const view = readBoard(doc);
        const analysis = analyseBoard(view);
        expect(analyseBoard(reversed(view))).toEqual(analysis);
        expect(analysis.summary.items).toBe(view.items.size);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same analysis on replicas that merged concurrent commands in either order', () => {
    const pool = ['a', 'b', 'c', 'd', 'e'];
    const itemId = fc.constantFrom(...pool).map(asItemId);
    const command = fc.oneof(
      { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), id: itemId, kind: fc.constantFrom<ItemKind>('threat', 'root-cause', 'response', 'actor', 'capacity', 'indicator'), text, fields: itemFields }) },
      { weight: 4, arbitrary: fc.record({ op: fc.constant('link' as const), id: fc.constantFrom('k', 'l', 'm', 'n').map(asLinkId), kind: fc.constantFrom(...LINK_KINDS), from: itemId, to: itemId, polarity }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('update' as const), id: itemId, fields: itemFields }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('text' as const), id: itemId, text }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), id: itemId }) },
    );
    type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;
    const run = (doc: Y.Doc, c: Command): void => {
      switch (c.op) {
        case 'add': return void addItem(doc, { ...c.fields, id: c.id, kind: c.kind, x: 0, y: 0, text: c.text, createdAt: 1 });
        case 'link': return void linkItems(doc, { id: c.id, kind: c.kind, from: c.from, to: c.to, ...(c.polarity ? { polarity: c.polarity } : {}) });
        case 'update': return void updateItem(doc, c.id, c.fields);
        case 'text': return void setItemText(doc, c.id, c.text);
        case 'delete': return deleteItems(doc, [c.id]);
      }
    };
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), fc.array(command, { maxLength: 20 }), fc.array(command, { maxLength: 20 }), (shared, onA, onB) => {
        const origin = new Y.Doc();
        for (const c of shared) run(origin, c);
        const start = Y.encodeStateAsUpdate(origin);
        const [peerA, peerB] = [1, 2].map((clientID) => {
          const doc = new Y.Doc();
          doc.clientID = clientID;
          Y.applyUpdate(doc, start);
          return doc;
        }) as [Y.Doc, Y.Doc];
        for (const c of onA) run(peerA, c);
        for (const c of onB) run(peerB, c);
        const [updateA, updateB] = [Y.encodeStateAsUpdate(peerA), Y.encodeStateAsUpdate(peerB)];
        const merged = (first: Uint8Array, second: Uint8Array): Y.Doc => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, first);
          Y.applyUpdate(doc, second);
          return doc;
        };
        const aThenB = analyseBoard(readBoard(merged(updateA, updateB)));
        const bThenA = analyseBoard(readBoard(merged(updateB, updateA)));
        expect(aThenB).toEqual(bThenA);
      }),
      { numRuns: 200 },
    );
  });
});

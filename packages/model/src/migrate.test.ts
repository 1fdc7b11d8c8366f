// Schema migrations: the committed version-0 fixture comes out as a clean schema-1 board, with
// nothing lost; migrating is one transaction, writes nothing when there is nothing to do, never
// downgrades, and two replicas migrating at once converge on the board one migration gives.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, getItemText, initBoard, readSchemaVersion } from './document.js';
import { asItemId, asLinkId } from './ids.js';
import { MIGRATIONS, migrateBoard, planMigrations, type Migration } from './migrate.js';
import { readBoard } from './read.js';
import { fillMap, mapSpec, type MapSpec } from './testing/arbitraries.js';
import { V0_FIXTURE_URL, buildV0Board } from './testing/fixtures/build-v0.js';
import { normalizeBoard } from './testing/normalize.js';
import { seedBoard, unknownData } from './testing/seed.js';
import { recordTransactions } from './testing/transactions.js';
import { SCHEMA_VERSION } from './vocabulary.js';

const fixtureUpdate = (): Uint8Array => readFileSync(V0_FIXTURE_URL);

function fixtureDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fixtureUpdate());
  return doc;
}

/**
 * A document's top-level maps as sorted [key, value] lists: unlike toJSON, a peer's key such as
 * `__proto__` stays data, and Y.Map order (which differs between replicas) does not matter.
 */
function plain(value: unknown): unknown {
  if (value instanceof Y.Map) {
    return [...(value as Y.Map<unknown>).entries()].map(([key, v]) => [key, plain(v)]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  }
  if (value instanceof Y.Array) return (value as Y.Array<unknown>).toArray().map(plain);
  if (value instanceof Y.Text) return { text: value.toString() };
  return value;
}
const contents = (doc: Y.Doc) => ['meta', 'items', 'edges', 'links'].map((name) => [name, plain(doc.getMap(name))]);

describe('the version-0 fixture', () => {
  it('holds what build-v0.ts builds (rebuild it if this fails)', () => {
    expect(contents(fixtureDoc())).toEqual(contents(buildV0Board()));
  });

  it('is a prototype board', () => {
    const doc = fixtureDoc();
    expect(readSchemaVersion(doc)).toBeUndefined();
    expect(doc.getMap('edges').size).toBe(5);
    expect(boardMaps(doc).links.size).toBe(0);
  });
});

describe('migrating the version-0 fixture', () => {
  function migrated() {
    const doc = fixtureDoc();
    const result = migrateBoard(doc, 'migration');
    return { doc, result, view: readBoard(doc) };
  }

  it('reports what it did', () => {
    expect(migrated().result).toEqual({ outcome: 'migrated', from: 0, to: 1, steps: [MIGRATIONS[0]?.describe] });
  });

  it('leaves only the problems the fixture means to have', () => {
    expect(migrated().view.problems.map((p) => `${p.target}:${p.id}:${p.code}`)).toEqual([
      'item:s1:unknown-kind', 'link:e5:wrong-link-ends',
    ]);
  });

  it('moves every field to its schema-1 place and keeps the unknown ones', () => {
    const { doc, view } = migrated();
    const item = (id: string) => view.items.get(asItemId(id));
    expect(view.title).toBe('Sahel prototype workshop');
    expect(item('t1')).toEqual({
      id: 't1', kind: 'threat', knownKind: 'threat', x: 0, y: 0, w: 180, h: 100, text: 'Prolonged drought',
      sensitivity: 'public', dimensions: ['environmental'], severity: 4, likelihood: 3, onset: 'chronic', extra: { votes: 3 },
    });
    expect(item('t2')).toMatchObject({ dimensions: ['food'], severity: 5, likelihood: 2, extra: { risk: { confidence: 'low' } } });
    expect(item('r1')).toMatchObject({ kind: 'response', text: 'Community grain banks', strategy: 'empowerment', sensitivity: 'restricted', extra: {} });
    expect(item('a1')).toMatchObject({ kind: 'actor', level: 'local', sector: 'government', extra: {} });
    expect(item('s1')).toMatchObject({
      kind: 'sticker', text: 'Ask about wells',
      extra: { emoji: '💧', comments: [{ by: 'Ibrahim', text: 'the borehole at Kidal' }] },
    });
    expect(item('s1')?.knownKind).toBeUndefined();
    for (const id of view.items.keys()) expect(getItemText(doc, id)).toBeInstanceOf(Y.Text);
    for (const item of view.items.values()) {
      for (const v0Field of ['type', 'dimension']) expect(item.extra).not.toHaveProperty(v0Field);
    }
  });

  it('turns every edge into a link and keeps its unknown fields', () => {
    const { doc, view } = migrated();
    const link = (id: string) => view.links.get(asLinkId(id));
    expect(link('e1')).toEqual({ id: 'e1', kind: 'amplifies', knownKind: 'amplifies', from: 't1', to: 't2', polarity: '+', extra: {} });
    expect(link('e2')).toMatchObject({ kind: 'affects', from: 't2', to: 'g1', label: 'hits hardest', extra: {} });
    expect(link('e3')).toMatchObject({ kind: 'addresses', from: 'r1', to: 't2' });
    expect(link('e4')).toMatchObject({ kind: 'responsible', from: 'a1', to: 'r1', extra: { weight: 2, notes: ['agreed on day 2'] } });
    expect(boardMaps(doc).links.get('e4')?.get('notes')).toBeInstanceOf(Y.Array);
    expect(link('e5')).toMatchObject({ kind: 'responsible', from: 'g1', to: 'r1' });
    expect(doc.getMap('edges').size).toBe(0);
  });

  it('sets the schema, drops the prototype version and keeps unknown meta fields', () => {
    const { meta } = boardMaps(migrated().doc);
    expect(meta.toJSON()).toEqual({ schema: SCHEMA_VERSION, title: 'Sahel prototype workshop', facilitator: 'Ngozi' });
  });

  it('runs as one transaction with the given origin, sending one update', () => {
    const doc = fixtureDoc();
    const log = recordTransactions(doc);
    migrateBoard(doc, 'migration');
    expect(log.transactions).toEqual(['migration']);
    expect(log.updates).toEqual(['migration']);
  });

  it('does nothing the second time', () => {
    const { doc } = migrated();
    const log = recordTransactions(doc);
    expect(migrateBoard(doc, 'again')).toEqual({ outcome: 'current', version: SCHEMA_VERSION });
    expect(log.transactions).toEqual([]);
  });
});

describe('boards that need no migration', () => {
  it('leaves a schema-1 board alone: no transaction, no update, unknown data intact', () => {
    const doc = new Y.Doc();
    seedBoard(doc);
    const before = unknownData(doc);
    const state = Y.encodeStateVector(doc);
    const log = recordTransactions(doc);
    expect(migrateBoard(doc)).toEqual({ outcome: 'current', version: 1 });
    expect(log.transactions).toEqual([]);
    expect(log.updates).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(state);
    expect(unknownData(doc)).toEqual(before);
  });

  it.each([
    ['an empty doc', (_doc: Y.Doc) => undefined],
    ['a doc with only a title', (doc: Y.Doc) => boardMaps(doc).meta.set('title', 'Fresh')],
  ])('treats %s as new and writes nothing', (_name, prepare) => {
    const doc = new Y.Doc();
    prepare(doc);
    const log = recordTransactions(doc);
    expect(migrateBoard(doc)).toEqual({ outcome: 'new' });
    expect(log.transactions).toEqual([]);
    expect(readSchemaVersion(doc)).toBeUndefined();
  });

  it('never downgrades a board of a newer schema, and reports it', () => {
    const doc = new Y.Doc();
    const { meta, items } = boardMaps(doc);
    meta.set('schema', SCHEMA_VERSION + 1);
    items.set('x', new Y.Map<unknown>([['type', 'threat'], ['text', 'plain']]));
    const before = contents(doc);
    const log = recordTransactions(doc);
    expect(migrateBoard(doc)).toEqual({ outcome: 'newer', newer: true, version: SCHEMA_VERSION + 1 });
    expect(log.transactions).toEqual([]);
    expect(contents(doc)).toEqual(before);
  });

  it.each(['1', 1.5, -1, null, { v: 1 }])('leaves a board whose schema is %j untouched', (schema) => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('schema', schema);
    boardMaps(doc).items.set('x', new Y.Map<unknown>([['type', 'threat']]));
    const log = recordTransactions(doc);
    expect(migrateBoard(doc)).toEqual({ outcome: 'unreadable', schema });
    expect(log.transactions).toEqual([]);
  });
});

describe('shapes the prototype never wrote', () => {
  function v0(build: (maps: { items: Y.Map<unknown>; edges: Y.Map<unknown>; links: Y.Map<unknown> }) => void): Y.Doc {
    const doc = new Y.Doc();
    build({ items: doc.getMap('items'), edges: doc.getMap('edges'), links: doc.getMap('links') });
    migrateBoard(doc);
    return doc;
  }

  it('keeps them where they are rather than guess', () => {
    const doc = v0(({ items, edges, links }) => {
      items.set('both', new Y.Map<unknown>([['kind', 'threat'], ['type', 'group'], ['dimension', 'food'], ['dimensions', ['health']]]));
      items.set('numeric', new Y.Map<unknown>([['type', 7], ['text', 12], ['dimension', ['food']], ['risk', [4, 3]]]));
      items.set('kept', new Y.Map<unknown>([['type', 'threat'], ['risk', { severity: 2 }], ['severity', 5]]));
      items.set('not-a-map', 'a string');
      edges.set('text-edge', 'a -> b');
      edges.set('taken', new Y.Map<unknown>([['type', 'relates'], ['source', 'a'], ['target', 'b']]));
      links.set('taken', new Y.Map<unknown>([['kind', 'causes'], ['from', 'c'], ['to', 'd']]));
      edges.set('renamed-twice', new Y.Map<unknown>([['type', 'relates'], ['kind', 'causes'], ['source', 'a'], ['target', 'b']]));
    });
    const { items, links } = boardMaps(doc);
    expect(items.get('both')?.toJSON()).toEqual({ kind: 'threat', type: 'group', dimension: 'food', dimensions: ['health'] });
    expect(items.get('numeric')?.toJSON()).toEqual({ type: 7, text: 12, dimension: ['food'], risk: [4, 3] });
    expect(items.get('kept')?.toJSON()).toEqual({ kind: 'threat', risk: { severity: 2 }, severity: 5 });
    expect(items.get('not-a-map')).toBe('a string');
    expect(doc.getMap('edges').toJSON()).toEqual({ 'text-edge': 'a -> b', taken: { type: 'relates', source: 'a', target: 'b' } });
    expect(links.get('taken')?.toJSON()).toEqual({ kind: 'causes', from: 'c', to: 'd' });
    expect(links.get('renamed-twice')?.toJSON()).toEqual({ kind: 'causes', type: 'relates', from: 'a', to: 'b' });
  });

  it('keeps a meta version other than the prototype one', () => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('version', 'beta-3');
    boardMaps(doc).items.set('x', new Y.Map<unknown>([['type', 'note']]));
    migrateBoard(doc);
    expect(boardMaps(doc).meta.toJSON()).toEqual({ version: 'beta-3', schema: 1 });
  });
});

describe('two replicas migrating at once', () => {
  const REMOTE = 'remote';

  function replicaOf(update: Uint8Array): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update, REMOTE);
    return doc;
  }

  /** Both migrate the same state, then exchange what they did. */
  function migrateConcurrently(update: Uint8Array): [Y.Doc, Y.Doc] {
    const a = replicaOf(update);
    const b = replicaOf(update);
    const beforeA = Y.encodeStateVector(a);
    const beforeB = Y.encodeStateVector(b);
    migrateBoard(a);
    migrateBoard(b);
    const fromA = Y.encodeStateAsUpdate(a, beforeA);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, beforeB), REMOTE);
    Y.applyUpdate(b, fromA, REMOTE);
    return [a, b];
  }

  function migratedOnce(update: Uint8Array): Y.Doc {
    const doc = replicaOf(update);
    migrateBoard(doc);
    return doc;
  }

  it('read as the board one migration gives, on both', () => {
    const [a, b] = migrateConcurrently(fixtureUpdate());
    const once = normalizeBoard(readBoard(migratedOnce(fixtureUpdate())));
    expect(normalizeBoard(readBoard(a))).toEqual(once);
    expect(normalizeBoard(readBoard(b))).toEqual(once);
    expect(contents(a)).toEqual(contents(b));
    expect(migrateBoard(a)).toEqual({ outcome: 'current', version: SCHEMA_VERSION });
  });

  it('a replica that received the migration first has nothing left to do', () => {
    const a = fixtureDoc();
    const b = fixtureDoc();
    migrateBoard(a);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const log = recordTransactions(b);
    expect(migrateBoard(b)).toEqual({ outcome: 'current', version: SCHEMA_VERSION });
    expect(log.transactions).toEqual([]);
  });

  // Random prototype boards: prototype and schema-1 field names, random values, random edges.
  const V0_ITEM_FIELDS = ['type', 'kind', 'text', 'dimension', 'dimensions', 'risk', 'severity', 'likelihood', 'x', 'y', 'votes'];
  const V0_EDGE_FIELDS = ['type', 'kind', 'source', 'target', 'from', 'to', 'label', 'weight'];
  const riskSpec = fc.record({ severity: fc.integer({ min: 0, max: 6 }), likelihood: fc.integer({ min: 1, max: 5 }), note: fc.string({ maxLength: 3 }) }, { requiredKeys: [], noNullPrototype: true });
  const v0Board = fc.record({
    items: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), mapSpec(V0_ITEM_FIELDS), fc.option(riskSpec, { nil: undefined })), { maxLength: 4 }),
    edges: fc.array(fc.tuple(fc.constantFrom('k', 'l'), mapSpec(V0_EDGE_FIELDS)), { maxLength: 3 }),
    links: fc.array(fc.tuple(fc.constantFrom('l', 'm'), mapSpec(['kind', 'from', 'to'])), { maxLength: 2 }),
  });

  interface V0Spec {
    readonly items: ReadonlyArray<readonly [string, MapSpec, Record<string, unknown> | undefined]>;
    readonly edges: ReadonlyArray<readonly [string, MapSpec]>;
    readonly links: ReadonlyArray<readonly [string, MapSpec]>;
  }

  function build(spec: V0Spec): Uint8Array {
    const doc = new Y.Doc();
    for (const [id, fields, risk] of spec.items) {
      const map = new Y.Map<unknown>();
      doc.getMap<unknown>('items').set(id, map);
      fillMap(map, fields);
      if (risk) map.set('risk', risk);
    }
    for (const [name, entries] of [['edges', spec.edges], ['links', spec.links]] as const) {
      for (const [id, fields] of entries) {
        const map = new Y.Map<unknown>();
        doc.getMap<unknown>(name).set(id, map);
        fillMap(map, fields);
      }
    }
    return Y.encodeStateAsUpdate(doc);
  }

  it('converge on any prototype board', () => {
    fc.assert(
      fc.property(v0Board, (spec) => {
        const update = build(spec);
        const [a, b] = migrateConcurrently(update);
        const once = migratedOnce(update);
        expect(contents(a)).toEqual(contents(once));
        expect(contents(b)).toEqual(contents(once));
        expect(normalizeBoard(readBoard(a))).toEqual(normalizeBoard(readBoard(once)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the migration list', () => {
  it('reaches SCHEMA_VERSION from the prototype, one version at a time', () => {
    expect(planMigrations(0, SCHEMA_VERSION).map((m) => [m.from, m.to])).toEqual([[0, 1]]);
  });

  it('runs several steps in order in one transaction', () => {
    const ran: string[] = [];
    const step = (from: number, to: number): Migration => ({
      from, to, describe: `${from}->${to}`,
      migrate: (doc) => {
        ran.push(`${from}->${to}`);
        boardMaps(doc).meta.set(`step${to}`, true);
      },
    });
    const doc = new Y.Doc();
    initBoard(doc, 'Old');
    boardMaps(doc).meta.set('schema', 1);
    const log = recordTransactions(doc);
    const result = migrateBoard(doc, 'migration', [step(2, 3), step(1, 2)], 3);
    expect(result).toEqual({ outcome: 'migrated', from: 1, to: 3, steps: ['1->2', '2->3'] });
    expect(ran).toEqual(['1->2', '2->3']);
    expect(log.transactions).toEqual(['migration']);
    expect(boardMaps(doc).meta.toJSON()).toMatchObject({ schema: 3, step2: true, step3: true });
  });

  it('refuses a list with a gap before writing anything', () => {
    const doc = fixtureDoc();
    const log = recordTransactions(doc);
    expect(() => migrateBoard(doc, null, [], 1)).toThrow(/no migration from schema 0/);
    expect(log.transactions).toEqual([]);
  });
});

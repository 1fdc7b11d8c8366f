// Brings a stored board up to the schema this version writes (`meta.schema`, SCHEMA_VERSION).
//
// Every migration is written to be idempotent and convergent, because a board may be migrated
// by two replicas at once (two server nodes loading it together) before they merge:
// - it only rewrites what is still in the old shape, so running it again changes nothing;
// - it writes the same values from the same state on every replica, so wherever two replicas
//   both wrote a key, whichever write Yjs keeps holds the same content.
// The one thing convergence cannot save is an edit made inside a Y.Text or Y.Map that one replica
// created while the other created its own twin: Yjs keeps one of the two. The server therefore
// migrates a board before it serves anyone (see server/src/rooms/migration.ts).
//
// Version 0 is the pre-release prototype's format (the first workshops, before CONTRACT.md):
//
//   meta  = doc.getMap('meta')   `version: 0` (or nothing); no `schema`; `title` as in schema 1
//   items = doc.getMap('items')  id -> Y.Map, as in schema 1 except:
//             `type`       the item kind (schema 1: `kind`)
//             `text`       a plain string: the prototype had no shared editing inside a card
//                          (schema 1: a Y.Text)
//             `dimension`  one dimension name (schema 1: a `dimensions` array)
//             `risk`       a plain object { severity, likelihood } (schema 1: two item fields)
//   edges = doc.getMap('edges')  id -> Y.Map with `type`, `source`, `target` (schema 1: a map
//                          `links` with `kind`, `from`, `to`); `label`, `polarity` as in schema 1
//
// Any other field, on meta, an item or an edge, is carried over untouched, and so is a value
// in a shape the prototype never wrote (a numeric `type`, a non-map edge): the tolerant reader
// reports it, and nobody's data is lost to a guess.
import * as Y from 'yjs';
import { boardMaps } from './document.js';
import { SCHEMA_VERSION } from './vocabulary.js';

export interface Migration {
  readonly from: number;
  readonly to: number;
  /** What the step does, for the server's log. */
  readonly describe: string;
  /** Runs inside migrateBoard's transaction; must never throw, whatever the board holds. */
  migrate(doc: Y.Doc): void;
}

export type MigrationResult =
  /** Steps ran, in one transaction: the board is now at `to`. */
  | { readonly outcome: 'migrated'; readonly from: number; readonly to: number; readonly steps: readonly string[] }
  /** Already at the target version: nothing written. */
  | { readonly outcome: 'current'; readonly version: number }
  /** Written by a newer version: left untouched (never downgraded) for that version to read. */
  | { readonly outcome: 'newer'; readonly newer: true; readonly version: number }
  /** No schema and nothing on it: a board about to be initialised, not an old one. */
  | { readonly outcome: 'new' }
  /** `meta.schema` holds something that is no version: left untouched rather than guessed at. */
  | { readonly outcome: 'unreadable'; readonly schema: unknown };

/** v0 prototype edge fields and their schema-1 names (a Map: a peer's key may be `toString`). */
const RENAMED_EDGE_FIELDS: ReadonlyMap<string, string> = new Map([['type', 'kind'], ['source', 'from'], ['target', 'to']]);
/** The fields of the v0 `risk` object that became item fields. */
const RISK_FIELDS = ['severity', 'likelihood'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A value to write under another key: a shared type can live in one place only, so it is copied. */
const movable = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.clone() : value);

function migratePrototypeItem(item: Y.Map<unknown>): void {
  const type = item.get('type');
  if (!item.has('kind') && typeof type === 'string') {
    item.set('kind', type);
    item.delete('type');
  }
  const text = item.get('text');
  if (typeof text === 'string') item.set('text', new Y.Text(text));
  const dimension = item.get('dimension');
  if (!item.has('dimensions') && typeof dimension === 'string') {
    item.set('dimensions', [dimension]);
    item.delete('dimension');
  }
  const risk = item.get('risk');
  if (!isPlainObject(risk)) return;
  // Only what the item does not have already moves out; whatever else `risk` holds stays in it.
  const moving = RISK_FIELDS.filter((field) => risk[field] !== undefined && !item.has(field));
  if (moving.length === 0) return;
  for (const field of moving) item.set(field, risk[field]);
  const rest = Object.fromEntries(Object.entries(risk).filter(([key]) => !(moving as readonly string[]).includes(key)));
  if (Object.keys(rest).length === 0) item.delete('risk');
  else item.set('risk', rest);
}

function migratePrototypeEdges(doc: Y.Doc): void {
  const edges = doc.getMap<unknown>('edges');
  const { links } = boardMaps(doc);
  for (const [id, edge] of [...edges.entries()]) {
    // A link already under that id would be overwritten: leave the edge where it is instead.
    if (!(edge instanceof Y.Map) || links.has(id)) continue;
    const link = new Y.Map<unknown>();
    links.set(id, link);
    const fields = edge as Y.Map<unknown>;
    for (const [key, value] of fields.entries()) {
      const renamed = RENAMED_EDGE_FIELDS.get(key);
      link.set(renamed !== undefined && !fields.has(renamed) ? renamed : key, movable(value));
    }
    edges.delete(id);
  }
}

const prototypeToSchema1: Migration = {
  from: 0,
  to: 1,
  describe: 'prototype board: type -> kind, plain text -> shared text, dimension -> dimensions, risk -> severity and likelihood, edges -> links',
  migrate(doc) {
    const { meta, items } = boardMaps(doc);
    if (meta.get('version') === 0) meta.delete('version');
    for (const item of items.values()) {
      if (item instanceof Y.Map) migratePrototypeItem(item);
    }
    migratePrototypeEdges(doc);
  },
};

/** Every migration, in order; each `to` is the next one's `from`, and the last reaches SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [prototypeToSchema1];

/** The steps from `from` to `to`. Throws if the list has a gap: a bug to catch before anything is written. */
export function planMigrations(from: number, to: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const plan: Migration[] = [];
  for (let version = from; version !== to; ) {
    const step = migrations.find((migration) => migration.from === version && migration.to > version && migration.to <= to);
    if (!step) throw new Error(`no migration from schema ${version} towards ${to}`);
    plan.push(step);
    version = step.to;
  }
  return plan;
}

type StoredVersion = number | 'new' | { readonly unreadable: unknown };

/** The version a board is at; a board without `meta.schema` is version 0, unless it is empty. */
function storedVersion(doc: Y.Doc): StoredVersion {
  const { meta, items, links } = boardMaps(doc);
  const schema = meta.get('schema');
  if (schema === undefined) {
    const empty = items.size === 0 && links.size === 0 && doc.getMap('edges').size === 0;
    return empty ? 'new' : 0;
  }
  return typeof schema === 'number' && Number.isInteger(schema) && schema >= 0 ? schema : { unreadable: schema };
}

/**
 * Runs every migration the board needs, in ONE transaction with `origin` (so peers and the store
 * get a single update, and never a half-migrated board), then sets `meta.schema`. Writes nothing
 * at all when there is nothing to do.
 */
export function migrateBoard(
  doc: Y.Doc,
  origin: unknown = null,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrationResult {
  const version = storedVersion(doc);
  if (version === 'new') return { outcome: 'new' };
  if (typeof version !== 'number') return { outcome: 'unreadable', schema: version.unreadable };
  if (version > target) return { outcome: 'newer', newer: true, version };
  if (version === target) return { outcome: 'current', version };
  const plan = planMigrations(version, target, migrations);
  doc.transact(() => {
    for (const step of plan) step.migrate(doc);
    boardMaps(doc).meta.set('schema', target);
  }, origin);
  return { outcome: 'migrated', from: version, to: target, steps: plan.map((step) => step.describe) };
}

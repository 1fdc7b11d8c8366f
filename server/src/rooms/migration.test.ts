// A board stored in an older schema is migrated when its room loads, before anyone is served,
// and the migration is stored like any client's update: a later load finds it on disk.
import { readBoard, readSchemaVersion, SCHEMA_VERSION, initBoard, asItemId, asLinkId } from '@interlink/model';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SqliteStore } from '../persistence/sqlite.js';
import type { DocStore, StoredDoc } from '../persistence/types.js';
import { RoomManager } from './manager.js';

const RECORD = { title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } };

/** A small board in the prototype's format (version 0, see packages/model/src/migrate.ts). */
function prototypeBoard(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Prototype');
    const threat = new Y.Map<unknown>();
    doc.getMap('items').set('t1', threat);
    for (const [key, value] of Object.entries({ type: 'threat', x: 0, y: 0, w: 100, h: 60, text: 'Drought', dimension: 'food', risk: { severity: 4, likelihood: 2 }, votes: 3 })) threat.set(key, value);
    const group = new Y.Map<unknown>();
    doc.getMap('items').set('g1', group);
    for (const [key, value] of Object.entries({ type: 'group', x: 0, y: 100, w: 100, h: 60, text: 'Herders' })) group.set(key, value);
    const edge = new Y.Map<unknown>();
    doc.getMap('edges').set('e1', edge);
    for (const [key, value] of Object.entries({ type: 'affects', source: 't1', target: 'g1' })) edge.set(key, value);
  });
  return Y.encodeStateAsUpdate(doc);
}

function schema1Board(): Uint8Array {
  const doc = new Y.Doc();
  initBoard(doc, 'Current');
  return Y.encodeStateAsUpdate(doc);
}

function replay(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Collects the log lines, to see what the server said about each board. */
function capturingLog() {
  const lines: Array<{ msg: string; board?: string }> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
  return { log, messages: () => lines.map((line) => line.msg) };
}

const OPTIONS = { idleMs: 60_000, compactAfterUpdates: 500, compactAfterBytes: 1 << 20 };

describe('migrating a board when its room loads', () => {
  let dir: string;
  let store: SqliteStore;
  const managers: RoomManager[] = [];

  const manager = (docStore: DocStore = store, log = pino({ level: 'silent' })) => {
    const created = new RoomManager(docStore, { ...OPTIONS, log });
    managers.push(created);
    return created;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-migration-'));
    store = new SqliteStore(dir);
  });

  afterEach(async () => {
    await Promise.all(managers.splice(0).map((m) => m.closeAll()));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a prototype board at the current schema, and stores the migration', async () => {
    store.createBoard({ id: 'old', ...RECORD }, prototypeBoard());
    const { log, messages } = capturingLog();
    const room = await manager(store, log).acquire('old');

    expect(readSchemaVersion(room.doc)).toBe(SCHEMA_VERSION);
    const view = readBoard(room.doc);
    expect(view.problems).toEqual([]);
    expect(view.items.get(asItemId('t1'))).toMatchObject({ kind: 'threat', text: 'Drought', dimensions: ['food'], severity: 4, likelihood: 2, extra: { votes: 3 } });
    expect(view.links.get(asLinkId('e1'))).toMatchObject({ kind: 'affects', from: 't1', to: 'g1' });
    expect(messages()).toContain('board migrated');

    // On disk before the room was handed out: the creation update and the migration.
    const stored = store.load('old');
    expect(stored.updates).toHaveLength(2);
    expect(readSchemaVersion(replay(stored))).toBe(SCHEMA_VERSION);
  });

  it('finds the migration on disk after a restart and does not migrate again', async () => {
    store.createBoard({ id: 'old', ...RECORD }, prototypeBoard());
    const first = manager();
    await first.acquire('old');
    await first.closeAll();
    store.close();

    store = new SqliteStore(dir);
    const lastSeq = store.load('old').lastSeq;
    const { log, messages } = capturingLog();
    const room = await manager(store, log).acquire('old');
    expect(readSchemaVersion(room.doc)).toBe(SCHEMA_VERSION);
    expect(readBoard(room.doc).items.get(asItemId('t1'))?.kind).toBe('threat');
    expect(store.load('old').lastSeq).toBe(lastSeq);
    expect(messages()).not.toContain('board migrated');
  });

  it.each([
    ['a current board', schema1Board()],
    ['an empty board', Y.encodeStateAsUpdate(new Y.Doc())],
  ])('writes nothing for %s', async (_name, update) => {
    store.createBoard({ id: 'b', ...RECORD }, update);
    await manager().acquire('b');
    expect(store.load('b').lastSeq).toBe(1);
  });

  it('leaves a board of a newer schema as it is, and says so', async () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    doc.getMap('items').set('x', new Y.Map<unknown>([['type', 'threat']]));
    store.createBoard({ id: 'new', ...RECORD }, Y.encodeStateAsUpdate(doc));
    const { log, messages } = capturingLog();
    const room = await manager(store, log).acquire('new');
    expect(readSchemaVersion(room.doc)).toBe(SCHEMA_VERSION + 1);
    expect(room.doc.getMap('items').get('x')).toBeInstanceOf(Y.Map);
    expect((room.doc.getMap('items').get('x') as Y.Map<unknown>).get('type')).toBe('threat');
    expect(store.load('new').lastSeq).toBe(1);
    expect(messages()).toContain('board written by a newer version');
  });

  it('hands the room out only once an asynchronous store has the migration', async () => {
    store.createBoard({ id: 'old', ...RECORD }, prototypeBoard());
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow: DocStore = {
      load: (id) => store.load(id),
      append: async (id, update) => {
        await gate;
        return store.append(id, update);
      },
      compact: (id, through, state) => store.compact(id, through, state),
      release: (id) => store.release(id),
    };
    let handedOut = false;
    const acquired = manager(slow).acquire('old').then((room) => {
      handedOut = true;
      return room;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const handedOutBeforeStored = handedOut;
    open();
    expect(handedOutBeforeStored).toBe(false);
    const room = await acquired;
    expect(readSchemaVersion(room.doc)).toBe(SCHEMA_VERSION);
    expect(store.load('old').updates).toHaveLength(2);
  });

  it('refuses to serve a board whose migration could not be stored', async () => {
    store.createBoard({ id: 'old', ...RECORD }, prototypeBoard());
    const failing: DocStore = {
      load: (id) => store.load(id),
      append: () => {
        throw new Error('disk full');
      },
      compact: (id, through, state) => store.compact(id, through, state),
      release: (id) => store.release(id),
    };
    const rooms = manager(failing);
    await expect(rooms.acquire('old')).rejects.toThrow(/could not be stored/);
    expect(rooms.loadedCount).toBe(0);
    // Nothing half-done on disk: the next load starts from the prototype board again.
    expect(readSchemaVersion(replay(store.load('old')))).toBeUndefined();
  });
});

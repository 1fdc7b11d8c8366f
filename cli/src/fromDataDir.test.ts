// Reading DATA_DIR: a board in the prototype's schema is migrated in memory for the export and
// the database is left exactly as it was; a wrong directory or board is a clear failure.
import { parseBoardJsonText } from '@interlink/export';
import { addItem, initBoard } from '@interlink/model';
import { SQLITE_FILE_NAME, SqliteStore } from '@interlink/server/persistence/sqlite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ExportCommand } from './args.js';
import { ExportFailed } from './errors.js';
import { exportFromDataDir, loadBoardDoc } from './fromDataDir.js';

const record = (id: string) => ({ id, title: id, createdAt: 0, tokenHashes: { facilitator: new Uint8Array(32), participant: new Uint8Array(32), observer: new Uint8Array(32) } });

/** A board in the prototype's format (schema 0, packages/model/src/migrate.ts). */
function prototypeBoard(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Prototype');
    const threat = new Y.Map<unknown>();
    doc.getMap('items').set('t1', threat);
    for (const [key, value] of Object.entries({ type: 'threat', x: 0, y: 0, w: 100, h: 60, text: 'Drought', dimension: 'food' })) threat.set(key, value);
  });
  return Y.encodeStateAsUpdate(doc);
}

function currentBoard(): Uint8Array {
  const doc = new Y.Doc();
  initBoard(doc, 'Current');
  addItem(doc, { kind: 'note', x: 0, y: 0, text: 'Public note' });
  addItem(doc, { kind: 'actor', x: 0, y: 200, text: 'Informant', sensitivity: 'confidential' });
  return Y.encodeStateAsUpdate(doc);
}

const command = (board: string, overrides: Partial<ExportCommand> = {}): ExportCommand => ({
  board,
  format: 'json',
  out: '-',
  maxSensitivity: undefined,
  layout: {},
  source: { kind: 'data-dir', dir: '' },
  ...overrides,
});

describe('exporting from DATA_DIR', () => {
  let dir: string;
  const notes: string[] = [];
  const notify = (message: string): void => void notes.push(message);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-cli-'));
    const store = new SqliteStore(dir);
    store.createBoard(record('old'), prototypeBoard());
    store.createBoard(record('now'), currentBoard());
    store.close();
    notes.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates an old board in memory only: the export is in schema 1, the database is untouched', async () => {
    const before = readFileSync(join(dir, SQLITE_FILE_NAME));
    const json = await exportFromDataDir(command('old'), { kind: 'data-dir', dir }, notify);
    const parsed = parseBoardJsonText(typeof json === 'string' ? json : Buffer.from(json).toString('utf8'));
    if (!parsed.ok) throw new Error(`not an export: ${JSON.stringify(parsed)}`);
    expect(parsed.board.items).toEqual([expect.objectContaining({ id: 't1', kind: 'threat', text: 'Drought', dimensions: ['food'] })]);
    expect(notes).toEqual([expect.stringMatching(/stored in schema 0; exported after migrating it to 1 in memory/)]);
    expect(readFileSync(join(dir, SQLITE_FILE_NAME)).equals(before)).toBe(true);
    // Loaded again, it is still the prototype's board: nothing was stored.
    const again = loadBoardDoc(dir, 'old', notify);
    expect(again.getMap('items').get('t1')).toBeInstanceOf(Y.Map);
    expect((again.getMap('items').get('t1') as Y.Map<unknown>).get('type')).toBe('threat');
  });

  it('leaves confidential cards out by default, and in when asked (the operator has the files)', async () => {
    const texts = async (maxSensitivity: ExportCommand['maxSensitivity']): Promise<string[]> => {
      const json = await exportFromDataDir(command('now', { maxSensitivity }), { kind: 'data-dir', dir }, notify);
      const parsed = parseBoardJsonText(String(json));
      return parsed.ok ? parsed.board.items.map((item) => String(item.text)) : [];
    };
    expect(await texts(undefined)).toEqual(['Public note']);
    expect((await texts('confidential')).sort()).toEqual(['Informant', 'Public note']);
    expect(notes).toEqual([]);
  });

  it('fails clearly on an unknown board, a directory without a database, and a missing directory', async () => {
    await expect(exportFromDataDir(command('nope'), { kind: 'data-dir', dir }, notify)).rejects.toThrow(new ExportFailed(`no board with id nope in ${join(dir, SQLITE_FILE_NAME)}`));
    const empty = mkdtempSync(join(tmpdir(), 'interlink-cli-empty-'));
    try {
      await expect(exportFromDataDir(command('now'), { kind: 'data-dir', dir: empty }, notify)).rejects.toThrow(/no Interlink database in .*--data-dir must be the server's DATA_DIR/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    await expect(exportFromDataDir(command('now'), { kind: 'data-dir', dir: join(dir, 'missing') }, notify)).rejects.toThrow(/is not a directory/);
  });
});

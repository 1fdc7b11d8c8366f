import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SqliteStore } from '../persistence/sqlite.js';
import { Connection } from './connection.js';
import { RoomManager } from './manager.js';

const IDLE_MS = 30;

function openSocket(): WebSocket {
  return { OPEN: 1, CONNECTING: 0, readyState: 1, send() {}, close() {} } as unknown as WebSocket;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RoomManager', () => {
  let dir: string;
  let store: SqliteStore;
  let manager: RoomManager;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-manager-'));
    store = new SqliteStore(dir);
    store.createBoard(
      { id: 'b', title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    manager = new RoomManager(store, { idleMs: IDLE_MS, compactAfterUpdates: 500, compactAfterBytes: 1 << 20, log: pino({ level: 'silent' }) });
  });

  afterEach(async () => {
    await manager.closeAll();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a board once for concurrent first connections', async () => {
    const [first, second] = await Promise.all([manager.acquire('b'), manager.acquire('b')]);
    expect(first).toBe(second);
  });

  it('unloads a room once it has been idle, and loads a fresh one after', async () => {
    const room = await manager.acquire('b');
    manager.released(room);
    await sleep(IDLE_MS * 4);
    expect(manager.loadedCount).toBe(0);
    expect(await manager.acquire('b')).not.toBe(room);
  });

  it('keeps a room whose load was abandoned by one connection but joined by another', async () => {
    // Both connections wait for the same load; the first closes meanwhile and releases the room.
    const abandoning = manager.acquire('b').then((room) => manager.released(room));
    const joining = manager.acquire('b').then((room) => {
      manager.join(room, new Connection(openSocket(), 'participant', 'c2'));
      return room;
    });
    const [, room] = await Promise.all([abandoning, joining]);
    await sleep(IDLE_MS * 4);
    expect(manager.loadedCount).toBe(1);
    expect(room.connectionCount).toBe(1);
  });
});

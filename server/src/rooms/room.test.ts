import { CloseCode, MessageType, type Role } from '@interlink/protocol';
import * as encoding from 'lib0/encoding';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SqliteStore } from '../persistence/sqlite.js';
import type { DocStore, StoredDoc } from '../persistence/types.js';
import { Connection } from './connection.js';
import { Room } from './room.js';

/** A socket that records what the room sends, in one journal shared with the store. */
class RecordingSocket {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  closeCode: number | undefined;
  constructor(
    private readonly journal: string[],
    private readonly name: string,
  ) {}
  send(): void {
    this.journal.push(`send:${this.name}`);
  }
  close(code: number): void {
    this.closeCode = code;
    this.readyState = 3;
  }
}

class JournalingStore extends SqliteStore {
  failAppends = false;
  constructor(
    dir: string,
    private readonly journal: string[],
  ) {
    super(dir);
  }
  override append(boardId: string, update: Uint8Array): number {
    if (this.failAppends) throw new Error('disk full');
    const seq = super.append(boardId, update);
    this.journal.push(`append:${seq}`);
    return seq;
  }
}

/** A store whose appends stay pending until released, as PostgreSQL's do for a while. */
class SlowStore implements DocStore {
  private readonly pending: Array<() => void> = [];
  constructor(
    readonly inner: SqliteStore,
    private readonly journal: string[],
  ) {}
  load(boardId: string): StoredDoc {
    return this.inner.load(boardId);
  }
  append(boardId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve) =>
      this.pending.push(() => {
        const seq = this.inner.append(boardId, update);
        this.journal.push(`append:${seq}`);
        resolve(seq);
      }),
    );
  }
  compact(boardId: string, throughSeq: number, localState: () => Uint8Array): void {
    this.inner.compact(boardId, throughSeq, localState);
  }
  release(boardId: string): void {
    this.inner.release(boardId);
  }
  /** Lets every pending append reach the disk. */
  write(): void {
    for (const write of this.pending.splice(0)) write();
  }
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(awareness: Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

function cardUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('items').set('card', 'hello');
  return Y.encodeStateAsUpdate(doc);
}

describe('Room', () => {
  let dir: string;
  let journal: string[];
  let store: JournalingStore;
  let room: Room;
  let failures: number;

  const connect = (name: string, role: Role) => {
    const socket = new RecordingSocket(journal, name);
    const connection = new Connection(socket as unknown as WebSocket, role, name);
    room.join(connection);
    return { socket, connection };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-room-'));
    journal = [];
    failures = 0;
    store = new JournalingStore(dir, journal);
    store.createBoard(
      { id: 'b', title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    room = new Room('b', store, store.load('b'), {
      compactAfterUpdates: 500,
      compactAfterBytes: 1 << 20,
      log: pino({ level: 'silent' }),
      onFailure: () => (failures += 1),
    });
  });

  afterEach(async () => {
    await room.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends an update to the store before relaying it, and not back to its sender', () => {
    const writer = connect('writer', 'participant');
    connect('reader', 'participant');
    journal.length = 0;
    room.receive(writer.connection, syncUpdateFrame(cardUpdate()));
    expect(journal).toEqual(['append:2', 'send:reader']);
    expect(room.doc.getMap('items').get('card')).toBe('hello');
  });

  it('sends a joining client its state vector only once every update applied so far is on disk', async () => {
    const slowDir = mkdtempSync(join(tmpdir(), 'interlink-room-slow-'));
    const slow = new SlowStore(new SqliteStore(slowDir), journal);
    slow.inner.createBoard({ id: 's', title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } }, Y.encodeStateAsUpdate(new Y.Doc()));
    const slowRoom = new Room('s', slow, slow.load('s'), { compactAfterUpdates: 500, compactAfterBytes: 1 << 20, log: pino({ level: 'silent' }), onFailure: () => (failures += 1) });
    try {
      const writer = new Connection(new RecordingSocket(journal, 'writer') as unknown as WebSocket, 'participant', 'writer');
      slowRoom.join(writer);
      await slowRoom.flushed();
      slowRoom.receive(writer, syncUpdateFrame(cardUpdate()));
      journal.length = 0;
      // Clients count what the state vector covers as stored: it must wait for the pending append.
      slowRoom.join(new Connection(new RecordingSocket(journal, 'late') as unknown as WebSocket, 'participant', 'late'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(journal).toEqual([]);
      slow.write();
      await slowRoom.flushed();
      await new Promise((resolve) => setImmediate(resolve));
      // The update itself (relayed once stored, to everyone but its writer), then the state vector.
      expect(journal).toEqual(['append:2', 'send:late', 'send:late']);
    } finally {
      await slowRoom.close();
      slow.inner.close();
      rmSync(slowDir, { recursive: true, force: true });
    }
  });

  it("never applies, stores or relays an observer's update", () => {
    const observer = connect('observer', 'observer');
    connect('reader', 'participant');
    journal.length = 0;
    room.receive(observer.connection, syncUpdateFrame(cardUpdate()));
    expect(journal).toEqual([]);
    expect(room.doc.getMap('items').size).toBe(0);
  });

  it('closes a connection that sends a malformed frame with 1007 and leaves the room working', () => {
    const bad = connect('bad', 'participant');
    const good = connect('good', 'participant');
    connect('reader', 'participant');
    room.receive(bad.connection, new Uint8Array([0, 2, 5, 1, 2]));
    expect(bad.socket.closeCode).toBe(CloseCode.malformed);
    journal.length = 0;
    room.receive(good.connection, syncUpdateFrame(cardUpdate()));
    expect(journal).toContain('send:reader');
  });

  it("refuses an awareness update for another connection's clientID", () => {
    const alice = connect('alice', 'participant');
    const mallory = connect('mallory', 'participant');
    const aliceAwareness = new Awareness(new Y.Doc());
    aliceAwareness.setLocalState({ user: { name: 'Alice', color: '#f00' } });
    room.receive(alice.connection, awarenessFrame(aliceAwareness));
    expect(room.awareness.getStates().get(aliceAwareness.clientID)).toMatchObject({ user: { name: 'Alice' } });

    const forged = new Awareness(new Y.Doc());
    forged.clientID = aliceAwareness.clientID;
    forged.setLocalState({ user: { name: 'Mallory', color: '#000' } });
    forged.setLocalState({ user: { name: 'Mallory', color: '#000' } }); // a higher clock than Alice's
    room.receive(mallory.connection, awarenessFrame(forged));
    expect(room.awareness.getStates().get(aliceAwareness.clientID)).toMatchObject({ user: { name: 'Alice' } });
    aliceAwareness.destroy();
    forged.destroy();
  });

  it("removes a connection's awareness when it leaves", () => {
    const alice = connect('alice', 'participant');
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Alice', color: '#f00' } });
    room.receive(alice.connection, awarenessFrame(awareness));
    room.leave(alice.connection);
    expect(room.awareness.getStates().has(awareness.clientID)).toBe(false);
    awareness.destroy();
  });

  it('relays nothing and closes every connection with 1011 when the store fails', () => {
    const writer = connect('writer', 'participant');
    const reader = connect('reader', 'participant');
    journal.length = 0;
    store.failAppends = true;
    room.receive(writer.connection, syncUpdateFrame(cardUpdate()));
    expect(journal).toEqual([]);
    expect(reader.socket.closeCode).toBe(CloseCode.internalError);
    expect(failures).toBe(1);
  });
});

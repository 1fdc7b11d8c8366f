// The room's side of scale-out mode, with a recording channel in place of Redis: what it
// publishes to the other nodes, and what it does with what they publish.
import { MessageType } from '@interlink/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SqliteStore } from '../persistence/sqlite.js';
import type { BoardChannel, RemoteBoard } from '../scaleout/bus.js';
import { Connection } from './connection.js';
import { Room } from './room.js';

class RecordingSocket {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  constructor(
    private readonly journal: string[],
    private readonly name: string,
  ) {}
  send(): void {
    this.journal.push(`send:${this.name}`);
  }
  close(): void {
    this.readyState = 3;
  }
}

class JournalingStore extends SqliteStore {
  constructor(
    dir: string,
    private readonly journal: string[],
  ) {
    super(dir);
  }
  override append(boardId: string, update: Uint8Array): number {
    const seq = super.append(boardId, update);
    this.journal.push(`append:${seq}`);
    return seq;
  }
}

class RecordingChannel implements BoardChannel {
  readonly subscribed = Promise.resolve();
  readonly awareness: Uint8Array[] = [];
  constructor(private readonly journal: string[]) {}
  attach(_board: RemoteBoard): void {}
  publishUpdate(): void {
    this.journal.push('publish:update');
  }
  publishAwareness(update: Uint8Array): void {
    this.journal.push('publish:awareness');
    this.awareness.push(update);
  }
  queryAwareness(): void {}
  leave(): void {}
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const updateFrame = (update: Uint8Array): Uint8Array => frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update));
const awarenessFrame = (awareness: Awareness): Uint8Array =>
  frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [awareness.clientID])));

/** The clientIDs and states an awareness update carries. */
function entriesOf(update: Uint8Array): Array<{ clientID: number; state: unknown }> {
  const decoder = decoding.createDecoder(update);
  const entries: Array<{ clientID: number; state: unknown }> = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const clientID = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    entries.push({ clientID, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

/** Two successive updates of one client: the second cannot be integrated without the first. */
function twoUpdates(): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getMap('items').set('first', 1);
  doc.getMap('items').set('second', 2);
  const [first, second] = updates;
  if (!first || !second) throw new Error('expected two updates');
  return [first, second];
}

function presence(name: string, clientID?: number): Awareness {
  const awareness = new Awareness(new Y.Doc());
  if (clientID !== undefined) awareness.clientID = clientID;
  awareness.setLocalState({ user: { name, color: '#000000' } });
  return awareness;
}

describe('Room in scale-out mode', () => {
  let dir: string;
  let journal: string[];
  let store: JournalingStore;
  let channel: RecordingChannel;
  let room: Room;

  const connect = (name: string): Connection => {
    const connection = new Connection(new RecordingSocket(journal, name) as unknown as WebSocket, 'participant', name);
    room.join(connection);
    return connection;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-room-remote-'));
    journal = [];
    store = new JournalingStore(dir, journal);
    store.createBoard(
      { id: 'b', title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    channel = new RecordingChannel(journal);
    room = new Room('b', store, store.load('b'), {
      compactAfterUpdates: 500,
      compactAfterBytes: 1 << 20,
      log: pino({ level: 'silent' }),
      onFailure: () => undefined,
      channel,
    });
  });

  afterEach(async () => {
    await room.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a local update only after it is appended', () => {
    const writer = connect('writer');
    connect('reader');
    journal.length = 0;
    const [first] = twoUpdates();
    room.receive(writer, updateFrame(first));
    expect(journal).toEqual(['append:2', 'send:reader', 'publish:update']);
  });

  it('relays a remote update to every local connection without appending or publishing it again', () => {
    connect('a');
    connect('b');
    journal.length = 0;
    const [first] = twoUpdates();
    room.applyRemoteUpdate(first);
    expect(journal).toEqual(['send:a', 'send:b']);
    expect(room.doc.getMap('items').get('first')).toBe(1);
  });

  it('stores a local update that a remote one releases from waiting on its dependency', () => {
    const writer = connect('writer');
    connect('reader');
    journal.length = 0;
    const [first, second] = twoUpdates();
    room.receive(writer, updateFrame(second));
    expect(journal).toEqual([]);
    room.applyRemoteUpdate(first);
    expect(journal).toEqual(['append:2', 'send:writer', 'send:reader', 'publish:update']);
    store.close();
    store = new JournalingStore(dir, journal);
    const stored = store.load('b');
    const replayed = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(replayed, update);
    expect(replayed.getMap('items').toJSON()).toEqual({ first: 1, second: 2 });
  });

  it('catches up from the store: what the doc lacks is relayed, not appended', async () => {
    connect('reader');
    const [first] = twoUpdates();
    store.append('b', first);
    journal.length = 0;
    room.catchUp();
    await new Promise((resolve) => setImmediate(resolve));
    expect(journal).toEqual(['send:reader']);
    expect(room.doc.getMap('items').get('first')).toBe(1);
  });

  it("publishes its connections' awareness, and their removal when they leave", () => {
    const alice = connect('alice');
    const state = presence('Alice');
    room.receive(alice, awarenessFrame(state));
    room.leave(alice);
    expect(journal.filter((entry) => entry.startsWith('publish'))).toEqual(['publish:awareness', 'publish:awareness']);
    expect(channel.awareness.map(entriesOf)).toEqual([
      [{ clientID: state.clientID, state: { user: { name: 'Alice', color: '#000000' } } }],
      [{ clientID: state.clientID, state: null }],
    ]);
    state.destroy();
  });

  it('a remote clientID cannot be claimed by a local connection until its owner leaves', () => {
    const mallory = connect('mallory');
    const alice = presence('Alice');
    room.applyRemoteAwareness(encodeAwarenessUpdate(alice, [alice.clientID]));
    expect(room.awareness.getStates().get(alice.clientID)).toMatchObject({ user: { name: 'Alice' } });
    journal.length = 0;

    // Two sets: a higher clock than Alice's.
    const forged = presence('Mallory', alice.clientID);
    forged.setLocalState({ user: { name: 'Mallory', color: '#ff0000' } });
    room.receive(mallory, awarenessFrame(forged));
    expect(room.awareness.getStates().get(alice.clientID)).toMatchObject({ user: { name: 'Alice' } });
    expect(journal).toEqual([]);

    // Alice leaves her node: the removal arrives, and the clientID is free again.
    removeAwarenessStates(alice, [alice.clientID], 'left');
    room.applyRemoteAwareness(encodeAwarenessUpdate(alice, [alice.clientID]));
    expect(room.awareness.getStates().has(alice.clientID)).toBe(false);
    // (with a clock past the removal's, as the real client's own clock would be)
    forged.setLocalState({ user: { name: 'Back on this node', color: '#ff0000' } });
    forged.setLocalState({ user: { name: 'Back on this node', color: '#ff0000' } });
    room.receive(mallory, awarenessFrame(forged));
    expect(room.awareness.getStates().get(alice.clientID)).toMatchObject({ user: { name: 'Back on this node' } });
    alice.destroy();
    forged.destroy();
  });

  it("refuses a remote awareness update for a clientID that a local connection owns, and answers a query with local states only", () => {
    const bob = connect('bob');
    const local = presence('Bob');
    room.receive(bob, awarenessFrame(local));
    const remote = presence('Not Bob', local.clientID);
    remote.setLocalState({ user: { name: 'Not Bob', color: '#ff0000' } });
    room.applyRemoteAwareness(encodeAwarenessUpdate(remote, [remote.clientID]));
    expect(room.awareness.getStates().get(local.clientID)).toMatchObject({ user: { name: 'Bob' } });

    const elsewhere = presence('Elsewhere');
    room.applyRemoteAwareness(encodeAwarenessUpdate(elsewhere, [elsewhere.clientID]));
    expect(room.awareness.getStates().has(elsewhere.clientID)).toBe(true);
    channel.awareness.length = 0;
    room.answerAwarenessQuery();
    expect(channel.awareness.map(entriesOf)).toEqual([[{ clientID: local.clientID, state: { user: { name: 'Bob', color: '#000000' } } }]]);
    for (const awareness of [local, remote, elsewhere]) awareness.destroy();
  });
});

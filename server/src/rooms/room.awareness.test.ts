// A cursor must not outlive its client: the room relays the removal of every awareness state
// a connection owned when it leaves, and of every state nobody renewed within y-protocols'
// 30 s (a client that went silent without closing). And a state shows no role but its
// connection's (`user.role`, for the participant list).
import { MessageType, type Role } from '@interlink/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, outdatedTimeout } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { hashToken } from '../http/tokens.js';
import { SqliteStore } from '../persistence/sqlite.js';
import { Connection } from './connection.js';
import { Room } from './room.js';

/** A peer as the stock client is one: every awareness frame the room sends it lands in its own Awareness. */
class PeerSocket {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  readonly awareness = new Awareness(new Y.Doc());
  send(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) === MessageType.awareness) applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
  }
  close(): void {
    this.readyState = 3;
  }
}

function awarenessFrame(awareness: Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

describe('Room awareness hygiene', () => {
  let dir: string;
  let store: SqliteStore;
  let room: Room;
  let warnings: string[];
  const owned: Awareness[] = [];

  function connect(name: string, role: Role = 'participant'): { connection: Connection; peer: PeerSocket } {
    const peer = new PeerSocket();
    owned.push(peer.awareness);
    const connection = new Connection(peer as unknown as WebSocket, role, name);
    room.join(connection);
    return { connection, peer };
  }

  /** Alice's own awareness, announced to the room through her connection. */
  function announce(connection: Connection, name: string, user: Record<string, unknown> = {}): Awareness {
    const awareness = new Awareness(new Y.Doc());
    owned.push(awareness);
    awareness.setLocalState({ user: { name, color: '#f00', ...user }, cursor: { x: 1, y: 2 } });
    room.receive(connection, awarenessFrame(awareness));
    return awareness;
  }

  beforeEach(() => {
    // Before the room exists: its Awareness starts its expiry interval in the constructor.
    vi.useFakeTimers();
    dir = mkdtempSync(join(tmpdir(), 'interlink-room-awareness-'));
    store = new SqliteStore(dir);
    store.createBoard(
      { id: 'b', title: 't', createdAt: 0, tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') } },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    warnings = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    room = new Room('b', store, store.load('b'), { compactAfterUpdates: 500, compactAfterBytes: 1 << 20, log, onFailure: () => {} });
  });

  afterEach(async () => {
    for (const awareness of owned.splice(0)) awareness.destroy();
    vi.useRealTimers();
    await room.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('relays the removal of the states a connection owned when it leaves', () => {
    const alice = connect('alice');
    const bob = connect('bob');
    const aliceAwareness = announce(alice.connection, 'Alice');
    expect(bob.peer.awareness.getStates().has(aliceAwareness.clientID)).toBe(true);
    room.leave(alice.connection);
    expect(bob.peer.awareness.getStates().has(aliceAwareness.clientID)).toBe(false);
  });

  it('removes, and relays the removal of, a state nobody renewed for 30 s', () => {
    const alice = connect('alice');
    const bob = connect('bob');
    const aliceAwareness = announce(alice.connection, 'Alice');
    const bobAwareness = announce(bob.connection, 'Bob');
    const aliceClock = room.awareness.meta.get(aliceAwareness.clientID)?.clock ?? 0;
    // Alice went silent 30 s ago, Bob renewed just now. (lib0 reads the time through a
    // reference to Date.now taken at import, which fake timers cannot replace: age the entry.)
    const aliceMeta = room.awareness.meta.get(aliceAwareness.clientID);
    if (aliceMeta === undefined) throw new Error('the room has no entry for Alice');
    aliceMeta.lastUpdated -= outdatedTimeout;
    // The room's Awareness checks every tenth of the timeout.
    vi.advanceTimersByTime(outdatedTimeout / 10);
    expect(room.awareness.getStates().has(aliceAwareness.clientID)).toBe(false);
    expect(room.awareness.getStates().has(bobAwareness.clientID)).toBe(true);
    // Bob's copy, renewed moments ago as far as his Awareness knows, went with the server's
    // removal (Alice's last clock, state null), not with an expiry of his own.
    expect(bob.peer.awareness.getStates().has(aliceAwareness.clientID)).toBe(false);
    expect(bob.peer.awareness.meta.get(aliceAwareness.clientID)?.clock).toBe(aliceClock);
  });

  it('takes a peer’s echo of what it relayed as nothing: no refusal, no claim, so the client can come back', () => {
    // What the stock client does with every awareness change it applies: send it back.
    const echo = (from: { connection: Connection; peer: PeerSocket }, clientID: number): void => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(from.peer.awareness, [clientID]));
      room.receive(from.connection, encoding.toUint8Array(encoder));
    };
    const alice = connect('alice');
    const bob = connect('bob');
    const carol = connect('carol');
    const aliceAwareness = announce(alice.connection, 'Alice');
    const id = aliceAwareness.clientID;
    echo(bob, id);
    echo(carol, id);
    // Alice's network drops; the room relays her removal, and the peers echo that too.
    room.leave(alice.connection);
    expect(bob.peer.awareness.getStates().has(id)).toBe(false);
    echo(bob, id);
    echo(carol, id);
    // She is back, same clientID, on a new connection, and moves her cursor.
    const back = connect('alice again');
    aliceAwareness.setLocalStateField('cursor', { x: 300, y: 400 });
    room.receive(back.connection, awarenessFrame(aliceAwareness));
    expect(bob.peer.awareness.getStates().get(id)).toMatchObject({ user: { name: 'Alice' }, cursor: { x: 300, y: 400 } });
    expect(warnings.filter((line) => line.includes('awareness update refused'))).toEqual([]);
  });

  it('still refuses a state for someone else’s clientID that would change it', () => {
    const alice = connect('alice');
    const mallory = connect('mallory');
    const aliceAwareness = announce(alice.connection, 'Alice');
    const forged = new Awareness(new Y.Doc());
    owned.push(forged);
    forged.clientID = aliceAwareness.clientID;
    forged.setLocalState({ user: { name: 'Mallory', color: '#000' } });
    forged.setLocalState({ user: { name: 'Mallory', color: '#000' } });
    forged.setLocalState({ user: { name: 'Mallory', color: '#000' } });
    room.receive(mallory.connection, awarenessFrame(forged));
    expect(room.awareness.getStates().get(aliceAwareness.clientID)).toMatchObject({ user: { name: 'Alice' } });
    expect(warnings.filter((line) => line.includes('awareness update refused'))).toHaveLength(1);
  });

  describe('user.role', () => {
    const refusals = (): string[] => warnings.filter((line) => line.includes('awareness role refused'));

    it('applies a state whose role is its connection’s, and one with no role at all', () => {
      const facilitator = connect('fay', 'facilitator');
      const participant = connect('pat');
      const observer = connect('oli', 'observer');
      const watcher = connect('watcher');
      const fay = announce(facilitator.connection, 'Fay', { role: 'facilitator' });
      const pat = announce(participant.connection, 'Pat', { role: 'participant' });
      const oli = announce(observer.connection, 'Oli', { role: 'observer' });
      const anon = announce(connect('anon').connection, 'Anon');
      for (const [awareness, role] of [[fay, 'facilitator'], [pat, 'participant'], [oli, 'observer']] as const) {
        expect(watcher.peer.awareness.getStates().get(awareness.clientID)).toMatchObject({ user: { role } });
      }
      expect(watcher.peer.awareness.getStates().has(anon.clientID)).toBe(true);
      expect(refusals()).toEqual([]);
    });

    it('refuses a state that shows another role than its connection’s, new or changed, and keeps the last good one', () => {
      const participant = connect('pat');
      const watcher = connect('watcher');
      const impostor = announce(participant.connection, 'Pat', { role: 'facilitator' });
      expect(room.awareness.getStates().has(impostor.clientID)).toBe(false);
      expect(watcher.peer.awareness.getStates().has(impostor.clientID)).toBe(false);
      expect(refusals()).toHaveLength(1);

      const observer = connect('oli', 'observer');
      const oli = announce(observer.connection, 'Oli', { role: 'observer' });
      for (const role of ['participant', 'facilitator', null, 'Observer']) {
        oli.setLocalStateField('user', { name: 'Oli', color: '#f00', role });
        room.receive(observer.connection, awarenessFrame(oli));
      }
      expect(room.awareness.getStates().get(oli.clientID)).toMatchObject({ user: { role: 'observer' } });
      expect(watcher.peer.awareness.getStates().get(oli.clientID)).toMatchObject({ user: { role: 'observer' } });
      expect(refusals()).toHaveLength(5);
    });

    it('takes a peer’s echo of another role’s state as nothing, not as a spoof', () => {
      const facilitator = connect('fay', 'facilitator');
      const participant = connect('pat');
      const fay = announce(facilitator.connection, 'Fay', { role: 'facilitator' });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(participant.peer.awareness, [fay.clientID]));
      room.receive(participant.connection, encoding.toUint8Array(encoder));
      expect(refusals()).toEqual([]);
      expect(warnings.filter((line) => line.includes('refused'))).toEqual([]);
    });
  });
});

// The room enforces CONTRACT.md section 6: only a facilitator's connection may change `session`.
// Anyone else's update that touches it is not applied, stored or relayed, whether it comes as a
// sync update or in a sync step 2, and the connection is closed with 4403 (its later frames are
// ignored: they could never integrate), or with 1013 when the room cannot judge it yet. The decision itself is tested in sessionGuard.test.ts.
import { CloseCode, MessageType, SyncStep, type Role } from '@interlink/protocol';
import * as encoding from 'lib0/encoding';
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
import { Room } from './room.js';

/** Counts the frames the room sends, and the close code. */
class CountingSocket {
  readonly OPEN = 1;
  readonly CONNECTING = 0;
  readyState = 1;
  sent = 0;
  closeCode: number | undefined;
  send(): void {
    this.sent += 1;
  }
  close(code: number): void {
    this.closeCode = code;
    this.readyState = 2;
  }
}

function syncFrame(step: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The update of one transaction on `doc`. */
function change(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  let captured: Uint8Array | undefined;
  const capture = (update: Uint8Array): void => void (captured = update);
  doc.on('update', capture);
  doc.transact(() => edit(doc));
  doc.off('update', capture);
  if (!captured) throw new Error('no update');
  return captured;
}

describe('Room: only a facilitator changes session', () => {
  let dir: string;
  let store: SqliteStore;
  let room: Room;
  let warnings: string[];

  const connect = (name: string, role: Role) => {
    const socket = new CountingSocket();
    const connection = new Connection(socket as unknown as WebSocket, role, name);
    room.join(connection);
    return { socket, connection, doc: clientDoc() };
  };
  /** A client's copy of the room's doc. */
  const clientDoc = (): Y.Doc => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    return doc;
  };
  const storedLog = (): number => store.load('b').updates.length;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlink-room-session-'));
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
    await room.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies, stores and relays a facilitator’s session change', () => {
    const facilitator = connect('fay', 'facilitator');
    const reader = connect('reader', 'participant');
    const before = reader.socket.sent;
    room.receive(facilitator.connection, syncFrame(SyncStep.update, change(facilitator.doc, (doc) => doc.getMap('session').set('phase', 'voting'))));
    expect(room.doc.getMap('session').get('phase')).toBe('voting');
    expect(reader.socket.sent).toBe(before + 1);
    expect(storedLog()).toBe(2);
    expect(facilitator.socket.closeCode).toBeUndefined();
  });

  it('refuses a participant’s session change whole (update or step 2), closes with 4403 and ignores what follows', () => {
    for (const step of [SyncStep.update, SyncStep.step2]) {
      const participant = connect('pat', 'participant');
      const reader = connect('reader', 'facilitator');
      const before = reader.socket.sent;
      const update = change(participant.doc, (doc) => {
        doc.getMap('items').set(`card-${step}`, 'mine');
        doc.getMap('session').set('phase', 'hijacked');
      });
      room.receive(participant.connection, syncFrame(step, update));
      expect(participant.socket.closeCode).toBe(CloseCode.forbidden);
      // A later, innocent update on the same connection is ignored too: it could never integrate.
      room.receive(participant.connection, syncFrame(SyncStep.update, change(participant.doc, (doc) => doc.getMap('items').set('later', 1))));
      expect(room.doc.getMap('session').has('phase')).toBe(false);
      expect(room.doc.getMap('items').size).toBe(0);
      expect(reader.socket.sent).toBe(before);
      expect(storedLog()).toBe(1);
      expect(room.doc.store.pendingStructs).toBeNull();
    }
    expect(warnings.filter((line) => line.includes('session change refused'))).toHaveLength(2);
  });

  it('refuses a participant deleting what the facilitator set; its board edits still flow', () => {
    const facilitator = connect('fay', 'facilitator');
    room.receive(facilitator.connection, syncFrame(SyncStep.update, change(facilitator.doc, (doc) => doc.getMap('session').set('phase', 'analysis'))));
    const participant = connect('pat', 'participant');
    room.receive(participant.connection, syncFrame(SyncStep.update, change(participant.doc, (doc) => doc.getMap('items').set('card', 'fine'))));
    expect(room.doc.getMap('items').get('card')).toBe('fine');
    expect(participant.socket.closeCode).toBeUndefined();
    room.receive(participant.connection, syncFrame(SyncStep.update, change(participant.doc, (doc) => doc.getMap('session').delete('phase'))));
    expect(participant.socket.closeCode).toBe(CloseCode.forbidden);
    expect(room.doc.getMap('session').get('phase')).toBe('analysis');
  });

  it('asks a participant to come back later (1013), not away for good, when its update builds on what the room lacks', () => {
    const elsewhere = new Y.Doc();
    // A card written on another node, which this room has not received yet.
    const missing = change(elsewhere, (doc) => doc.getMap('items').set('card', new Y.Text('typed elsewhere')));
    const participant = connect('pat', 'participant');
    Y.applyUpdate(participant.doc, missing);
    const building = change(participant.doc, (doc) => (doc.getMap('items').get('card') as Y.Text).insert(0, 'more '));
    room.receive(participant.connection, syncFrame(SyncStep.update, building));
    expect(participant.socket.closeCode).toBe(CloseCode.tryAgainLater);
    expect(room.doc.getMap('items').size).toBe(0);
    expect(room.doc.store.pendingStructs).toBeNull();
  });

  it('lets a participant’s step 2 through when its session part is only what the facilitator did', () => {
    const facilitator = connect('fay', 'facilitator');
    const participant = connect('pat', 'participant');
    for (const phase of ['analysis', 'planning', 'voting']) {
      const update = change(facilitator.doc, (doc) => doc.getMap('session').set('phase', phase));
      room.receive(facilitator.connection, syncFrame(SyncStep.update, update));
      Y.applyUpdate(participant.doc, update);
    }
    participant.doc.getMap('items').set('offline', 'card');
    room.receive(participant.connection, syncFrame(SyncStep.step2, Y.encodeStateAsUpdate(participant.doc, Y.encodeStateVector(room.doc))));
    expect(participant.socket.closeCode).toBeUndefined();
    expect(room.doc.getMap('items').get('offline')).toBe('card');
    expect(room.doc.getMap('session').get('phase')).toBe('voting');
  });
});

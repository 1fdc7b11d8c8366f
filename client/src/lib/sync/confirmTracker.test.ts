// The confirmation of unconfirmed changes against the real y-websocket provider and real
// y-protocols frames: a fake socket, and a small in-order "server" (a Y.Doc) that, like ours,
// answers a step 1 only once what came before it is "on disk" (held until the test releases it).
import { addItem, boardMaps, deleteItems } from '@interlink/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { UndoHistory } from '../board/undoHistory.js';
import { FakeSocket, syncStep1Frame, syncStep2Frame } from '../testing/fakeSocket.js';
import { readServerFrame } from './confirmChannel.js';
import { ConfirmTracker } from './confirmTracker.js';
import { LocalOrigin } from './localOrigin.js';

/** Frames handled in order; each step 2 answer is held until `release` (the "disk write"). */
class FakeServer {
  readonly doc = new Y.Doc();
  readonly #processed = new Map<FakeSocket, number>();
  #held: Array<{ socket: FakeSocket; frame: Uint8Array }> = [];

  open(socket: FakeSocket): void {
    socket.readyState = 1;
    socket.onopen?.();
    socket.deliver(syncStep1Frame(this.doc));
  }

  /** Reads every frame the socket sent since last time. */
  process(socket: FakeSocket): void {
    const from = this.#processed.get(socket) ?? 0;
    for (const frame of socket.sent.slice(from)) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 0) continue;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'client');
      if (encoding.length(encoder) > 1) this.#held.push({ socket, frame: encoding.toUint8Array(encoder) });
    }
    this.#processed.set(socket, socket.sent.length);
  }

  /** The held answers go out, in order; those of closed sockets are lost. */
  release(): void {
    const held = this.#held;
    this.#held = [];
    for (const { socket, frame } of held) if (socket.readyState === 1) socket.deliver(frame);
  }
}

describe('ConfirmTracker', () => {
  const cleanup: Array<() => void> = [];
  const origin = new LocalOrigin('test');

  function client(restored: ConstructorParameters<typeof ConfirmTracker>[2] = {}): { doc: Y.Doc; provider: WebsocketProvider; tracker: ConfirmTracker; socket(): FakeSocket } {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://test/sync', 'board', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    const tracker = new ConfirmTracker(doc, provider, { probeDelayMs: 300, probeMaxWaitMs: 2_000, ...restored });
    cleanup.push(() => {
      tracker.destroy();
      provider.destroy();
      doc.destroy();
    });
    return {
      doc,
      provider,
      tracker,
      socket: () => FakeSocket.latest(),
    };
  }

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
  });
  afterEach(() => {
    for (const dispose of cleanup.splice(0)) dispose();
    vi.useRealTimers();
  });

  it('counts offline changes and confirms them only when the answer to a probe sent after them comes', () => {
    const server = new FakeServer();
    const c = client();
    for (const text of ['Drought', 'Floods', 'Evictions']) addItem(c.doc, { kind: 'threat', x: 0, y: 0, text }, origin);
    expect(c.tracker.count).toBe(3);

    c.provider.connect();
    server.open(c.socket());
    // The server's state vector has none of them.
    expect(c.tracker.count).toBe(3);
    vi.advanceTimersByTime(0);
    // The provider's step 1 at open, then our probe (after its step 2 with the three cards).
    expect(c.socket().step1sSent()).toBe(2);
    server.process(c.socket());
    expect(boardMaps(server.doc).items.size).toBe(3);
    // Stored on the "disk" only at release: until then nothing is confirmed.
    expect(c.tracker.count).toBe(3);
    server.release();
    expect(c.tracker.count).toBe(0);
  });

  it('probes once per burst of typing, after a quiet moment, and not at all when nothing is pending', () => {
    const server = new FakeServer();
    const c = client();
    c.provider.connect();
    server.open(c.socket());
    vi.advanceTimersByTime(0);
    expect(c.socket().step1sSent()).toBe(1);
    server.process(c.socket());
    server.release();

    const id = addItem(c.doc, { kind: 'note', x: 0, y: 0 }, origin);
    const text = boardMaps(c.doc).items.get(id)?.get('text');
    if (!(text instanceof Y.Text)) throw new Error('no text');
    for (const letter of 'Rumours') {
      c.doc.transact(() => text.insert(text.length, letter), origin);
      vi.advanceTimersByTime(100);
    }
    expect(c.tracker.count).toBe(8);
    expect(c.socket().step1sSent()).toBe(1);
    vi.advanceTimersByTime(200);
    expect(c.socket().step1sSent()).toBe(2);
    server.process(c.socket());
    server.release();
    expect(c.tracker.count).toBe(0);
    expect(server.doc.getMap('items').size).toBe(1);
  });

  it('a long burst is probed at least every max wait', () => {
    const server = new FakeServer();
    const c = client();
    c.provider.connect();
    server.open(c.socket());
    for (let i = 0; i < 30; i++) {
      addItem(c.doc, { kind: 'note', x: i, y: 0 }, origin);
      vi.advanceTimersByTime(100);
    }
    expect(c.socket().step1sSent()).toBe(2);
  });

  it('a socket lost before the answer: the new socket starts afresh; the server’s step 1 confirms what it stored, a probe the deletion', () => {
    const server = new FakeServer();
    const c = client();
    c.provider.connect();
    server.open(c.socket());
    const id = addItem(c.doc, { kind: 'note', x: 0, y: 0, text: 'Checkpoint' }, origin);
    vi.advanceTimersByTime(300);
    server.process(c.socket());
    deleteItems(c.doc, [id], origin);
    vi.advanceTimersByTime(300);
    server.process(c.socket());
    expect(c.tracker.count).toBe(2);
    // The answers were not written yet when the connection dropped.
    const first = c.socket();
    first.drop();
    server.release();
    expect(c.tracker.count).toBe(2);

    // The provider reconnects by itself (no JitteredReconnect here).
    vi.advanceTimersByTime(1_000);
    const second = c.socket();
    expect(second).not.toBe(first);
    server.open(second);
    // The server had applied the card before the drop: its state vector confirms the insertion.
    expect(c.tracker.count).toBe(1);
    vi.advanceTimersByTime(0);
    server.process(second);
    server.release();
    expect(c.tracker.count).toBe(0);
    expect(boardMaps(server.doc).items.size).toBe(0);
  });

  it('counts neither the server’s changes nor IndexedDB’s, and IndexedDB’s are not in this person’s undo history', () => {
    const server = new FakeServer();
    addItem(server.doc, { kind: 'note', x: 0, y: 0, text: 'From a peer' });
    const c = client();
    const undo = new UndoHistory(c.doc, origin);
    cleanup.push(() => undo.destroy());
    // As y-indexeddb loads a board: its updates in one transaction, its own origin, not local.
    const stored = new Y.Doc();
    addItem(stored, { kind: 'threat', x: 0, y: 0, text: 'Stored offline' });
    const persistence = { name: 'y-indexeddb stand-in' };
    Y.transact(c.doc, () => Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(stored)), persistence, false);
    c.provider.connect();
    server.open(c.socket());
    server.process(c.socket());
    server.release();
    expect(boardMaps(c.doc).items.size).toBe(2);
    expect(c.tracker.count).toBe(0);
    expect(undo.canUndo).toBe(false);
    // A local transaction that changed nothing is no change either.
    c.doc.transact(() => undefined, origin);
    expect(c.tracker.count).toBe(0);
    // Undo and redo of one's own change are local changes that count.
    addItem(c.doc, { kind: 'note', x: 0, y: 0 }, origin);
    undo.checkpoint();
    expect(undo.undo()).toBe(true);
    expect(c.tracker.count).toBe(2);
  });

  it('changes restored after a reload that reached the server before it are confirmed by the server’s step 1', () => {
    const server = new FakeServer();
    // Before the reload: a client made a change, the server stored it, the answer never came.
    const before = new Y.Doc();
    addItem(before, { kind: 'note', x: 0, y: 0, text: 'Sent just before the reload' }, origin);
    Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(before));
    const clock = Y.decodeStateVector(Y.encodeStateVector(before)).get(before.clientID) ?? 0;

    const c = client({ restored: [{ client: before.clientID, clock, deletes: false, weight: 1 }] });
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(before), { name: 'IndexedDB' });
    expect(c.tracker.count).toBe(1);
    c.provider.connect();
    server.open(c.socket());
    expect(c.tracker.count).toBe(0);
  });
});

describe('readServerFrame', () => {
  it('reads the server’s step 1 state vector and tells a step 2 from the rest', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    expect(readServerFrame(syncStep1Frame(doc))).toEqual({ kind: 'step1', stateVector: new Map([[doc.clientID, 3]]) });
    expect(readServerFrame(syncStep2Frame(doc))).toEqual({ kind: 'step2' });
    expect(readServerFrame(new Uint8Array([1, 0]))).toEqual({ kind: 'other' });
    expect(readServerFrame(new Uint8Array([0, 0, 200]))).toEqual({ kind: 'other' });
    expect(readServerFrame(new Uint8Array([]))).toEqual({ kind: 'other' });
  });
});

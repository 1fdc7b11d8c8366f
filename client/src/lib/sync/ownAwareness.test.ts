import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from './ownAwareness.js';

/** A socket the test opens, and feeds frames through, recording what the provider sends. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static last: FakeSocket | undefined;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Uint8Array[] = [];

  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(frame: Uint8Array): void {
    this.sent.push(frame);
  }
  close(): void {
    this.readyState = 3;
  }
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: Uint8Array): void {
    this.onmessage?.({ data: new Uint8Array(frame).buffer });
  }
  /** The clientIDs of every awareness entry sent so far, frame by frame. */
  awarenessSent(): number[][] {
    return this.sent.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 1) return [];
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
      return [ids];
    });
  }
}

/** An awareness frame from the server: another participant's cursor. */
function peerCursorFrame(peer: Awareness, x: number): Uint8Array {
  peer.setLocalStateField('cursor', { x, y: 0 });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(peer, [peer.clientID]));
  return encoding.toUint8Array(encoder);
}

describe('sendOwnAwarenessOnly', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const dispose of cleanup.splice(0)) dispose();
  });

  function connectedProvider(patched: boolean): { provider: WebsocketProvider; socket: FakeSocket; peer: Awareness } {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://test/sync', 'board', doc, {
      disableBc: true,
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    const undo = patched ? sendOwnAwarenessOnly(provider) : () => {};
    const peer = new Awareness(new Y.Doc());
    peer.setLocalState({ user: { name: 'Ben', color: '#2196f3' } });
    cleanup.push(() => {
      undo();
      provider.destroy();
      doc.destroy();
      peer.destroy();
    });
    provider.awareness.setLocalState({ user: { name: 'Amina', color: '#e91e63' } });
    const socket = FakeSocket.last;
    if (!socket) throw new Error('no socket');
    socket.accept();
    return { provider, socket, peer };
  }

  it('the stock provider echoes every remote cursor move back to the server (the problem)', () => {
    const { socket, peer } = connectedProvider(false);
    const before = socket.awarenessSent().length;
    for (let x = 1; x <= 5; x++) socket.receive(peerCursorFrame(peer, x));
    expect(socket.awarenessSent().slice(before)).toEqual(Array.from({ length: 5 }, () => [peer.clientID]));
  });

  it('patched, it sends no echo, and still sends each change of our own presence, alone', () => {
    const { provider, socket, peer } = connectedProvider(true);
    const self = provider.awareness.clientID;
    const before = socket.awarenessSent().length;
    for (let x = 1; x <= 5; x++) socket.receive(peerCursorFrame(peer, x));
    expect(provider.awareness.getStates().get(peer.clientID)).toMatchObject({ cursor: { x: 5 } });
    expect(socket.awarenessSent().slice(before)).toEqual([]);

    provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    provider.awareness.setLocalState(null);
    expect(socket.awarenessSent().slice(before)).toEqual([[self], [self]]);
  });
});

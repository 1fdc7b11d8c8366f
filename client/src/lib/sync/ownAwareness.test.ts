import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { awarenessFrame, FakeSocket } from '../testing/fakeSocket.js';
import { sendOwnAwarenessOnly } from './ownAwareness.js';

/** The clientIDs of every awareness entry the socket sent so far, frame by frame. */
const awarenessIdsSent = (socket: FakeSocket): number[][] => socket.awarenessSent().map((entries) => entries.map(([id]) => id));

/** An awareness frame from the server: another participant's cursor. */
function peerCursorFrame(peer: Awareness, x: number): Uint8Array {
  peer.setLocalStateField('cursor', { x, y: 0 });
  return awarenessFrame(encodeAwarenessUpdate(peer, [peer.clientID]));
}

describe('sendOwnAwarenessOnly', () => {
  const cleanup: Array<() => void> = [];
  beforeEach(() => {
    FakeSocket.opened = [];
  });
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
    const socket = FakeSocket.latest();
    socket.accept();
    return { provider, socket, peer };
  }

  it('the stock provider echoes every remote cursor move back to the server (the problem)', () => {
    const { socket, peer } = connectedProvider(false);
    const before = awarenessIdsSent(socket).length;
    for (let x = 1; x <= 5; x++) socket.deliver(peerCursorFrame(peer, x));
    expect(awarenessIdsSent(socket).slice(before)).toEqual(Array.from({ length: 5 }, () => [peer.clientID]));
  });

  it('patched, it sends no echo, and still sends each change of our own presence, alone', () => {
    const { provider, socket, peer } = connectedProvider(true);
    const self = provider.awareness.clientID;
    const before = awarenessIdsSent(socket).length;
    for (let x = 1; x <= 5; x++) socket.deliver(peerCursorFrame(peer, x));
    expect(provider.awareness.getStates().get(peer.clientID)).toMatchObject({ cursor: { x: 5 } });
    expect(awarenessIdsSent(socket).slice(before)).toEqual([]);

    provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    provider.awareness.setLocalState(null);
    expect(awarenessIdsSent(socket).slice(before)).toEqual([[self], [self]]);
  });
});

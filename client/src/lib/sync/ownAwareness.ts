// Makes the provider send only our own presence, never an echo of everyone else's.
//
// The stock y-websocket provider sends every awareness change its Awareness emits, whatever its
// origin (`_awarenessUpdateHandler`), so each cursor move the server relays to N peers comes back
// from all N of them (yjs/yjs#732): with 30 people moving their pointers 20 times a second, every
// participant would upload some 580 frames a second of other people's cursors, on connections
// that are often poor, and the server would decode 17,000 frames a second only to drop them. Our
// server relays each client's state to the others and removes the states of a connection that
// closes or times out, so nothing is lost by not echoing.
import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket message type 1. */
const MESSAGE_AWARENESS = 1;

interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}

/** Replaces the provider's awareness sender; returns the function that removes ours (call it before destroying the provider). */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const send = ({ added, updated, removed }: AwarenessChange): void => {
    const self = awareness.clientID;
    if (!added.includes(self) && !updated.includes(self) && !removed.includes(self)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [self]));
    const frame = encoding.toUint8Array(encoder);
    // As the provider's own broadcast does: the server if connected, the other tabs if any.
    const socket = provider.ws;
    if (provider.wsconnected && socket !== null && socket.readyState === socket.OPEN) socket.send(frame);
    if (provider.bcconnected) bc.publish(provider.bcChannel, frame, provider);
  };
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', send);
  return () => awareness.off('update', send);
}

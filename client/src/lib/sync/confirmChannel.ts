// Learning, on one WebSocket, which of this person's changes the server has stored.
//
// What the server guarantees (server/src/rooms/room.ts): it answers a client's sync step 1 with
// a sync step 2 only once every update it has applied from that connection is on disk, frames
// of one socket are handled in order, and it never sends a step 2 unprompted. So:
// - The server's own step 1 (sent when we join) carries its state vector: the changes it holds
//   are stored (confirmLog.ts explains why those that only deleted are not confirmed by it).
// - Each step 2 from the server answers one step 1 of ours, in order. The provider sends one
//   when the socket opens (its answer confirms nothing we can name: the provider's step 2 with
//   our offline changes is sent after it), so the queue of sent step 1s starts with a blank.
// - After the provider has answered the server's step 1 with our changes, and after each burst
//   of local changes, we send a step 1 of our own, a probe, and note what the document held;
//   its answer confirms all of that.
// A new socket gets a new channel: answers to probes sent on a closed one never come.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { PendingChanges, ProbeMark } from './confirmLog.js';

/** y-websocket message type 0. */
const MESSAGE_SYNC = 0;

/** What the server said, as far as confirmation goes. */
export type ServerSyncFrame =
  | { readonly kind: 'step1'; readonly stateVector: Map<number, number> }
  | { readonly kind: 'step2' }
  | { readonly kind: 'other' };

/** Reads a frame from the server without applying anything (the provider does that). */
export function readServerFrame(frame: Uint8Array): ServerSyncFrame {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return { kind: 'other' };
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) return { kind: 'step1', stateVector: Y.decodeStateVector(decoding.readVarUint8Array(decoder)) };
    if (step === syncProtocol.messageYjsSyncStep2) return { kind: 'step2' };
  } catch {
    // Malformed: the provider will complain; it confirms nothing.
  }
  return { kind: 'other' };
}

/** A sync step 1 frame with this state vector, exactly as the provider writes one. */
export function probeFrame(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export class ConfirmChannel {
  /** The marks of the step 1s sent on this socket whose answer has not come; null: the provider's. */
  readonly #awaiting: Array<ProbeMark | null> = [null];
  #ready = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly log: PendingChanges,
    private readonly send: (frame: Uint8Array) => void,
  ) {}

  /** True once the server's step 1 came (and so the provider has sent it our changes). */
  get ready(): boolean {
    return this.#ready;
  }

  /** A frame from the server; returns true when it confirmed something. */
  receive(frame: Uint8Array): boolean {
    const message = readServerFrame(frame);
    if (message.kind === 'step1') {
      this.#ready = true;
      return this.log.confirmStateVector(message.stateVector);
    }
    if (message.kind === 'step2') {
      const mark = this.#awaiting.shift();
      return mark ? this.log.confirmProbe(mark) : false;
    }
    return false;
  }

  /**
   * Sends a probe if there is something to confirm and the socket has had its first exchange.
   * Call it only after the provider has answered the server's step 1 (its answer carries our
   * offline changes, and must reach the server before the probe does).
   */
  probe(): boolean {
    if (!this.#ready || this.log.count === 0) return false;
    // Several probes may be in flight: the last one sent answers for everything before it,
    // but each must be queued, since each gets its own answer.
    const encoded = Y.encodeStateVector(this.doc);
    this.send(probeFrame(encoded));
    this.#awaiting.push(this.log.mark(Y.decodeStateVector(encoded)));
    return true;
  }
}

// The messages nodes exchange on a board's channel: kind, sending node, payload (lib0 encoding,
// like the y-websocket frames they carry). A node ignores its own messages by the sender id.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MessageKind = {
  /** A Yjs update, already stored by the sender. */
  update: 0,
  /** A y-protocols awareness update of the sender's connections. */
  awareness: 1,
  /** The sender just loaded the board: the others answer with their connections' awareness. */
  awarenessQuery: 2,
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

export interface BusMessage {
  readonly kind: MessageKind;
  readonly sender: string;
  readonly payload: Uint8Array;
}

const KINDS: readonly number[] = Object.values(MessageKind);
const isKind = (value: number): value is MessageKind => KINDS.includes(value);

export function encodeBusMessage(message: BusMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, message.kind);
  encoding.writeVarString(encoder, message.sender);
  encoding.writeVarUint8Array(encoder, message.payload);
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Parses a message from the channel; throws on anything else (another program on the same Redis). */
export function decodeBusMessage(data: Uint8Array): BusMessage {
  const decoder = decoding.createDecoder(data);
  const kind = decoding.readVarUint(decoder);
  if (!isKind(kind)) throw new Error(`unknown bus message kind ${kind}`);
  const sender = decoding.readVarString(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a bus message');
  return { kind, sender, payload };
}

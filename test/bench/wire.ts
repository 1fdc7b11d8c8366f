// Counts what a y-websocket client puts on the wire: a `ws` WebSocket subclass, handed to the
// provider as its WebSocketPolyfill, that reports to a WireMeter every socket the provider opens
// (when: the reconnect bench counts attempts), every frame in and out with its payload size
// (after inflating, i.e. what the protocol carries), and the bytes the TCP socket really read
// and wrote (handshake, frame headers and compressed payloads included).
import type { Socket } from 'node:net';
import WebSocket from 'ws';

export interface Traffic {
  readonly framesIn: number;
  readonly framesOut: number;
  /** Message bytes, as the application sees them (inflated). */
  readonly payloadIn: number;
  readonly payloadOut: number;
  /** TCP bytes, as the network carries them. */
  readonly wireIn: number;
  readonly wireOut: number;
}

export const noTraffic: Traffic = { framesIn: 0, framesOut: 0, payloadIn: 0, payloadOut: 0, wireIn: 0, wireOut: 0 };

export function subtract(after: Traffic, before: Traffic): Traffic {
  return {
    framesIn: after.framesIn - before.framesIn,
    framesOut: after.framesOut - before.framesOut,
    payloadIn: after.payloadIn - before.payloadIn,
    payloadOut: after.payloadOut - before.payloadOut,
    wireIn: after.wireIn - before.wireIn,
    wireOut: after.wireOut - before.wireOut,
  };
}

/** What the provider needs of its WebSocketPolyfill: `new WS(url, protocols)`. */
export type WebSocketClass = new (address: string | URL, protocols?: string | string[]) => WebSocket;

type SendData = Parameters<WebSocket['send']>[0];
type SendOptions = Parameters<WebSocket['send']>[1];
type SendCallback = (error?: Error) => void;

function byteLength(data: unknown): number {
  if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part: unknown) => sum + byteLength(part), 0);
  return typeof data === 'string' ? Buffer.byteLength(data) : 0;
}

interface Tracked {
  tcp: Socket | undefined;
  framesIn: number;
  framesOut: number;
  payloadIn: number;
  payloadOut: number;
}

export class WireMeter {
  /** performance.now() of each socket the provider opened: one per connection attempt. */
  readonly attempts: number[] = [];
  private readonly sockets: Tracked[] = [];

  /** A WebSocket class reporting to this meter; pass it as WebSocketPolyfill. */
  webSocketClass(): WebSocketClass {
    const track = (socket: WebSocket): Tracked => {
      const tracked: Tracked = { tcp: undefined, framesIn: 0, framesOut: 0, payloadIn: 0, payloadOut: 0 };
      this.sockets.push(tracked);
      this.attempts.push(performance.now());
      socket.once('upgrade', (response) => (tracked.tcp = response.socket));
      socket.on('message', (data: unknown) => {
        tracked.framesIn += 1;
        tracked.payloadIn += byteLength(data);
      });
      return tracked;
    };
    return class MeteredWebSocket extends WebSocket {
      readonly #tracked: Tracked;
      // The provider calls `new WS(url, protocols)`.
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        this.#tracked = track(this);
      }
      override send(data: SendData, optionsOrCallback?: SendOptions | SendCallback, callback?: SendCallback): void {
        this.#tracked.framesOut += 1;
        this.#tracked.payloadOut += byteLength(data);
        if (typeof optionsOrCallback === 'function') super.send(data, optionsOrCallback);
        else super.send(data, optionsOrCallback ?? {}, callback);
      }
    };
  }

  /** Everything counted so far, over every socket this meter saw. */
  total(): Traffic {
    let total = noTraffic;
    for (const socket of this.sockets) {
      total = {
        framesIn: total.framesIn + socket.framesIn,
        framesOut: total.framesOut + socket.framesOut,
        payloadIn: total.payloadIn + socket.payloadIn,
        payloadOut: total.payloadOut + socket.payloadOut,
        wireIn: total.wireIn + (socket.tcp?.bytesRead ?? 0),
        wireOut: total.wireOut + (socket.tcp?.bytesWritten ?? 0),
      };
    }
    return total;
  }
}

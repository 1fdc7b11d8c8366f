// The heartbeat of one sync connection. Every interval:
//  - if the ping sent one interval ago got no pong, the peer is gone: a cut network leaves the
//    TCP connection half-open for as long as the OS cares to keep it, and with it the peer's
//    cursor on everyone's screen. Terminating the socket closes it now, and the close removes
//    the awareness states the connection owned (Room.leave);
//  - otherwise a new ping, and a keep-alive frame. The stock y-websocket client closes a
//    connection on which it received no message for 30 s (pings are control frames, which the
//    browser never shows it). The stock server echoes each client's own awareness renewal back
//    to it every 15 s; ours relays awareness to the others only, so a client alone on a board
//    would hear nothing and drop its connection every 30 s without this frame.
import { encodeAwarenessFrame } from '@interlink/protocol';

/** What the heartbeat needs of a `ws` WebSocket. */
export interface HeartbeatSocket {
  readonly readyState: number;
  readonly OPEN: number;
  ping(): void;
  terminate(): void;
  send(data: Uint8Array, options: { binary: boolean }): void;
  on(event: 'pong', listener: () => void): unknown;
}

/** An awareness update naming no client (a count of 0): a client reads it and changes nothing. */
export const KEEP_ALIVE_FRAME: Uint8Array = encodeAwarenessFrame(Uint8Array.of(0));

/** Starts beating; returns the function that stops it (call it when the socket closes). */
export function startHeartbeat(socket: HeartbeatSocket, intervalMs: number): () => void {
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) {
      clearInterval(timer);
      socket.terminate();
      return;
    }
    if (socket.readyState !== socket.OPEN) return;
    answered = false;
    socket.ping();
    socket.send(KEEP_ALIVE_FRAME, { binary: true });
  }, intervalMs);
  // The socket keeps the process alive while it is open; its heartbeat need not.
  timer.unref();
  return () => clearInterval(timer);
}

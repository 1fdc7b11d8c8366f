// One WebSocket connection to a board, as the room sees it: who it is (role), which awareness
// clientIDs it introduced, and how to send to it or close it.
import type { CloseCode, Role } from '@interlink/protocol';
import type { WebSocket } from 'ws';

/** How many awareness clientIDs one connection may introduce (a client normally has one). */
const MAX_CLIENT_IDS_PER_CONNECTION = 4;

export class Connection {
  /** Awareness clientIDs this connection introduced; only these may it update. */
  readonly clientIds = new Set<number>();

  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
    /** A short id for logs (never the token). */
    readonly id: string,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(frame: Uint8Array): void {
    if (this.open) this.socket.send(frame, { binary: true });
  }

  close(code: CloseCode, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  canIntroduceMoreClientIds(): boolean {
    return this.clientIds.size < MAX_CLIENT_IDS_PER_CONNECTION;
  }
}

// One WebSocket connection to a board, as the room sees it: who it is (role, member), which awareness
// clientIDs it introduced, and how to send to it or close it.
import type { CloseCode, Role } from '@interlink/protocol';
import type { WebSocket } from 'ws';

/** How many awareness clientIDs one connection may introduce (a client normally has one). */
const MAX_CLIENT_IDS_PER_CONNECTION = 4;

export class Connection {
  /** Awareness clientIDs this connection introduced; only these may it update. */
  readonly clientIds = new Set<number>();
  private closing = false;

  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
    /** A short id for logs (never the token). */
    readonly id: string,
    /** The member identity whose personal token opened it (CONTRACT.md section 6); none for a role token. */
    readonly memberId?: string,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(frame: Uint8Array): void {
    if (this.open) this.socket.send(frame, { binary: true });
  }

  /**
   * True once the server decided to close this connection: frames it sent meanwhile (before its
   * close handshake ends) are ignored. After a refused update, its later updates could never
   * integrate (see rooms/sessionGuard.ts), and after a malformed frame none can be trusted.
   */
  get closedByServer(): boolean {
    return this.closing;
  }

  close(code: CloseCode, reason: string): void {
    this.closing = true;
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  canIntroduceMoreClientIds(): boolean {
    return this.clientIds.size < MAX_CLIENT_IDS_PER_CONNECTION;
  }
}

// Presence over y-protocols awareness (CONTRACT.md section 3): our `user` and, while the
// pointer is over the board, our `cursor` in canvas units; and everyone else's, as runes.
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../canvas/viewport.js';
import { throttle } from '../util/throttle.js';
import { readPeer, type Peer, type PresenceUser } from './peers.js';

/** ~20 cursor updates a second: smooth enough to follow, light enough for poor connections. */
const CURSOR_INTERVAL_MS = 50;

export class Presence {
  /** Everyone else on the board, in join order. */
  peers = $state.raw<readonly Peer[]>([]);
  readonly user: PresenceUser;
  readonly #awareness: Awareness;
  readonly #sendCursor = throttle((point: Point) => {
    this.#awareness.setLocalStateField('cursor', { x: point.x, y: point.y });
  }, CURSOR_INTERVAL_MS);

  constructor(awareness: Awareness, user: PresenceUser) {
    this.#awareness = awareness;
    this.user = user;
    awareness.setLocalStateField('user', { name: user.name, color: user.color });
    awareness.on('change', this.#refresh);
    this.#refresh();
  }

  /** The pointer in canvas units, or undefined when it left the board. */
  setCursor(point: Point | undefined): void {
    if (point) {
      this.#sendCursor(point);
      return;
    }
    this.#sendCursor.cancel();
    const state = this.#awareness.getLocalState();
    if (!state || !('cursor' in state)) return;
    // Remove the field rather than null it: the contract says the cursor is there only
    // while the pointer is over the board.
    const { cursor: _removed, ...rest } = state;
    this.#awareness.setLocalState(rest);
  }

  destroy(): void {
    this.#sendCursor.cancel();
    this.#awareness.off('change', this.#refresh);
  }

  #refresh = (): void => {
    const self = this.#awareness.clientID;
    const peers: Peer[] = [];
    for (const [clientId, state] of this.#awareness.getStates()) {
      if (clientId === self) continue;
      const peer = readPeer(clientId, state);
      if (peer) peers.push(peer);
    }
    this.peers = peers;
  };
}

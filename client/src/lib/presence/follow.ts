// Following someone's view, as a state machine free of runes and the DOM (follow.svelte.ts
// binds it to the page). While following, each new `view` the person shares moves ours there
// (their centre in our middle, their zoom, whatever the size of our screen); it stops when we
// say so (the Stop button, Escape), when we move the view ourselves, when the facilitator
// brings everyone somewhere, and when the person leaves the board.
import type { Peer, PeerView } from '../sync/peers.js';

export interface FollowTarget {
  readonly clientId: number;
  readonly name: string;
}

export type FollowStopReason = 'stopped' | 'moved' | 'left' | 'focus';

export interface FollowHost {
  /** Move this person's view to `view` (not a move of their own: it must not stop following). */
  place(view: PeerView): void;
  /** The target changed: started (with no reason), or stopped for `reason`. */
  changed(target: FollowTarget | undefined, reason?: FollowStopReason): void;
}

export class FollowMachine {
  readonly #host: FollowHost;
  #target: FollowTarget | undefined;
  /** The last view placed: the same view shared again (their cursor moved) moves nothing. */
  #placed: PeerView | undefined;

  constructor(host: FollowHost) {
    this.#host = host;
  }

  get target(): FollowTarget | undefined {
    return this.#target;
  }

  isFollowing(clientId: number): boolean {
    return this.#target?.clientId === clientId;
  }

  /** Starts following `peer` and moves to their view at once, if they shared one yet. */
  start(peer: Peer): void {
    if (this.isFollowing(peer.clientId)) return;
    this.#target = { clientId: peer.clientId, name: peer.name };
    this.#placed = undefined;
    this.#host.changed(this.#target);
    this.#placeView(peer.view);
  }

  /** The Follow button: starts following `peer`, or stops when already following them. */
  toggle(peer: Peer): void {
    if (this.isFollowing(peer.clientId)) this.stop('stopped');
    else this.start(peer);
  }

  /** Answers whether there was anything to stop. */
  stop(reason: FollowStopReason): boolean {
    if (!this.#target) return false;
    this.#target = undefined;
    this.#placed = undefined;
    this.#host.changed(undefined, reason);
    return true;
  }

  /** Everyone's presence changed: follow the target's view, or stop when they left. */
  peers(peers: readonly Peer[]): void {
    const target = this.#target;
    if (!target) return;
    const peer = peers.find((candidate) => candidate.clientId === target.clientId);
    if (!peer) {
      this.stop('left');
      return;
    }
    if (peer.name !== target.name) {
      this.#target = { clientId: peer.clientId, name: peer.name };
      this.#host.changed(this.#target);
    }
    this.#placeView(peer.view);
  }

  /** This person panned, zoomed or fitted the view themselves. */
  userMoved(): void {
    this.stop('moved');
  }

  #placeView(view: PeerView | undefined): void {
    if (!view) return;
    const placed = this.#placed;
    if (placed && placed.x === view.x && placed.y === view.y && placed.zoom === view.zoom) return;
    this.#placed = view;
    this.#host.place(view);
  }
}

// Following someone's view, bound to the page: the state machine (follow.ts) driven by
// everyone's presence and by this person's own moves of the view, its target as a rune for the
// banner and the Follow buttons, and what it does said to screen-reader users.
import { t } from '../i18n/index.js';
import type { CentredView } from '../board/viewportState.svelte.js';
import type { Peer } from '../sync/peers.js';
import { FollowMachine, type FollowStopReason, type FollowTarget } from './follow.js';

export interface FollowOptions {
  readonly presence: { onPeers(listener: (peers: readonly Peer[]) => void): () => void };
  readonly viewport: {
    centreAt(centre: { x: number; y: number }, zoom: number): void;
    onUserMove(listener: () => void): () => void;
  };
  readonly announce: (message: string) => void;
  /**
   * Whether the connection is up and synced. When ours drops, the provider forgets everyone's presence at
   * once: that is not the person leaving, and following goes on when we are back.
   */
  readonly connected: () => boolean;
}

export class Follow {
  /** Whom this person follows, if anyone. */
  target = $state.raw<FollowTarget | undefined>();
  readonly #machine: FollowMachine;
  readonly #detach: (() => void)[];

  constructor(options: FollowOptions) {
    this.#machine = new FollowMachine({
      place: (view: CentredView) => options.viewport.centreAt(view, view.zoom),
      changed: (target, reason) => {
        const previous = this.target;
        this.target = target;
        if (target && !previous) options.announce(t('follow.started', { name: target.name }));
        else if (!target && previous && reason) {
          const message = stopMessage(reason, previous.name);
          if (message) options.announce(message);
        }
      },
    });
    this.#detach = [
      options.presence.onPeers((peers) => {
        if (options.connected()) this.#machine.peers(peers);
      }),
      options.viewport.onUserMove(() => this.#machine.userMoved()),
    ];
  }

  isFollowing(clientId: number): boolean {
    return this.target?.clientId === clientId;
  }

  toggle(peer: Peer): void {
    this.#machine.toggle(peer);
  }

  /** Answers whether there was anything to stop (Escape then does nothing else). */
  stop(reason: FollowStopReason = 'stopped'): boolean {
    return this.#machine.stop(reason);
  }

  destroy(): void {
    for (const detach of this.#detach) detach();
  }
}

function stopMessage(reason: FollowStopReason, name: string): string | undefined {
  if (reason === 'left') return t('follow.stoppedLeft', { name });
  // Brought to the facilitator's focus: that announcement says it all.
  if (reason === 'focus') return undefined;
  return t('follow.stopped', { name });
}

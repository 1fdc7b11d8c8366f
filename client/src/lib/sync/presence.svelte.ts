// Presence over y-protocols awareness (CONTRACT.md section 3): our `user` (name, colour, role),
// while the pointer is over the board our `cursor` in canvas units, the cards we have selected
// (`selection`, absent when none) and where we look (`view`: centre and zoom); and everyone
// else's, as runes. Every awareness update carries the whole state, so what we add is kept
// small and sent only when it changed.
import type { ItemId } from '@interlink/model';
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../canvas/viewport.js';
import { buildRemoteSelections, sameSelections, type RemoteSelections } from '../presence/remoteSelections.js';
import { throttle } from '../util/throttle.js';
import { MAX_SELECTION, PeerReader, sameView, type LocalUser, type Peer, type PeerView } from './peers.js';

/** ~20 cursor updates a second: smooth enough to follow, light enough for poor connections. */
const CURSOR_INTERVAL_MS = 50;
/** ~5 view updates a second: enough for someone following to keep up, cheap while panning. */
const VIEW_INTERVAL_MS = 200;

/** A tenth of a canvas unit and four decimals of zoom: finer changes nobody following can see. */
export function roundView(view: PeerView): PeerView {
  return { x: Math.round(view.x * 10) / 10, y: Math.round(view.y * 10) / 10, zoom: Math.round(view.zoom * 10_000) / 10_000 };
}

export class Presence {
  /** Everyone else on the board, in join order. */
  peers = $state.raw<readonly Peer[]>([]);
  /** Who has which card selected, rebuilt only when someone's selection (or name, colour) changed. */
  selections = $state.raw<RemoteSelections>(buildRemoteSelections([]));
  readonly user: LocalUser;
  readonly #awareness: Awareness;
  readonly #reader = new PeerReader();
  readonly #listeners = new Set<(peers: readonly Peer[]) => void>();
  #sentSelection: readonly ItemId[] = [];
  #sentView: PeerView | undefined;
  readonly #sendCursor = throttle((point: Point) => {
    this.#awareness.setLocalStateField('cursor', { x: point.x, y: point.y });
  }, CURSOR_INTERVAL_MS);
  readonly #sendView = throttle((view: PeerView) => {
    if (sameView(view, this.#sentView)) return;
    this.#sentView = view;
    this.#awareness.setLocalStateField('view', view);
  }, VIEW_INTERVAL_MS);

  constructor(awareness: Awareness, user: LocalUser) {
    this.#awareness = awareness;
    this.user = user;
    // The role is the connection's: the server refuses a state that claims another one.
    awareness.setLocalStateField('user', { name: user.name, color: user.color, role: user.role });
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
    // Removed rather than nulled: the contract says the cursor is there only while the pointer is over the board.
    this.#removeField('cursor');
  }

  /** Our selected cards: the first MAX_SELECTION of them are shared; none removes the field. */
  setSelection(ids: ReadonlySet<ItemId>): void {
    const shared: ItemId[] = [];
    for (const id of ids) {
      if (shared.length >= MAX_SELECTION) break;
      shared.push(id);
    }
    if (shared.length === this.#sentSelection.length && shared.every((id, index) => id === this.#sentSelection[index])) return;
    this.#sentSelection = shared;
    if (shared.length === 0) this.#removeField('selection');
    else this.#awareness.setLocalStateField('selection', shared);
  }

  /** Where we look (centre in canvas units, zoom): sent at most VIEW_INTERVAL_MS apart, and only when it moved. */
  setView(view: PeerView): void {
    const rounded = roundView(view);
    if (!Number.isFinite(rounded.x) || !Number.isFinite(rounded.y) || !(rounded.zoom > 0)) return;
    this.#sendView(rounded);
  }

  /** Told after every change of `peers` (synchronously, unlike an effect): for logic that must not miss one. */
  onPeers(listener: (peers: readonly Peer[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    this.#sendCursor.cancel();
    this.#sendView.cancel();
    this.#listeners.clear();
    this.#awareness.off('change', this.#refresh);
  }

  #removeField(key: string): void {
    const state = this.#awareness.getLocalState();
    if (!state || !(key in state)) return;
    const { [key]: _removed, ...rest } = state;
    this.#awareness.setLocalState(rest);
  }

  #refresh = (): void => {
    const peers = this.#reader.read(this.#awareness.getStates(), this.#awareness.clientID);
    this.peers = peers;
    if (!sameSelections(this.selections, peers)) this.selections = buildRemoteSelections(peers);
    for (const listener of this.#listeners) listener(peers);
  };
}

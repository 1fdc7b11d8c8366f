// Reading other people's awareness states. They come from the network, so each field is
// checked and bounded before it reaches the DOM (a colour goes into a style attribute) or the
// canvas (a view we may move to, ids we look up): a field that does not validate is dropped,
// the rest of the state is kept.
import { asFocus, type Focus, type ItemId } from '@interlink/model';
import { isRole, type Role } from '@interlink/protocol';
import type { Point } from '../canvas/viewport.js';
import { cleanName } from '../share/shareLink.js';

export interface PresenceUser {
  readonly name: string;
  readonly color: string;
}

/** This connection's own user: its role is the one the server gave its token. */
export interface LocalUser extends PresenceUser {
  readonly role: Role;
}

/** Where someone looks: the centre of their screen in canvas units, and their scale (the same shape as the facilitator's focus). */
export type PeerView = Focus;

export interface Peer extends PresenceUser {
  readonly clientId: number;
  /** Absent from older clients; the server refuses a state whose role is not the connection's. */
  readonly role: Role | undefined;
  readonly cursor: Point | undefined;
  /** The cards this person has selected (at most MAX_SELECTION); empty when none. */
  readonly selection: readonly ItemId[];
  readonly view: PeerView | undefined;
}

/** The most selected ids one person shares: enough for any real selection, bounded for the wire. */
export const MAX_SELECTION = 100;
/** Our ids are 16 characters; imported ones may be longer, but not without bound. */
export const MAX_ID_LENGTH = 64;

const COLOR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#555555';
const NO_IDS: readonly ItemId[] = [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readCursor(value: unknown): Point | undefined {
  if (!isRecord(value)) return undefined;
  const { x, y } = value;
  return isFiniteNumber(x) && isFiniteNumber(y) ? { x, y } : undefined;
}

/** Distinct non-empty strings of bounded length, at most MAX_SELECTION of them; anything else is dropped. */
export function readSelection(value: unknown): readonly ItemId[] {
  if (!Array.isArray(value) || value.length === 0) return NO_IDS;
  const ids = new Set<ItemId>();
  for (const id of value) {
    if (ids.size >= MAX_SELECTION) break;
    if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) ids.add(id as ItemId);
  }
  return ids.size === 0 ? NO_IDS : [...ids];
}

/** A peer from its awareness state; undefined when it has no user yet (still joining). */
export function readPeer(clientId: number, state: unknown): Peer | undefined {
  if (!isRecord(state) || !isRecord(state.user)) return undefined;
  const name = typeof state.user.name === 'string' ? cleanName(state.user.name) : undefined;
  if (!name) return undefined;
  const color = typeof state.user.color === 'string' && COLOR.test(state.user.color) ? state.user.color : FALLBACK_COLOR;
  const role = isRole(state.user.role) ? state.user.role : undefined;
  return {
    clientId,
    name,
    color,
    role,
    cursor: readCursor(state.cursor),
    selection: readSelection(state.selection),
    view: asFocus(state.view),
  };
}

function sameIds(a: readonly ItemId[], b: readonly ItemId[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export const sameView = (a: PeerView | undefined, b: PeerView | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y && a.zoom === b.zoom);

/**
 * Reads everyone's states as they change. Every cursor move of anyone emits a change, up to
 * hundreds a second in a large workshop, while each change replaces only that one person's
 * state: a state seen before (the same object) gives the same Peer without being read again,
 * and a re-read peer keeps its previous selection and view objects when they did not change,
 * so that views can tell "someone's selection changed" by identity.
 */
export class PeerReader {
  readonly #known = new Map<number, { readonly state: unknown; readonly peer: Peer }>();

  read(states: ReadonlyMap<number, unknown>, self: number): Peer[] {
    const peers: Peer[] = [];
    for (const [clientId, state] of states) {
      if (clientId === self) continue;
      const peer = this.#peer(clientId, state);
      if (peer) peers.push(peer);
    }
    for (const clientId of this.#known.keys()) if (!states.has(clientId)) this.#known.delete(clientId);
    return peers;
  }

  #peer(clientId: number, state: unknown): Peer | undefined {
    const known = this.#known.get(clientId);
    if (known && known.state === state) return known.peer;
    const fresh = readPeer(clientId, state);
    if (!fresh) {
      this.#known.delete(clientId);
      return undefined;
    }
    const before = known?.peer;
    const peer: Peer = before
      ? {
          ...fresh,
          selection: sameIds(before.selection, fresh.selection) ? before.selection : fresh.selection,
          view: sameView(before.view, fresh.view) ? before.view : fresh.view,
        }
      : fresh;
    this.#known.set(clientId, { state, peer });
    return peer;
  }
}

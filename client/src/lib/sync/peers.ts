// Reading other people's awareness states. They come from the network, so each field is
// checked and bounded before it reaches the DOM (a colour goes into a style attribute).
import type { Point } from '../canvas/viewport.js';
import { cleanName } from '../share/shareLink.js';

export interface PresenceUser {
  readonly name: string;
  readonly color: string;
}

export interface Peer extends PresenceUser {
  readonly clientId: number;
  readonly cursor: Point | undefined;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#555555';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readCursor(value: unknown): Point | undefined {
  if (!isRecord(value)) return undefined;
  const { x, y } = value;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? { x, y }
    : undefined;
}

/** A peer from its awareness state; undefined when it has no user yet (still joining). */
export function readPeer(clientId: number, state: unknown): Peer | undefined {
  if (!isRecord(state) || !isRecord(state.user)) return undefined;
  const name = typeof state.user.name === 'string' ? cleanName(state.user.name) : undefined;
  if (!name) return undefined;
  const color = typeof state.user.color === 'string' && COLOR.test(state.user.color) ? state.user.color : FALLBACK_COLOR;
  return { clientId, name, color, cursor: readCursor(state.cursor) };
}

// Workshop state in the `session` map (CONTRACT.md section 6). For now the one command the
// client needs: the facilitator's "bring everyone here", a `focus` view every client moves to.
// Only a facilitator's connection may change `session`; the server enforces that, not this code.
import * as Y from 'yjs';
import { boardMaps } from './document.js';

/** A view: its centre in canvas units and its scale (1 = 100%). */
export interface Focus {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

const FOCUS_KEY = 'focus';

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A focus from anything (a stored value, a peer's write): undefined unless x, y and zoom are usable. */
export function asFocus(value: unknown): Focus | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // Another client may have written a Y.Map rather than a plain value: read it the same way.
  const record = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : (value as Record<string, unknown>);
  const { x, y, zoom } = record;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(zoom) || zoom <= 0) return undefined;
  return { x, y, zoom };
}

/**
 * Asks everyone to look at `focus`, in one transaction with `origin`. Stored as one plain
 * value: setting it again, even to the same place, is a new change that every client sees (a
 * second press of "bring everyone here" moves those who wandered off since). Answers false and
 * writes nothing when the focus is not a usable view.
 */
export function setFocus(doc: Y.Doc, focus: Focus, origin: unknown = null): boolean {
  const clean = asFocus(focus);
  if (!clean) return false;
  doc.transact(() => {
    boardMaps(doc).session.set(FOCUS_KEY, { x: clean.x, y: clean.y, zoom: clean.zoom });
  }, origin);
  return true;
}

/** The focus, or undefined when absent or unusable (tolerant: a bad value is ignored, never thrown). */
export function readFocus(doc: Y.Doc): Focus | undefined {
  return asFocus(boardMaps(doc).session.get(FOCUS_KEY));
}

/** Whether a change to the session map (a Y.YMapEvent's keysChanged) touched the focus. */
export function focusChanged(keysChanged: ReadonlySet<string>): boolean {
  return keysChanged.has(FOCUS_KEY);
}

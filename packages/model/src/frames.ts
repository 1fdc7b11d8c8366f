// Frames carry what lies inside them: moving a frame moves its contents. Which items a frame
// holds is decided once, when a gesture starts (dragSet): were it decided at every step of a
// drag, a frame passing over a card would pick the card up and carry it off.
import type * as Y from 'yjs';
import { getItemMap } from './document.js';
import {
  boxContains,
  isFiniteDelta,
  itemBox,
  readGeometry,
  readItemGeometry,
  type BoardGeometry,
  type Delta,
} from './geometry.js';
import type { ItemId } from './ids.js';

export const FRAME_KIND = 'frame';

/**
 * The items whose box lies entirely inside the frame's box (edges touching count), the frame
 * itself excluded. Nested frames and their contents lie inside too; items of kinds this version
 * does not know are cards like any other. Empty when `frameId` is not a frame. Sorted by id, so
 * that every replica answers the same list.
 */
export function itemsInFrame(board: BoardGeometry, frameId: ItemId): ItemId[] {
  const frame = board.items.get(frameId);
  if (!frame || frame.kind !== FRAME_KIND) return [];
  const area = itemBox(frame);
  const inside: ItemId[] = [];
  for (const item of board.items.values()) {
    if (item.id !== frameId && boxContains(area, itemBox(item))) inside.push(item.id);
  }
  return inside.sort();
}

/**
 * What a drag of `ids` moves: the ids themselves (those that exist, each once, in the order
 * given), then the contents of every frame among them that are not already in the list.
 * The client calls it once, when the drag starts, and moves exactly this list until it ends.
 */
export function dragSet(board: BoardGeometry, ids: readonly ItemId[]): ItemId[] {
  const set = new Set<ItemId>(ids.filter((id) => board.items.has(id)));
  for (const id of [...set]) {
    for (const inside of itemsInFrame(board, id)) set.add(inside);
  }
  return [...set];
}

/**
 * Moves exactly the given items by a delta, each once, in one transaction. For a drag in
 * progress: the client computed `dragSet` at its start. Items missing from the board are
 * skipped; a non-finite delta changes nothing (it would write a position no reader accepts).
 */
export function moveItemsBy(doc: Y.Doc, ids: readonly ItemId[], delta: Delta, origin: unknown = null): void {
  if (!isFiniteDelta(delta)) return;
  doc.transact(() => {
    for (const id of new Set(ids)) {
      const item = readItemGeometry(doc, id);
      const map = getItemMap(doc, id);
      if (!item || !map) continue;
      if (delta.dx !== 0) map.set('x', item.x + delta.dx);
      if (delta.dy !== 0) map.set('y', item.y + delta.dy);
    }
  }, origin);
}

/**
 * Moves the given items by a delta, and every moved frame's contents with it (an item in two
 * moved frames moves once), as one command: a keyboard nudge, or a drag committed at its end.
 * Membership is decided from the board as it is before the move.
 */
export function moveWithFrames(doc: Y.Doc, ids: readonly ItemId[], delta: Delta, origin: unknown = null): ItemId[] {
  const moved = dragSet(readGeometry(doc), ids);
  moveItemsBy(doc, moved, delta, origin);
  return moved;
}

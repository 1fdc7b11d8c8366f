// How pointer gestures change the selection, as plain functions of the current selection:
// a click replaces it (Shift + click toggles one card), a drag carries the selection when it
// starts on a selected card and otherwise picks up just the card it starts on (with Shift,
// adds it). A marquee simply replaces the selection (see marqueeGesture.ts).
import type { ItemId } from '@interlink/model';

export function afterClick(current: ReadonlySet<ItemId>, id: ItemId, toggle: boolean): ReadonlySet<ItemId> {
  if (!toggle) return new Set([id]);
  const next = new Set(current);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function atDragStart(current: ReadonlySet<ItemId>, id: ItemId, additive: boolean): ReadonlySet<ItemId> {
  if (current.has(id)) return current;
  return additive ? new Set([...current, id]) : new Set([id]);
}

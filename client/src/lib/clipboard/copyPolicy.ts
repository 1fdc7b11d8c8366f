// Which selected cards may leave the board through the clipboard. Clipboard text goes wherever
// the person pastes it (a chat, an email, another workshop's board), so it is an export: the
// same rule as the server's exports applies (CONTRACT.md section 5, DOMAIN.md "Safety of
// participants"): confidential cards leave only when a facilitator copies them. Anyone else's
// copy leaves them out, with their links (copySelection keeps only links between copied cards),
// and the person is told how many were left out rather than finding out on paste.
import type { ItemId, Sensitivity } from '@interlink/model';

export interface CopyChoice {
  readonly ids: ItemId[];
  /** How many of the asked-for cards were left out as confidential. */
  readonly leftOut: number;
}

export function copyableIds(
  items: ReadonlyMap<ItemId, { readonly sensitivity: Sensitivity }>,
  ids: readonly ItemId[],
  mayCopyConfidential: boolean,
): CopyChoice {
  if (mayCopyConfidential) return { ids: ids.filter((id) => items.has(id)), leftOut: 0 };
  const kept: ItemId[] = [];
  let leftOut = 0;
  for (const id of ids) {
    const item = items.get(id);
    if (!item) continue;
    if (item.sensitivity === 'confidential') leftOut++;
    else kept.push(id);
  }
  return { ids: kept, leftOut };
}

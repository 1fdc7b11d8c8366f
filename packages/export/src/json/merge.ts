// Merging imported items and links into a board, in one transaction (one update: connected
// people see the whole import arrive at once, and undo or a crash never splits it).
//
// Nothing on the board is ever overwritten:
// - an id the board does not have is kept, so importing an export into a new board gives back
//   an equal board;
// - an id the board already has, holding an identical card (the same export imported twice),
//   is skipped: re-importing a backup is harmless;
// - an id the board has with a different card gets a new id, and the imported links follow it.
// Links are judged the same way, after their ends have followed their items.
// `author` is kept as the file has it: the file is an export of the organisation's own board,
// imported by a facilitator (unlike a paste, which may land before other people: see clipboard.ts).
import { boardMaps, itemFromJson, itemToJson, linkFromJson, linkToJson, newItemId, newLinkId, type JsonItem, type JsonLink, type JsonValue } from '@interlink/model';
import * as Y from 'yjs';
import { sameJson } from './canonical.js';

export interface MergeCounts {
  readonly items: number;
  readonly links: number;
}

export interface MergeResult {
  /** Written to the board (under their own id or a new one). */
  readonly added: MergeCounts;
  /** Left out because the board already holds an identical entry under the same id. */
  readonly skipped: MergeCounts;
  /** Written under a new id because the board holds something else under theirs. */
  readonly renamed: MergeCounts;
}

export interface MergeContent {
  readonly items: readonly JsonItem[];
  /** Each end must be the id of one of `items`; a link whose end is not is left out. */
  readonly links: readonly JsonLink[];
}

/** Whether an existing card counts as the imported one. By default: every field equal. */
export type SameItem = (existing: JsonItem, imported: JsonItem, index: number) => boolean;

export interface MergeOptions {
  readonly origin?: unknown;
  readonly sameItem?: SameItem;
}

type JsonEntry = { readonly [field: string]: JsonValue };

/** Every field of both equal, key order aside. */
export function sameEntry(existing: JsonEntry, imported: JsonEntry): boolean {
  const fields = Object.keys(imported);
  return fields.length === Object.keys(existing).length && fields.every((field) => Object.hasOwn(existing, field) && sameJson(existing[field], imported[field]));
}

/** A new id not among `taken` (a random id is all but certainly free; this makes it certain). */
function freshId(taken: Set<string>, next: () => string): string {
  let id = next();
  while (taken.has(id)) id = next();
  taken.add(id);
  return id;
}

/** Writes the content into the board in one transaction with `options.origin` (see the top of this file). */
export function mergeIntoBoard(doc: Y.Doc, content: MergeContent, options: MergeOptions = {}): MergeResult {
  const sameItem = options.sameItem ?? ((existing, imported) => sameEntry(existing, imported));
  const added = { items: 0, links: 0 };
  const skipped = { items: 0, links: 0 };
  const renamed = { items: 0, links: 0 };
  doc.transact(() => {
    const { items, links } = boardMaps(doc);
    const takenItemIds = new Set<string>([...items.keys(), ...content.items.map((item) => item.id)]);
    const takenLinkIds = new Set<string>([...links.keys(), ...content.links.map((link) => link.id)]);
    /** File id -> the id the item has on the board. */
    const placed = new Map<string, string>();

    for (const [index, item] of content.items.entries()) {
      const existing: unknown = items.get(item.id);
      if (existing === undefined) {
        items.set(item.id, itemFromJson(item));
        placed.set(item.id, item.id);
        added.items += 1;
      } else if (existing instanceof Y.Map && sameItem(itemToJson(item.id, existing), item, index)) {
        placed.set(item.id, item.id);
        skipped.items += 1;
      } else {
        const id = freshId(takenItemIds, newItemId);
        items.set(id, itemFromJson({ ...item, id }));
        placed.set(item.id, id);
        added.items += 1;
        renamed.items += 1;
      }
    }

    for (const link of content.links) {
      const from = placed.get(link.from);
      const to = placed.get(link.to);
      if (from === undefined || to === undefined) continue;
      const moved: JsonLink = { ...link, from, to };
      const existing: unknown = links.get(link.id);
      if (existing === undefined) {
        links.set(link.id, linkFromJson(moved));
        added.links += 1;
        continue;
      }
      const current = existing instanceof Y.Map ? linkToJson(link.id, existing) : undefined;
      if (current && sameEntry(current, moved)) {
        skipped.links += 1;
        continue;
      }
      const id = freshId(takenLinkIds, newLinkId);
      links.set(id, linkFromJson({ ...moved, id }));
      added.links += 1;
      renamed.links += 1;
    }
  }, options.origin ?? null);
  return { added, skipped, renamed };
}

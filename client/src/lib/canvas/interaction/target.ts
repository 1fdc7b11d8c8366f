// What the canvas's editing gestures act on: the board as drawn (for hit tests and drag sets)
// and the selection commands. The board page passes its session (see sessionTarget.ts); tests
// can pass a stub. Gestures report intents through it and never write the document themselves.
import type { Delta, ItemId, LinkId } from '@interlink/model';
import type { BoardMirror } from '../../board/boardMirror.js';
import type { View } from '../viewport.js';

export interface EditorTarget {
  /** Whether this person may change the board (observers only look and select). */
  readonly editable: boolean;
  readonly board: BoardMirror;
  getView(): View;
  getSelection(): ReadonlySet<ItemId>;
  /** Replaces the card selection; closes the link editor. */
  select(ids: Iterable<ItemId>): void;
  /** Selects one link (its editor opens) and no cards; undefined closes the editor. */
  selectLink(id: LinkId | undefined): void;
  /** Clears both the cards and the link selected. */
  clearSelection(): void;
  /** One throttled step of a drag; `ids` is the drag set decided when it started. */
  moveBy(ids: readonly ItemId[], delta: Delta): void;
  /** Keeps a drag's many updates one undo step; the answer ends it. */
  holdStep(): () => void;
  /** A link drawn from the handle of `source` to `target`. */
  link(source: ItemId, target: ItemId): void;
}

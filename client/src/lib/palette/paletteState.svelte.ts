// The kind this person creates next: chosen in the palette, used by a double-click on the
// canvas and by the palette's Add button. Local to this browser, never shared.
import { ITEM_KINDS, type ItemKind } from '@interlink/model';

export class PaletteState {
  /** Notes by default: the kind that asks nothing of whoever has not chosen yet. */
  current = $state<ItemKind>('note');
  readonly kinds: readonly ItemKind[] = ITEM_KINDS;

  choose(kind: ItemKind): void {
    this.current = kind;
  }
}

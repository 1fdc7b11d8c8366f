// The inspector's state: the selected items as the mirror has them now, the fields they have,
// their shared or mixed values, and the edits, each sent as one model command with this
// person's origin (so that undo takes back exactly one edit, and only their own).
import { setItemsColor, updateItems, type Dimension, type ItemUpdate, type ItemView } from '@interlink/model';
import type { BoardSession } from '../board/boardSession.svelte.js';
import { applicableFields, itemsWith, parseChoice, type ChoiceField, type InspectorField, type TextField } from './fields.js';
import { planDimensionToggle, planFieldEdit } from './edits.js';
import { dimensionCoverage, sharedValue, type Coverage, type Shared } from './values.js';

export type InspectorHost = Pick<BoardSession, 'doc' | 'origin' | 'editable' | 'mirror' | 'selection' | 'revision' | 'undo'>;

export class InspectorState {
  readonly #host: InspectorHost;

  /** The selected items still on the board, re-read on every change to it. */
  readonly items: readonly ItemView[] = $derived.by(() => {
    void this.#host.revision;
    return [...this.#host.selection.ids].flatMap((id) => this.#host.mirror.items.get(id) ?? []);
  });
  readonly fields: readonly InspectorField[] = $derived(applicableFields(this.items));
  /** Each dimension's coverage among the selected threats; undefined with no threat selected. */
  readonly dimensions: ReadonlyMap<Dimension, Coverage> | undefined = $derived(dimensionCoverage(this.items));

  constructor(host: InspectorHost) {
    this.#host = host;
  }

  get editable(): boolean {
    return this.#host.editable;
  }

  has(field: InspectorField): boolean {
    return this.fields.includes(field);
  }

  value<F extends InspectorField>(field: F): Shared<NonNullable<ItemView[F]>> {
    return sharedValue(this.items, field);
  }

  /** How many selected items an edit of `field` changes (less than all when kinds are mixed). */
  count(field: InspectorField): number {
    return itemsWith(this.items, field).length;
  }

  /** A select's new value: one of the field's choices, or '' for "not set". */
  setChoice(field: ChoiceField, raw: string): void {
    const value = parseChoice(field, raw);
    if (value === undefined && raw !== '') return;
    this.#apply(planFieldEdit(this.items, field, value));
  }

  setText(field: TextField, text: string): void {
    this.#apply(planFieldEdit(this.items, field, text));
  }

  toggleDimension(dimension: Dimension, on: boolean): void {
    this.#apply(planDimensionToggle(this.items, dimension, on));
  }

  /** A colour for every selected item, or null for each kind's own. */
  setColor(color: string | null): void {
    const ids = this.items.filter((item) => (item.color ?? null) !== color).map((item) => item.id);
    if (!this.editable || ids.length === 0) return;
    this.#step(() => setItemsColor(this.#host.doc, ids, color, this.#host.origin));
  }

  #apply(updates: readonly ItemUpdate[]): void {
    if (!this.editable || updates.length === 0) return;
    this.#step(() => updateItems(this.#host.doc, updates, this.#host.origin));
  }

  /** One edit, one undo step: not merged with a drag or with typing just before or after. */
  #step(command: () => void): void {
    this.#host.undo.checkpoint();
    command();
    this.#host.undo.checkpoint();
  }
}

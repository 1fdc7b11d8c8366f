// Turns an inspector edit into the updates of one updateItems command: only the selected items
// of the kinds that have the field, and only those whose value actually changes (writing an
// unchanged value would still overwrite a peer's concurrent edit of it, and add undo noise).
import { DIMENSIONS, type Dimension, type ItemFields, type ItemUpdate, type ItemView } from '@interlink/model';
import { itemsWith, type ChoiceField, type ChoiceValue, type KindField, type TextField } from './fields.js';

type Settable = ChoiceField | TextField;
type SettableValue<F extends Settable> = F extends ChoiceField ? ChoiceValue<F> : string;

/**
 * Sets one field to `value` (undefined clears it) on every selected item that has it. Text is
 * trimmed, and an empty text clears the field: a threshold of spaces says nothing.
 */
export function planFieldEdit<F extends Settable>(items: readonly ItemView[], field: F, value: SettableValue<F> | undefined): ItemUpdate[] {
  const next = typeof value === 'string' ? value.trim() || undefined : value;
  return itemsWith(items, field)
    .filter((item) => item[field] !== next)
    .map((item) => ({ id: item.id, fields: { [field]: next ?? null } as ItemFields }));
}

/** Adds a dimension to (or takes it from) every selected threat, keeping each one's others. */
export function planDimensionToggle(items: readonly ItemView[], dimension: Dimension, on: boolean): ItemUpdate[] {
  const updates: ItemUpdate[] = [];
  for (const item of itemsWith(items, 'dimensions' satisfies KindField)) {
    const has = item.dimensions?.includes(dimension) ?? false;
    if (has === on) continue;
    // Kept in the vocabulary's order, so that the same set is always stored the same way.
    const dimensions = DIMENSIONS.filter((d) => (d === dimension ? on : (item.dimensions?.includes(d) ?? false)));
    updates.push({ id: item.id, fields: { dimensions } });
  }
  return updates;
}

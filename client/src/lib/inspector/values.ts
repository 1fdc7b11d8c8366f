// What the inspector shows for a field of the selection: the one value all selected items that
// have the field share (which may be "not set"), or "mixed" when they differ.
import { DIMENSIONS, type Dimension, type ItemView } from '@interlink/model';
import { itemsWith, type InspectorField } from './fields.js';

export type FieldValue = ItemView[InspectorField];

export type Shared<T> =
  /** No selected item has the field: the inspector does not show it. */
  | { readonly state: 'absent' }
  /** Every selected item that has the field holds this value (undefined: none has set it). */
  | { readonly state: 'same'; readonly value: T | undefined }
  | { readonly state: 'mixed' };

export const ABSENT: Shared<never> = { state: 'absent' };
export const MIXED: Shared<never> = { state: 'mixed' };

export function sharedValue<F extends InspectorField>(items: readonly ItemView[], field: F): Shared<NonNullable<ItemView[F]>> {
  const holders = itemsWith(items, field);
  const first = holders[0];
  if (!first) return ABSENT;
  const value = first[field];
  return holders.every((item) => item[field] === value) ? { state: 'same', value: value ?? undefined } : MIXED;
}

/** A dimension among the selected threats: named by all, by some, or by none of them. */
export type Coverage = 'all' | 'some' | 'none';

/** Each dimension's coverage among the selected threats; undefined when no threat is selected. */
export function dimensionCoverage(items: readonly ItemView[]): ReadonlyMap<Dimension, Coverage> | undefined {
  const threats = itemsWith(items, 'dimensions');
  if (threats.length === 0) return undefined;
  const coverage = new Map<Dimension, Coverage>();
  for (const dimension of DIMENSIONS) {
    const count = threats.filter((item) => item.dimensions?.includes(dimension)).length;
    coverage.set(dimension, count === 0 ? 'none' : count === threats.length ? 'all' : 'some');
  }
  return coverage;
}

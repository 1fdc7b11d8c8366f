// Which inspector fields exist and which kinds of item have them (CONTRACT.md section 4): the
// kind's own fields, and sensitivity and colour on every item. Also the values each field may
// take, in the order the inspector offers them.
import {
  LEVELS,
  ONSETS,
  PHASES,
  SCORE_MAX,
  SCORE_MIN,
  SECTORS,
  SENSITIVITIES,
  STRATEGIES,
  type ItemKind,
  type ItemView,
} from '@interlink/model';

/** The fields that belong to one kind, with that kind. */
export const KIND_FIELDS = {
  dimensions: 'threat',
  severity: 'threat',
  likelihood: 'threat',
  onset: 'threat',
  level: 'actor',
  sector: 'actor',
  strategy: 'response',
  phase: 'response',
  threshold: 'indicator',
  action: 'indicator',
} as const satisfies Readonly<Record<string, ItemKind>>;
export type KindField = keyof typeof KIND_FIELDS;

/** Every item has these, whatever its kind, even one this version does not know. */
export const COMMON_FIELDS = ['sensitivity', 'color'] as const;
export type CommonField = (typeof COMMON_FIELDS)[number];

export type InspectorField = KindField | CommonField;

/** The order the inspector shows them in: the kind's own fields first. */
export const FIELD_ORDER: readonly InspectorField[] = [...(Object.keys(KIND_FIELDS) as KindField[]), ...COMMON_FIELDS];

export const isKindField = (field: InspectorField): field is KindField => field in KIND_FIELDS;

export function fieldApplies(field: InspectorField, item: Pick<ItemView, 'knownKind'>): boolean {
  return isKindField(field) ? KIND_FIELDS[field] === item.knownKind : true;
}

/** The items among `items` that have `field`: those an edit of it changes. */
export function itemsWith<T extends Pick<ItemView, 'knownKind'>>(items: readonly T[], field: InspectorField): T[] {
  return items.filter((item) => fieldApplies(field, item));
}

/** The fields to show for a selection: any field at least one selected item has. */
export function applicableFields(items: readonly Pick<ItemView, 'knownKind'>[]): InspectorField[] {
  if (items.length === 0) return [];
  return FIELD_ORDER.filter((field) => items.some((item) => fieldApplies(field, item)));
}

const SCORES: readonly number[] = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** The fields chosen from a closed list, and the list. */
export const CHOICES = {
  severity: SCORES,
  likelihood: SCORES,
  onset: ONSETS,
  level: LEVELS,
  sector: SECTORS,
  strategy: STRATEGIES,
  phase: PHASES,
  sensitivity: SENSITIVITIES,
} as const;
export type ChoiceField = keyof typeof CHOICES;
export type ChoiceValue<F extends ChoiceField> = (typeof CHOICES)[F][number];

export const TEXT_FIELDS = ['threshold', 'action'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The choice a select's string value names; undefined for "not set" or a value not on the list. */
export function parseChoice<F extends ChoiceField>(field: F, raw: string): ChoiceValue<F> | undefined {
  const list: readonly (string | number)[] = CHOICES[field];
  const value = list.find((option) => String(option) === raw);
  return value as ChoiceValue<F> | undefined;
}

// The closed vocabularies of the schema-1 board document (CONTRACT.md section 4). Each is an
// `as const` tuple so that the type and the runtime check come from one list.

export const SCHEMA_VERSION = 1;

export const ITEM_KINDS = [
  'threat',
  'root-cause',
  'group',
  'capacity',
  'actor',
  'response',
  'indicator',
  'note',
  'frame',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const LINK_KINDS = [
  'causes',
  'amplifies',
  'affects',
  'addresses',
  'responsible',
  'strengthens',
  'monitors',
  'relates',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const DIMENSIONS = [
  'economic',
  'food',
  'health',
  'environmental',
  'personal',
  'community',
  'political',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SENSITIVITIES = ['public', 'restricted', 'confidential'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const ONSETS = ['chronic', 'sudden'] as const;
export type Onset = (typeof ONSETS)[number];

export const LEVELS = ['local', 'national', 'regional', 'international'] as const;
export type ActorLevel = (typeof LEVELS)[number];

export const SECTORS = [
  'government',
  'un',
  'regional-org',
  'civil-society',
  'community',
  'private',
  'academic',
] as const;
export type Sector = (typeof SECTORS)[number];

export const STRATEGIES = ['protection', 'empowerment'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const PHASES = ['prevention', 'mitigation', 'recovery'] as const;
export type Phase = (typeof PHASES)[number];

export const POLARITIES = ['+', '-'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** Severity and likelihood are scored on this inclusive scale. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

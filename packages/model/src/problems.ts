// What the tolerant reader reports instead of throwing: a coded value per finding, so that the
// canvas can mark the card and the report can list it, each in its own words.

export const PROBLEM_CODES = [
  'not-a-map',
  'unknown-kind',
  'missing-field',
  'wrong-type',
  'out-of-range',
  'unknown-value',
  'missing-end',
  'wrong-link-ends',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  readonly target: 'item' | 'link';
  readonly id: string;
  readonly code: ProblemCode;
  /** The field at fault, when the problem is about one field. */
  readonly field?: string;
  /** A plain-English explanation for logs and developers; the UI words it through i18n by code. */
  readonly detail: string;
}

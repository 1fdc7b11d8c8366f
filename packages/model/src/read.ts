// The tolerant reader: turns the Yjs maps into plain views for renderers, exports and analysis.
// It never throws on what a peer wrote: an unknown kind or field is kept (in `extra`), a value
// out of range is dropped from the view and reported as a problem on the item.
import * as Y from 'yjs';
import { boardMaps, readTitle } from './document.js';
import { asItemId, asLinkId, type ItemId, type LinkId } from './ids.js';
import type { Problem } from './problems.js';
import { compareProblems, validateBoard } from './validate.js';
import {
  DIMENSIONS,
  ITEM_KINDS,
  LEVELS,
  LINK_KINDS,
  ONSETS,
  PHASES,
  POLARITIES,
  SCORE_MAX,
  SCORE_MIN,
  SECTORS,
  SENSITIVITIES,
  STRATEGIES,
  isOneOf,
  type ActorLevel,
  type Dimension,
  type ItemKind,
  type LinkKind,
  type Onset,
  type Phase,
  type Polarity,
  type Sector,
  type Sensitivity,
  type Strategy,
} from './vocabulary.js';

export interface ItemView {
  readonly id: ItemId;
  /** The stored kind, even when this version does not know it (see `knownKind`). */
  readonly kind: string;
  readonly knownKind: ItemKind | undefined;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
  readonly z?: string;
  readonly color?: string;
  readonly sensitivity: Sensitivity;
  readonly author?: string;
  readonly createdAt?: number;
  readonly dimensions?: readonly Dimension[];
  readonly severity?: number;
  readonly likelihood?: number;
  readonly onset?: Onset;
  readonly level?: ActorLevel;
  readonly sector?: Sector;
  readonly strategy?: Strategy;
  readonly phase?: Phase;
  readonly threshold?: string;
  readonly action?: string;
  /** Fields this version does not know, kept as they are. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface LinkView {
  readonly id: LinkId;
  readonly kind: string;
  readonly knownKind: LinkKind | undefined;
  readonly from: ItemId;
  readonly to: ItemId;
  readonly label?: string;
  readonly polarity?: Polarity;
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface BoardView {
  readonly title: string;
  readonly items: ReadonlyMap<ItemId, ItemView>;
  readonly links: ReadonlyMap<LinkId, LinkView>;
  readonly problems: readonly Problem[];
}

export const DEFAULT_ITEM_SIZE = { w: 200, h: 120 } as const;

const ITEM_FIELDS = new Set([
  'kind', 'x', 'y', 'w', 'h', 'text', 'z', 'color', 'sensitivity', 'author', 'createdAt',
  'dimensions', 'severity', 'likelihood', 'onset', 'level', 'sector', 'strategy', 'phase',
  'threshold', 'action',
]);
const LINK_FIELDS = new Set(['kind', 'from', 'to', 'label', 'polarity']);

/** Collects problems for one item or link while its fields are read. */
class FieldReader {
  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly target: 'item' | 'link',
    private readonly id: string,
    private readonly problems: Problem[],
  ) {}

  report(code: Problem['code'], field: string | undefined, detail: string): void {
    this.problems.push({ target: this.target, id: this.id, code, ...(field ? { field } : {}), detail });
  }

  number(field: string, fallback: number): number {
    const value = this.map.get(field);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.report(value === undefined ? 'missing-field' : 'wrong-type', field, `${field} must be a finite number`);
    return fallback;
  }

  optionalString(field: string): string | undefined {
    const value = this.map.get(field);
    if (value === undefined || typeof value === 'string') return value;
    this.report('wrong-type', field, `${field} must be a string`);
    return undefined;
  }

  optionalNumber(field: string): number | undefined {
    const value = this.map.get(field);
    if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return value;
    this.report('wrong-type', field, `${field} must be a finite number`);
    return undefined;
  }

  optionalScore(field: string): number | undefined {
    const value = this.optionalNumber(field);
    if (value === undefined) return undefined;
    if (Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX) return value;
    this.report('out-of-range', field, `${field} must be an integer from ${SCORE_MIN} to ${SCORE_MAX}`);
    return undefined;
  }

  optionalEnum<T extends string>(field: string, values: readonly T[]): T | undefined {
    const value = this.map.get(field);
    if (value === undefined) return undefined;
    if (isOneOf(values, value)) return value;
    this.report('unknown-value', field, `${field} must be one of ${values.join(', ')}`);
    return undefined;
  }

  /**
   * Absent means `public` (CONTRACT.md), but a marking this version cannot read (a newer level,
   * a typo, a wrong type) fails closed: exports leave out items above a sensitivity, and an
   * unreadable marking must never publish a card someone meant to protect.
   */
  sensitivity(): Sensitivity {
    if (this.map.get('sensitivity') === undefined) return 'public';
    return this.optionalEnum('sensitivity', SENSITIVITIES) ?? 'confidential';
  }

  text(): string {
    const value = this.map.get('text');
    if (value instanceof Y.Text) return value.toString();
    if (typeof value === 'string') return value;
    if (value !== undefined) this.report('wrong-type', 'text', 'text must be a Y.Text');
    return '';
  }

  dimensions(): Dimension[] | undefined {
    const value = this.map.get('dimensions');
    if (value === undefined) return undefined;
    const list = value instanceof Y.Array ? (value.toArray() as unknown[]) : value;
    if (!Array.isArray(list)) {
      this.report('wrong-type', 'dimensions', 'dimensions must be an array');
      return undefined;
    }
    const known = list.filter((d): d is Dimension => isOneOf(DIMENSIONS, d));
    if (known.length !== list.length) {
      this.report('unknown-value', 'dimensions', `dimensions must be among ${DIMENSIONS.join(', ')}`);
    }
    return [...new Set(known)];
  }

  extra(known: ReadonlySet<string>): Record<string, unknown> {
    // Object.fromEntries defines own properties: assigning extra[key] would turn a peer's field
    // named `__proto__` into the prototype of the view instead of keeping it as data.
    // Most cards have no unknown field: no intermediate arrays for them.
    let unknown: [string, unknown][] | undefined;
    for (const [key, value] of this.map.entries()) {
      if (!known.has(key)) (unknown ??= []).push([key, value instanceof Y.AbstractType ? value.toJSON() : value]);
    }
    return unknown ? Object.fromEntries(unknown) : {};
  }
}

/**
 * Drops the keys whose value is undefined, so a view holds only the fields the card has. Done in
 * place with a loop rather than entries/filter/fromEntries: it runs once per card on every read,
 * and on a 10,000-card board the three intermediate arrays per card were most of readBoard's time.
 */
function withoutUndefined<T extends object>(value: T): T {
  const record = value as Record<string, unknown>;
  const defined: Record<string, unknown> = {};
  for (const key in record) {
    if (record[key] !== undefined) defined[key] = record[key];
  }
  return defined as T;
}

export function readItem(id: string, value: unknown, problems: Problem[]): ItemView | undefined {
  if (!(value instanceof Y.Map)) {
    problems.push({ target: 'item', id, code: 'not-a-map', detail: 'an item must be a Y.Map' });
    return undefined;
  }
  const fields = new FieldReader(value as Y.Map<unknown>, 'item', id, problems);
  const kind = fields.optionalString('kind') ?? '';
  const knownKind = isOneOf(ITEM_KINDS, kind) ? kind : undefined;
  if (!knownKind) fields.report('unknown-kind', 'kind', `unknown item kind "${kind}"`);
  return withoutUndefined<ItemView>({
    id: asItemId(id),
    kind,
    knownKind,
    x: fields.number('x', 0),
    y: fields.number('y', 0),
    w: fields.number('w', DEFAULT_ITEM_SIZE.w),
    h: fields.number('h', DEFAULT_ITEM_SIZE.h),
    text: fields.text(),
    z: fields.optionalString('z'),
    color: fields.optionalString('color'),
    sensitivity: fields.sensitivity(),
    author: fields.optionalString('author'),
    createdAt: fields.optionalNumber('createdAt'),
    dimensions: fields.dimensions(),
    severity: fields.optionalScore('severity'),
    likelihood: fields.optionalScore('likelihood'),
    onset: fields.optionalEnum('onset', ONSETS),
    level: fields.optionalEnum('level', LEVELS),
    sector: fields.optionalEnum('sector', SECTORS),
    strategy: fields.optionalEnum('strategy', STRATEGIES),
    phase: fields.optionalEnum('phase', PHASES),
    threshold: fields.optionalString('threshold'),
    action: fields.optionalString('action'),
    extra: fields.extra(ITEM_FIELDS),
  });
}

export function readLink(id: string, value: unknown, problems: Problem[]): LinkView | undefined {
  if (!(value instanceof Y.Map)) {
    problems.push({ target: 'link', id, code: 'not-a-map', detail: 'a link must be a Y.Map' });
    return undefined;
  }
  const fields = new FieldReader(value as Y.Map<unknown>, 'link', id, problems);
  const kind = fields.optionalString('kind') ?? '';
  const knownKind = isOneOf(LINK_KINDS, kind) ? kind : undefined;
  if (!knownKind) fields.report('unknown-kind', 'kind', `unknown link kind "${kind}"`);
  const from = fields.optionalString('from');
  const to = fields.optionalString('to');
  if (from === undefined) fields.report('missing-field', 'from', 'a link needs a from item');
  if (to === undefined) fields.report('missing-field', 'to', 'a link needs a to item');
  return withoutUndefined<LinkView>({
    id: asLinkId(id),
    kind,
    knownKind,
    from: asItemId(from ?? ''),
    to: asItemId(to ?? ''),
    label: fields.optionalString('label'),
    polarity: fields.optionalEnum('polarity', POLARITIES),
    extra: fields.extra(LINK_FIELDS),
  });
}

/**
 * Reads the whole board. Links whose ends are gone are left out and reported; links between the
 * wrong kinds of item are kept and reported (see validate.ts). Problems come sorted, so that two
 * replicas of the same state answer the same list whatever order their maps iterate in.
 */
export function readBoard(doc: Y.Doc): BoardView {
  const { items, links } = boardMaps(doc);
  const problems: Problem[] = [];
  const itemViews = new Map<ItemId, ItemView>();
  for (const [id, value] of items.entries()) {
    const item = readItem(id, value, problems);
    if (item) itemViews.set(item.id, item);
  }
  const linkViews = new Map<LinkId, LinkView>();
  for (const [id, value] of links.entries()) {
    const link = readLink(id, value, problems);
    if (!link) continue;
    const missing = [link.from, link.to].filter((end) => !itemViews.has(end));
    if (missing.length > 0) {
      // Both ends are named, so that a filter leaving out an item (restrictView) also leaves out
      // the problem of a link that touches it, which is not in the view to be looked at.
      const detail = `link end(s) missing: ${missing.join(', ')} (from ${link.from} to ${link.to})`;
      problems.push({ target: 'link', id, code: 'missing-end', detail });
      continue;
    }
    linkViews.set(link.id, link);
  }
  problems.push(...validateBoard({ items: itemViews, links: linkViews }));
  return { title: readTitle(doc), items: itemViews, links: linkViews, problems: problems.sort(compareProblems) };
}

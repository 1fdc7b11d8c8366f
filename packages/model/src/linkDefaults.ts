// Which link a drag from one card to another makes, and which kinds the kind picker offers.
// Both follow the link-ends table of CONTRACT.md section 4, which lives once, in validate.ts
// (LINK_RULES): a drag never creates a link the validator would then report.
import { linkEndsAllowed } from './validate.js';
import { ITEM_KINDS, LINK_KINDS, isOneOf, type LinkKind } from './vocabulary.js';

/** The kind a new link gets, and whether it runs against the drag (the drag went "backwards"). */
export interface LinkSuggestion {
  readonly kind: LinkKind;
  /** True when the link must go from the drag's target to its source. */
  readonly reversed: boolean;
}

/**
 * The order in which a drag's default is chosen when more than one kind fits the ends. Only
 * threat -> threat has a choice today (`causes` or `amplifies`): between two threats a workshop
 * draws an interlinkage far more often than a cause, and `amplifies` is what the loop analysis
 * reads. `relates` is not listed: it is the fallback, never a preference.
 */
export const DEFAULT_LINK_PREFERENCE = [
  'amplifies',
  'causes',
  'affects',
  'addresses',
  'responsible',
  'strengthens',
  'monitors',
] as const satisfies readonly LinkKind[];

const RELATES: LinkSuggestion = { kind: 'relates', reversed: false };

/**
 * The link a drag from a card of `fromKind` to one of `toKind` creates: the first preferred kind
 * that fits as drawn; else the first that fits with its ends swapped (a drag from a threat to a
 * response means "this response addresses that threat"); else `relates`. Unknown kinds (a newer
 * client's) get `relates`, which fits anything.
 */
export function defaultLinkKind(fromKind: string, toKind: string): LinkSuggestion {
  if (!isOneOf(ITEM_KINDS, fromKind) || !isOneOf(ITEM_KINDS, toKind)) return RELATES;
  const asDrawn = DEFAULT_LINK_PREFERENCE.find((kind) => linkEndsAllowed(kind, fromKind, toKind));
  if (asDrawn) return { kind: asDrawn, reversed: false };
  const swapped = DEFAULT_LINK_PREFERENCE.find((kind) => linkEndsAllowed(kind, toKind, fromKind));
  if (swapped) return { kind: swapped, reversed: true };
  return RELATES;
}

/**
 * The link kinds valid from `fromKind` to `toKind` as drawn, in vocabulary order, `relates`
 * always among them. For an unknown kind only `relates` is offered: this version cannot tell
 * what a newer one allows, and offering a kind it would report as wrong helps nobody.
 */
export function allowedLinkKinds(fromKind: string, toKind: string): LinkKind[] {
  if (!isOneOf(ITEM_KINDS, fromKind) || !isOneOf(ITEM_KINDS, toKind)) return ['relates'];
  return LINK_KINDS.filter((kind) => linkEndsAllowed(kind, fromKind, toKind));
}

// The Analysis panel's findings as plain data: what each line says and which cards it names.
// Built from an analysis snapshot by pure functions (sections/*.ts), so that the component only
// lays them out, and the wording and the cards a finding selects are unit-tested. The words
// are the i18n catalog's `analysis.*` ones, shared with the Markdown report.
import type { Translator } from '@interlink/i18n';
import type { BoardAnalysis, BoardView, ItemId, Loop } from '@interlink/model';

/** One analysis and the board it was made from: the panel names cards with this view's texts. */
export interface AnalysisSnapshot {
  readonly view: BoardView;
  readonly analysis: BoardAnalysis;
}

export interface Finding {
  /** Stable across recomputes, so the list updates in place (and keeps focus) as the board changes. */
  readonly key: string;
  /** The main words, often a card's text verbatim. */
  readonly label: string;
  readonly detail?: string;
  /** The cards it names: choosing it selects them. None: a plain statement, not a button. */
  readonly items: readonly ItemId[];
}

export interface FindingGroup {
  readonly key: string;
  /** A sub-heading, with the count; none for a section's opening lines. */
  readonly heading?: string;
  /** Choosing the heading selects these, e.g. every threat no response addresses. */
  readonly items: readonly ItemId[];
  readonly findings: readonly Finding[];
  /** A ranking, read as numbered. */
  readonly ordered?: boolean;
  /** Said when there are no findings. */
  readonly empty?: string;
  /** Plain sentences after the list, e.g. that the loop list is cut short. */
  readonly notes?: readonly string[];
}

export const SECTION_KEYS = [
  'summary',
  'threatsByDimension',
  'interlinkages',
  'mostConnected',
  'responses',
  'gaps',
  'indicators',
  'problems',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface PanelSection {
  readonly key: SectionKey;
  readonly heading: string;
  readonly groups: readonly FindingGroup[];
}

/** What every section builder reads: the snapshot, the words, and how cards are named. */
export interface FindingContext extends Translator {
  readonly view: BoardView;
  readonly analysis: BoardAnalysis;
  /** A card's text verbatim; "(no text)" for a blank card or one the view does not hold. */
  readonly card: (id: ItemId) => string;
  /** Several cards, comma-separated. */
  readonly cards: (ids: readonly ItemId[]) => string;
}

export function findingContext(view: BoardView, analysis: BoardAnalysis, translator: Translator): FindingContext {
  const card = (id: ItemId): string => {
    const text = view.items.get(id)?.text ?? '';
    return text.trim() === '' ? translator.t('analysis.noText') : text;
  };
  return { ...translator, view, analysis, card, cards: (ids) => ids.map(card).join(', ') };
}

/** "A → B → C → A": the loop's cards in order, closing the cycle so that it reads as a loop. */
export function loopPath(loop: Loop, card: (id: ItemId) => string): string {
  const first = loop.items[0];
  return [...loop.items, ...(first === undefined ? [] : [first])].map(card).join(' → ');
}

/** The cards named, each once, in the order first named. */
export function uniqueItems(...lists: readonly (readonly ItemId[])[]): ItemId[] {
  return [...new Set(lists.flat())];
}

/** The count as part of a sub-heading: "Gaps of this kind (3)". */
export function groupHeading(ctx: FindingContext, heading: string, count: number): string {
  return ctx.t('panel.group', { heading, count });
}

/**
 * A group whose finding keys are unique: Svelte's keyed lists throw on a repeated key, and a
 * repeat (a problem reported twice, say) must not take the panel down.
 */
export function group(fields: FindingGroup): FindingGroup {
  const seen = new Map<string, number>();
  const findings = fields.findings.map((finding) => {
    const n = seen.get(finding.key) ?? 0;
    seen.set(finding.key, n + 1);
    return n === 0 ? finding : { ...finding, key: `${finding.key}#${n}` };
  });
  return { ...fields, findings };
}

/** One finding per card, named by its text. */
export function cardFindings(ctx: FindingContext, ids: readonly ItemId[], detail?: (id: ItemId) => string | undefined): Finding[] {
  return ids.map((id) => {
    const text = detail?.(id);
    return { key: id, label: ctx.card(id), ...(text === undefined ? {} : { detail: text }), items: [id] };
  });
}

// The legend under the map: what the colours, icons, chips and arrows of *this* board mean. Only
// what the board uses is listed, so that a reader is not sent looking for a dashed arrow that is
// nowhere on the page; entries keep the vocabulary's order, so the legend reads the same on
// every board.
import {
  DIMENSIONS,
  DIMENSION_COLORS,
  ITEM_KINDS,
  LINK_KINDS,
  RISK_COLORS,
  STRATEGIES,
  PROBLEM_INK,
  SENSITIVITY_INK,
  STRATEGY_COLORS,
  isOneOf,
  type BoardView,
  type Dimension,
  type ItemKind,
  type ItemId,
  type LinkKind,
  type Sensitivity,
  type Strategy,
} from '@interlink/model';
import type { Translator } from '@interlink/i18n';
import type { TextMeasure } from './font.js';
import { CHIP_PAD, CHIP_STYLE, MARKER_SIZE } from './cardPlan.js';
import type { TextStyle } from './wrap.js';

export interface UsedVocabulary {
  readonly kinds: readonly ItemKind[];
  /** Some item has a kind this version does not know. */
  readonly unknownKind: boolean;
  readonly dimensions: readonly Dimension[];
  readonly linkKinds: readonly LinkKind[];
  readonly unknownLinkKind: boolean;
  readonly strategies: readonly Strategy[];
  /** Some threat shows a severity x likelihood badge. */
  readonly risk: boolean;
  /** The sensitivity marks (locks) shown. */
  readonly locks: readonly ('restricted' | 'confidential')[];
  /** Some card shows the problem mark. */
  readonly problem: boolean;
}

/** The kinds, dimensions, link kinds and marks that the (already filtered) view shows. */
export function usedVocabulary(view: BoardView): UsedVocabulary {
  const kinds = new Set<string>();
  const dimensions = new Set<Dimension>();
  const linkKinds = new Set<string>();
  const strategies = new Set<Strategy>();
  const locks = new Set<Sensitivity>();
  let risk = false;
  for (const item of view.items.values()) {
    kinds.add(item.kind);
    locks.add(item.sensitivity);
    if (item.knownKind === 'threat') {
      for (const dimension of item.dimensions ?? []) dimensions.add(dimension);
      if (item.severity !== undefined && item.likelihood !== undefined) risk = true;
    }
    if (item.knownKind === 'response' && item.strategy) strategies.add(item.strategy);
  }
  for (const link of view.links.values()) linkKinds.add(link.kind);
  return {
    kinds: ITEM_KINDS.filter((kind) => kinds.has(kind)),
    unknownKind: [...kinds].some((kind) => !isOneOf(ITEM_KINDS, kind)),
    dimensions: DIMENSIONS.filter((dimension) => dimensions.has(dimension)),
    linkKinds: LINK_KINDS.filter((kind) => linkKinds.has(kind)),
    unknownLinkKind: [...linkKinds].some((kind) => !isOneOf(LINK_KINDS, kind)),
    strategies: STRATEGIES.filter((strategy) => strategies.has(strategy)),
    risk,
    locks: (['restricted', 'confidential'] as const).filter((level) => locks.has(level)),
    problem: view.problems.some((problem) => problem.target === 'item' && view.items.has(problem.id as ItemId)),
  };
}

/** What one legend entry shows left of its words. */
export type Swatch =
  | { readonly type: 'kind'; readonly kind: ItemKind | 'unknown' }
  | { readonly type: 'chip'; readonly text: string; readonly fill: string }
  | { readonly type: 'link'; readonly kind: LinkKind | 'unknown' }
  | { readonly type: 'mark'; readonly icon: 'lock' | 'problem'; readonly color: string };

export interface LegendEntry {
  readonly swatch: Swatch;
  readonly text: string;
}

export interface LegendSection {
  readonly title: string;
  readonly entries: readonly LegendEntry[];
}

export const LEGEND_TITLE_STYLE: TextStyle = { size: 14, weight: 'bold' };
export const LEGEND_TEXT_STYLE: TextStyle = { size: 12, weight: 'normal' };
export const LEGEND_ROW = 24;
export const KIND_SWATCH = { w: 30, h: 20 } as const;
export const LINK_SWATCH_W = 44;
const SWATCH_GAP = 6;
const ENTRY_GAP = 20;

export function swatchWidth(swatch: Swatch, measure: TextMeasure): number {
  switch (swatch.type) {
    case 'kind':
      return KIND_SWATCH.w;
    case 'link':
      return LINK_SWATCH_W;
    case 'chip':
      return measure(swatch.text, CHIP_STYLE.size, CHIP_STYLE.weight) + 2 * CHIP_PAD;
    case 'mark':
      return MARKER_SIZE;
  }
}

export interface PlacedEntry extends LegendEntry {
  readonly x: number;
  /** The middle of the entry's row. */
  readonly y: number;
  readonly swatchWidth: number;
  readonly textX: number;
}

export interface LegendLayout {
  readonly titles: readonly { readonly text: string; readonly x: number; readonly y: number }[];
  readonly entries: readonly PlacedEntry[];
  readonly height: number;
}

/**
 * Places the sections one under the other, each a title and then its entries left to right,
 * wrapping at `width`. Coordinates are relative to the legend's top left corner.
 */
export function layoutLegend(sections: readonly LegendSection[], width: number, measure: TextMeasure): LegendLayout {
  const titles: { text: string; x: number; y: number }[] = [];
  const entries: PlacedEntry[] = [];
  let y = 0;
  for (const section of sections) {
    if (section.entries.length === 0) continue;
    titles.push({ text: section.title, x: 0, y: y + LEGEND_ROW / 2 });
    y += LEGEND_ROW;
    let x = 0;
    for (const entry of section.entries) {
      const swatch = swatchWidth(entry.swatch, measure);
      const w = swatch + SWATCH_GAP + measure(entry.text, LEGEND_TEXT_STYLE.size, LEGEND_TEXT_STYLE.weight);
      if (x > 0 && x + w > width) {
        x = 0;
        y += LEGEND_ROW;
      }
      entries.push({ ...entry, x, y: y + LEGEND_ROW / 2, swatchWidth: swatch, textX: x + swatch + SWATCH_GAP });
      x += w + ENTRY_GAP;
    }
    y += LEGEND_ROW + 8;
  }
  return { titles, entries, height: y };
}

/** The legend's sections for what the board uses, in the translator's words. */
export function legendSections(used: UsedVocabulary, translator: Translator): LegendSection[] {
  const { t } = translator;
  const kinds: LegendEntry[] = used.kinds.map((kind) => ({ swatch: { type: 'kind', kind }, text: translator.kindLabel(kind) }));
  if (used.unknownKind) kinds.push({ swatch: { type: 'kind', kind: 'unknown' }, text: t('export.legend.unknownKind') });
  const links: LegendEntry[] = used.linkKinds.map((kind) => ({ swatch: { type: 'link', kind }, text: t(`link.${kind}`) }));
  if (used.unknownLinkKind) links.push({ swatch: { type: 'link', kind: 'unknown' }, text: t('export.legend.unknownLinkKind') });
  const marks: LegendEntry[] = [];
  if (used.risk) {
    marks.push({ swatch: { type: 'chip', text: t('export.legend.riskChip'), fill: RISK_COLORS.high }, text: t('export.legend.risk') });
  }
  for (const strategy of used.strategies) {
    marks.push({ swatch: { type: 'chip', text: t(`card.strategy.${strategy}`), fill: STRATEGY_COLORS[strategy] }, text: t(`strategy.${strategy}`) });
  }
  for (const level of used.locks) marks.push({ swatch: { type: 'mark', icon: 'lock', color: SENSITIVITY_INK[level] }, text: t(`sensitivity.${level}`) });
  if (used.problem) marks.push({ swatch: { type: 'mark', icon: 'problem', color: PROBLEM_INK }, text: t('export.legend.problem') });
  return [
    { title: t('export.legend.cards'), entries: kinds },
    {
      title: t('export.legend.dimensions'),
            entries: used.dimensions.map((dimension) => ({
        swatch: { type: 'chip', text: t(`card.dimension.${dimension}`), fill: DIMENSION_COLORS[dimension] },
        text: t(`dimension.${dimension}`),
      })),
    },
    { title: t('export.legend.links'), entries: links },
    { title: t('export.legend.marks'), entries: marks },
  ];
}


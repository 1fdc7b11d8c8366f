// What one exported card shows, as plain numbers and strings, laid out as the canvas lays out a
// card (client/src/lib/canvas/cards/cardLayout.ts): a rounded rect in its kind's colours, the kind
// icon and label in the header, lock and problem marks in the corner, the text wrapped below, and
// a footer with a threat's dimension chips and severity x likelihood badge, a response's P/E mark
// and phase, an actor's level and sector, an indicator's threshold. svgWriter.ts draws the plan.
import {
  DIMENSIONS,
  DIMENSION_COLORS,
  ITEM_KINDS,
  ITEM_KIND_STYLES,
  MARKER_ICONS,
  PROBLEM_INK,
  RISK_COLORS,
  SENSITIVITY_INK,
  STRATEGY_COLORS,
  UNKNOWN_KIND_STYLE,
  isOneOf,
  riskLevel,
  type ItemKindStyle,
  type ItemView,
} from '@interlink/model';
import type { Translator } from '@interlink/i18n';
import type { TextMeasure } from './font.js';
import { rectOf, type Rect } from './geometry.js';
import { fitText, wrapText, type TextStyle } from './wrap.js';

export const CARD_CORNER = 10;
export const CARD_STROKE_WIDTH = 1.5;
export const CARD_PAD = 12;
export const ICON_SIZE = 14;
export const ICON_TOP = CARD_PAD - 1.5;
export const LABEL_X = CARD_PAD + ICON_SIZE + 5;
/** The middle of the header row, where the kind label is centred. */
export const HEADER_MIDDLE = CARD_PAD + ICON_SIZE / 2 - 1;
export const BODY_TOP = CARD_PAD + ICON_SIZE + 7;
export const BODY_LINE_HEIGHT = 1.25;
export const FOOTER_HEIGHT = 16;
const FOOTER_GAP = 6;
export const MARKER_SIZE = 14;
const GAP = 4;
export const CHIP_PAD = 5;
const MORE_FILL = '#4b5565';

export const LABEL_STYLE: TextStyle = { size: 11, weight: 'bold' };
export const BODY_STYLE: TextStyle = { size: 15, weight: 'normal' };
export const CHIP_STYLE: TextStyle = { size: 10, weight: 'bold' };
export const FOOTER_STYLE: TextStyle = { size: 11, weight: 'normal' };

/** The icons a card may use, each defined once in the SVG and referenced by this name. */
export type IconName = (typeof ITEM_KINDS)[number] | 'unknown' | 'lock' | 'problem';
export const ICON_NAMES: readonly IconName[] = [...ITEM_KINDS, 'unknown', 'lock', 'problem'];

/** The SVG path data of an icon (kindStyles.ts: a 24 x 24 box, stroked). */
export function iconPath(name: IconName): string {
  switch (name) {
    case 'unknown':
      return UNKNOWN_KIND_STYLE.icon;
    case 'lock':
    case 'problem':
      return MARKER_ICONS[name];
    default:
      return ITEM_KIND_STYLES[name].icon;
  }
}

export interface Chip {
  readonly x: number;
  readonly w: number;
  readonly text: string;
  /** White text on this. */
  readonly fill: string;
}

export interface FooterText {
  readonly x: number;
  readonly text: string;
}

export interface Marker {
  readonly x: number;
  readonly icon: IconName;
  readonly color: string;
}

export interface CardPlan {
  readonly id: string;
  readonly rect: Rect;
  readonly fill: string;
  readonly style: ItemKindStyle;
  readonly icon: IconName;
  readonly label: string;
  readonly markers: readonly Marker[];
  readonly lines: readonly string[];
  /** Top of the footer row (card coordinates); undefined when the card has none. */
  readonly footerY: number | undefined;
  readonly chips: readonly Chip[];
  readonly texts: readonly FooterText[];
}

export interface CardPlanContext {
  readonly measure: TextMeasure;
  readonly translator: Translator;
  /** Ids of the items the tolerant reader found a problem in. */
  readonly problemItems: ReadonlySet<string>;
}

export function kindStyle(kind: string): ItemKindStyle {
  return isOneOf(ITEM_KINDS, kind) ? ITEM_KIND_STYLES[kind] : UNKNOWN_KIND_STYLE;
}

/**
 * A card's own colour when it is one every renderer reads the same (#rgb or #rrggbb, what the
 * canvas's palette writes); anything else a peer wrote falls back to its kind's fill rather
 * than to black, or to markup.
 */
export function cardFill(item: Pick<ItemView, 'kind' | 'color'>): string {
  const color = item.color?.trim() ?? '';
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : kindStyle(item.kind).fill;
}

export function hasFooter(item: ItemView): boolean {
  switch (item.knownKind) {
    case 'threat':
      return (item.dimensions?.length ?? 0) > 0 || (item.severity !== undefined && item.likelihood !== undefined);
    case 'response':
      return item.strategy !== undefined || item.phase !== undefined;
    case 'actor':
      return item.level !== undefined || item.sector !== undefined;
    case 'indicator':
      return (item.threshold ?? '').trim() !== '';
    default:
      return false;
  }
}

function markersOf(item: ItemView, width: number, hasProblem: boolean): Marker[] {
  const marks: Omit<Marker, 'x'>[] = [];
  if (hasProblem) marks.push({ icon: 'problem', color: PROBLEM_INK });
  if (item.sensitivity !== 'public') marks.push({ icon: 'lock', color: SENSITIVITY_INK[item.sensitivity] });
  // From the end of the header backwards: the problem mark is always in the corner.
  return marks.map((mark, index) => ({ ...mark, x: width - CARD_PAD - MARKER_SIZE - index * (MARKER_SIZE + GAP) }));
}

/** Lays chips out from `left` up to `right`; those that do not fit are summed up in one "+N" chip. */
function placeChips(chips: readonly { text: string; fill: string }[], left: number, right: number, ctx: CardPlanContext): Chip[] {
  const widthOf = (text: string): number => ctx.measure(text, CHIP_STYLE.size, CHIP_STYLE.weight) + 2 * CHIP_PAD;
  const more = (count: number): string => ctx.translator.t('card.more', { count });
  const widths = chips.map((chip) => widthOf(chip.text));
  const total = widths.reduce((sum, w) => sum + w + GAP, -GAP);
  const placed: Chip[] = [];
  let x = left;
  for (const [index, chip] of chips.entries()) {
    const w = widths[index] ?? 0;
    const rest = chips.length - index - 1;
    // Unless all fit, each chip placed must leave room for the "+N" of those after it.
    const reserve = total <= right - left || rest === 0 ? 0 : GAP + widthOf(more(rest));
    if (x + w + reserve > right) {
      const text = more(rest + 1);
      const moreW = widthOf(text);
      if (x + moreW <= right) placed.push({ x, w: moreW, text, fill: MORE_FILL });
      break;
    }
    placed.push({ x, w, text: chip.text, fill: chip.fill });
    x += w + GAP;
  }
  return placed;
}

function footerOf(item: ItemView, width: number, ctx: CardPlanContext): { chips: Chip[]; texts: FooterText[] } {
  const { t } = ctx.translator;
  const left = CARD_PAD;
  let right = width - CARD_PAD;
  const chips: Chip[] = [];
  const texts: FooterText[] = [];
  const chipWidth = (text: string): number => ctx.measure(text, CHIP_STYLE.size, CHIP_STYLE.weight) + 2 * CHIP_PAD;
  const addText = (x: number, text: string): void => {
    const fitted = fitText(ctx.measure, text, FOOTER_STYLE, right - x);
    if (fitted !== '') texts.push({ x, text: fitted });
  };
  switch (item.knownKind) {
    case 'threat': {
      const { severity, likelihood } = item;
      if (severity !== undefined && likelihood !== undefined) {
        const score = severity * likelihood;
        const text = t('card.risk', { severity, likelihood, score });
        const w = chipWidth(text);
        right -= w;
        if (right >= left) chips.push({ x: right, w, text, fill: RISK_COLORS[riskLevel(score)] });
        right -= GAP;
      }
      const dimensions = DIMENSIONS.filter((d) => item.dimensions?.includes(d));
      chips.unshift(...placeChips(dimensions.map((d) => ({ text: t(`card.dimension.${d}`), fill: DIMENSION_COLORS[d] })), left, right, ctx));
      break;
    }
    case 'response': {
      let x = left;
      if (item.strategy) {
        const text = t(`card.strategy.${item.strategy}`);
        const w = chipWidth(text);
        if (x + w <= right) chips.push({ x, w, text, fill: STRATEGY_COLORS[item.strategy] });
        x += w + GAP;
      }
      if (item.phase) addText(x, t(`phase.${item.phase}`));
      break;
    }
    case 'actor': {
      const parts = [item.level && t(`level.${item.level}`), item.sector && t(`sector.${item.sector}`)].filter(Boolean);
      if (parts.length > 0) addText(left, parts.join(t('card.separator')));
      break;
    }
    case 'indicator': {
      const threshold = (item.threshold ?? '').trim();
      if (threshold !== '') addText(left, t('card.threshold', { threshold }));
      break;
    }
    default:
      break;
  }
  return { chips, texts };
}

/** Everything drawn for one card, in the card's own coordinates (its top left corner at 0, 0). */
export function planCard(item: ItemView, ctx: CardPlanContext): CardPlan {
  const rect = rectOf(item);
  const style = kindStyle(item.kind);
  const markers = markersOf(item, rect.w, ctx.problemItems.has(item.id));
  const labelEnd = (markers[markers.length - 1]?.x ?? rect.w - CARD_PAD) - GAP;
  const footer = hasFooter(item);
  const bodyBottom = footer ? CARD_PAD + FOOTER_HEIGHT + FOOTER_GAP : CARD_PAD;
  const lineHeight = BODY_STYLE.size * BODY_LINE_HEIGHT;
  const lines = wrapText(ctx.measure, item.text, {
    ...BODY_STYLE,
    maxWidth: rect.w - 2 * CARD_PAD,
    maxLines: Math.floor((rect.h - BODY_TOP - bodyBottom) / lineHeight),
  });
  const { chips, texts } = footer ? footerOf(item, rect.w, ctx) : { chips: [], texts: [] };
  return {
    id: item.id,
    rect,
    fill: cardFill(item),
    style,
    icon: item.knownKind ?? 'unknown',
    label: fitText(ctx.measure, ctx.translator.kindLabel(item.kind).toLocaleUpperCase('en'), LABEL_STYLE, labelEnd - LABEL_X),
    markers,
    lines,
    footerY: footer ? rect.h - CARD_PAD - FOOTER_HEIGHT : undefined,
    chips,
    texts,
  };
}

// Where everything on a card goes, as plain numbers and strings: the header (icon, kind label,
// lock and problem marks) and the footer (a threat's dimension chips and risk badge, a
// response's strategy badge and phase, an actor's level and sector, an indicator's threshold).
// Free of Konva and the DOM, so that it is unit-tested and computed once per change of the item,
// never per frame; cardDecor.ts draws the result.
import {
  DIMENSIONS,
  DIMENSION_COLORS,
  MARKER_ICONS,
  PROBLEM_INK,
  RISK_COLORS,
  SENSITIVITY_INK,
  STRATEGY_COLORS,
  riskLevel,
  type ItemView,
} from '@interlink/model';
import type { MessageKey, MessageParams } from '@interlink/i18n';
import { CARD_FONT, itemStyle } from '../kindStyle.js';
import { fitText, type Measure } from './textMeasure.js';

/** The translator the card words come from (`t` of the client's i18n). */
export type CardWords = (key: MessageKey, params?: MessageParams) => string;

export const CARD_PAD = 12;
export const ICON_SIZE = 14;
export const LABEL_SIZE = 11;
export const BODY_SIZE = 15;
export const BODY_TOP = CARD_PAD + ICON_SIZE + 7;
/** Where the kind label starts (after the icon). */
export const LABEL_X = CARD_PAD + ICON_SIZE + 5;
export const FOOTER_HEIGHT = 16;
/** Between the body text and the footer. */
const FOOTER_GAP = 6;
export const MARKER_SIZE = 14;
const GAP = 4;
export const CHIP_PAD = 5;

export const LABEL_FONT = `bold ${LABEL_SIZE}px ${CARD_FONT}`;
export const CHIP_FONT = `bold 10px ${CARD_FONT}`;
export const FOOTER_FONT = `${LABEL_SIZE}px ${CARD_FONT}`;
/** Chips beyond the room are summed up in one of this colour. */
const MORE_FILL = '#4b5565';

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
  readonly color: string;
}

export interface Marker {
  readonly x: number;
  readonly path: string;
  readonly color: string;
}

export interface CardDecor {
  readonly icon: string;
  readonly iconColor: string;
  readonly label: string;
  readonly labelColor: string;
  readonly markers: readonly Marker[];
  /** Top of the footer row; undefined when the card has none. */
  readonly footerY: number | undefined;
  readonly chips: readonly Chip[];
  readonly texts: readonly FooterText[];
}

export interface CardFlags {
  readonly hasProblem: boolean;
}

/** Whether the card shows a footer row (then its text area is shorter). */
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

/** Where the body text sits in a card: what the text editor overlay matches. */
export function cardTextBox(item: ItemView): { top: number; side: number; bottom: number; fontSize: number; lineHeight: number } {
  const bottom = hasFooter(item) ? CARD_PAD + FOOTER_HEIGHT + FOOTER_GAP : CARD_PAD;
  return { top: BODY_TOP, side: CARD_PAD, bottom, fontSize: BODY_SIZE, lineHeight: 1.25 };
}

function markersOf(item: ItemView, flags: CardFlags): Marker[] {
  const marks: Omit<Marker, 'x'>[] = [];
  if (flags.hasProblem) marks.push({ path: MARKER_ICONS.problem, color: PROBLEM_INK });
  if (item.sensitivity !== 'public') marks.push({ path: MARKER_ICONS.lock, color: SENSITIVITY_INK[item.sensitivity] });
  // From the end of the header backwards: the problem mark is always in the corner.
  return marks.map((mark, index) => ({ ...mark, x: item.w - CARD_PAD - MARKER_SIZE - index * (MARKER_SIZE + GAP) }));
}

/** Lays chips out from `left` up to `right`; those that do not fit are summed up in one "+N" chip. */
function placeChips(chips: readonly { text: string; fill: string }[], left: number, right: number, words: CardWords, measure: Measure): Chip[] {
  const widthOf = (text: string): number => measure(CHIP_FONT, text) + 2 * CHIP_PAD;
  const widths = chips.map((chip) => widthOf(chip.text));
  const total = widths.reduce((sum, w) => sum + w + GAP, -GAP);
  const placed: Chip[] = [];
  let x = left;
  for (const [index, chip] of chips.entries()) {
    const w = widths[index] ?? 0;
    const rest = chips.length - index - 1;
    // Unless all fit, each chip placed must leave room for the "+N" of those after it.
    const reserve = total <= right - left || rest === 0 ? 0 : GAP + widthOf(words('card.more', { count: rest }));
    if (x + w + reserve > right) {
      const text = words('card.more', { count: rest + 1 });
      const moreW = widthOf(text);
      if (x + moreW <= right) placed.push({ x, w: moreW, text, fill: MORE_FILL });
      break;
    }
    placed.push({ x, w, text: chip.text, fill: chip.fill });
    x += w + GAP;
  }
  return placed;
}

interface Footer {
  readonly chips: Chip[];
  readonly texts: FooterText[];
}

function footerOf(item: ItemView, ink: string, words: CardWords, measure: Measure): Footer {
  const left = CARD_PAD;
  let right = item.w - CARD_PAD;
  const chips: Chip[] = [];
  const texts: FooterText[] = [];
  const chipWidth = (text: string): number => measure(CHIP_FONT, text) + 2 * CHIP_PAD;
  const addText = (x: number, text: string): void => {
    const fitted = fitText(measure, FOOTER_FONT, text, right - x);
    if (fitted !== '') texts.push({ x, text: fitted, color: ink });
  };
  switch (item.knownKind) {
    case 'threat': {
      const { severity, likelihood } = item;
      if (severity !== undefined && likelihood !== undefined) {
        const score = severity * likelihood;
        const text = words('card.risk', { severity, likelihood, score });
        const w = chipWidth(text);
        right -= w;
        if (right >= left) chips.push({ x: right, w, text, fill: RISK_COLORS[riskLevel(score)] });
        right -= GAP;
      }
      const dimensions = DIMENSIONS.filter((d) => item.dimensions?.includes(d));
      const dimensionChips = dimensions.map((d) => ({ text: words(`card.dimension.${d}`), fill: DIMENSION_COLORS[d] }));
      chips.unshift(...placeChips(dimensionChips, left, right, words, measure));
      break;
    }
    case 'response': {
      let x = left;
      if (item.strategy) {
        const text = words(`card.strategy.${item.strategy}`);
        const w = chipWidth(text);
        chips.push({ x, w, text, fill: STRATEGY_COLORS[item.strategy] });
        x += w + GAP;
      }
      if (item.phase) addText(x, words(`phase.${item.phase}`));
      break;
    }
    case 'actor': {
      const parts = [item.level && words(`level.${item.level}`), item.sector && words(`sector.${item.sector}`)].filter(Boolean);
      if (parts.length > 0) addText(left, parts.join(words('card.separator')));
      break;
    }
    case 'indicator': {
      const threshold = (item.threshold ?? '').trim();
      if (threshold !== '') addText(left, words('card.threshold', { threshold }));
      break;
    }
    default:
      break;
  }
  return { chips, texts };
}

/** The decorations of one card: computed when the item (or the language) changes. */
export function layoutCard(item: ItemView, label: string, flags: CardFlags, words: CardWords, measure: Measure): CardDecor {
  const style = itemStyle(item.kind);
  const markers = markersOf(item, flags);
  const labelEnd = (markers[markers.length - 1]?.x ?? item.w - CARD_PAD) - GAP;
  const footer = hasFooter(item) ? footerOf(item, style.ink, words, measure) : { chips: [], texts: [] };
  return {
    icon: style.icon,
    iconColor: style.stroke,
    label: fitText(measure, LABEL_FONT, label.toLocaleUpperCase(), labelEnd - LABEL_X),
    labelColor: style.ink,
    markers,
    footerY: hasFooter(item) ? item.h - CARD_PAD - FOOTER_HEIGHT : undefined,
    chips: footer.chips,
    texts: footer.texts,
  };
}

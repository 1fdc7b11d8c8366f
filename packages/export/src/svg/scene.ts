// The whole exported map as a plan: every card and frame laid out (planCard), every link's
// arrow clipped to the card borders, the title block above and the legend below, and the box
// the drawing covers. Built once per export; the SVG writer turns it into markup, for the whole
// map or (for PDF tiles) one region of it.
import { LINK_KINDS, isOneOf, type Box, type BoardView, type ItemView, type LinkKind, type Sensitivity } from '@interlink/model';
import type { Translator } from '@interlink/i18n';
import { planCard, type CardPlan } from './cardPlan.js';
import type { TextMeasure } from './font.js';
import { arrowPoints, boxOfRect, mapBounds, rectOf, type Segment } from './geometry.js';
import { layoutLegend, legendSections, usedVocabulary, type LegendLayout } from './legend.js';
import { wrapText, type TextStyle } from './wrap.js';

export const MARGIN = 40;
/** A narrow board still gets a page wide enough for its title and legend. */
export const MIN_WIDTH = 720;
export const TITLE_STYLE: TextStyle = { size: 28, weight: 'bold' };
export const TITLE_LINE = 34;
export const SUBTITLE_STYLE: TextStyle = { size: 13, weight: 'normal' };
export const CAPTION_SIZE = 12;
const SUBTITLE_LINE = 22;
const EMPTY_NOTE_HEIGHT = 40;

/** How polarity is written on an arrow: a true minus sign reads better than a hyphen. */
const POLARITY_SIGN = { '+': '+', '-': '\u2212' } as const;

export interface LinkPlan {
  readonly id: string;
  readonly kind: LinkKind | 'unknown';
  readonly points: Segment;
  /** Polarity and label, e.g. "− feeds"; '' for none. */
  readonly caption: string;
  readonly bold: boolean;
  readonly captionWidth: number;
}

export interface Scene {
  /** The drawing's extent in canvas units: the SVG's viewBox. */
  readonly extent: Box;
  /** The box around the cards (the map itself, without title and legend). */
  readonly map: Box;
  readonly titleLines: readonly string[];
  readonly subtitle: string;
  /** Shown instead of a map when the board has no card. */
  readonly emptyNote: string | undefined;
  /** Frames and cards in draw order (frames first, then by z, creation time and id). */
  readonly frames: readonly CardPlan[];
  readonly cards: readonly CardPlan[];
  readonly links: readonly LinkPlan[];
  readonly legend: LegendLayout;
  /** The legend's top left corner. */
  readonly legendAt: { readonly x: number; readonly y: number };
}

export interface SceneOptions {
  readonly maxSensitivity: Sensitivity;
  readonly generatedAt: number;
  readonly translator: Translator;
  readonly measure: TextMeasure;
}

/** Draw order of the canvas: by `z` (fractional index strings), then creation time; then id, so equal keys are stable. */
export function compareDrawOrder(a: ItemView, b: ItemView): number {
  const za = a.z ?? '';
  const zb = b.z ?? '';
  if (za !== zb) return za < zb ? -1 : 1;
  const ca = a.createdAt ?? 0;
  const cb = b.createdAt ?? 0;
  if (ca !== cb) return ca - cb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function linkCaption(polarity: '+' | '-' | undefined, label: string | undefined): string {
  return [polarity ? POLARITY_SIGN[polarity] : '', label?.trim() ?? ''].filter((part) => part !== '').join(' ');
}

function planLinks(view: BoardView, measure: TextMeasure): LinkPlan[] {
  const plans: LinkPlan[] = [];
  const ids = [...view.links.keys()].sort();
  for (const id of ids) {
    const link = view.links.get(id);
    const from = link && view.items.get(link.from);
    const to = link && view.items.get(link.to);
    if (!link || !from || !to) continue;
    const caption = linkCaption(link.polarity, link.label);
    const bold = link.polarity !== undefined;
    plans.push({
      id,
      kind: isOneOf(LINK_KINDS, link.kind) ? link.kind : 'unknown',
      points: arrowPoints(rectOf(from), rectOf(to)),
      caption,
      bold,
      captionWidth: caption === '' ? 0 : measure(caption, CAPTION_SIZE, bold ? 'bold' : 'normal'),
    });
  }
  return plans;
}

function subtitleOf(options: SceneOptions): string {
  const date = new Date(options.generatedAt).toISOString().slice(0, 16).replace('T', ' ');
  const key = options.maxSensitivity === 'confidential' ? 'report.scope.everything' : (`report.scope.upTo.${options.maxSensitivity}` as const);
  return options.translator.t(key, { date });
}

/** Lays out the whole map of a view that has already been filtered to `maxSensitivity`. */
export function buildScene(view: BoardView, options: SceneOptions): Scene {
  const { translator, measure } = options;
  const problemItems = new Set(view.problems.filter((problem) => problem.target === 'item').map((problem) => problem.id));
  const ordered = [...view.items.values()].sort(compareDrawOrder);
  const ctx = { measure, translator, problemItems };
  const frames = ordered.filter((item) => item.kind === 'frame').map((item) => planCard(item, ctx));
  const cards = ordered.filter((item) => item.kind !== 'frame').map((item) => planCard(item, ctx));
  const bounds = mapBounds(view.items.values());
  const emptyNote = bounds ? undefined : translator.t('export.empty');
  const map = bounds ?? { left: 0, top: 0, right: MIN_WIDTH - 2 * MARGIN, bottom: EMPTY_NOTE_HEIGHT };
  const width = Math.max(map.right - map.left + 2 * MARGIN, MIN_WIDTH);
  const inner = width - 2 * MARGIN;
  const title = view.title.trim() === '' ? translator.t('report.untitled') : view.title.trim();
  const titleLines = wrapText(measure, title, { ...TITLE_STYLE, maxWidth: inner, maxLines: 2 });
  // The title block, and a margin's gap between it and the topmost card.
  const headerHeight = titleLines.length * TITLE_LINE + SUBTITLE_LINE + MARGIN;
  const legend = layoutLegend(legendSections(usedVocabulary(view), translator), inner, measure);
  const left = map.left - MARGIN;
  const top = map.top - MARGIN - headerHeight;
  const legendAt = { x: map.left, y: map.bottom + MARGIN };
  const bottom = legendAt.y + legend.height + (legend.height > 0 ? MARGIN / 2 : 0);
  return {
    extent: { left, top, right: left + width, bottom },
    map,
    titleLines,
    subtitle: subtitleOf(options),
    emptyNote,
    frames,
    cards,
    links: planLinks(view, measure),
    legend,
    legendAt,
  };
}

/** The box a card plan covers, for culling a region. */
export function planBox(plan: CardPlan): Box {
  return boxOfRect(plan.rect);
}

// How a scene is drawn, once, for every output: the order (frames, links, captions, cards, then
// title and legend), where each mark of a card goes, and which parts a region keeps. It draws
// through a Painter with a handful of primitives; the SVG writer and the PDF writer are the two
// painters, so that the PDF shows exactly what the SVG (and the PNG made from it) shows.
import { LINK_KIND_STYLES, UNKNOWN_KIND_STYLE, UNKNOWN_LINK_STYLE, type Box, type LinkKind } from '@interlink/model';
import {
  BODY_LINE_HEIGHT,
  BODY_STYLE,
  BODY_TOP,
  CARD_CORNER,
  CARD_PAD,
  CARD_STROKE_WIDTH,
  CHIP_PAD,
  CHIP_STYLE,
  FOOTER_HEIGHT,
  FOOTER_STYLE,
  HEADER_MIDDLE,
  ICON_SIZE,
  ICON_TOP,
  LABEL_STYLE,
  LABEL_X,
  MARKER_SIZE,
  kindStyle,
  type CardPlan,
  type IconName,
} from './cardPlan.js';
import { boxesOverlap, growBox, segmentMidpoint, segmentTouchesBox, type Segment } from './geometry.js';
import { KIND_SWATCH, LEGEND_TEXT_STYLE, LEGEND_TITLE_STYLE, LINK_SWATCH_W, type Swatch } from './legend.js';
import { CAPTION_SIZE, MARGIN, SUBTITLE_STYLE, TITLE_LINE, TITLE_STYLE, planBox, type LinkPlan, type Scene } from './scene.js';
import type { TextStyle } from './wrap.js';

export interface ShapeStyle {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: readonly number[];
  readonly radius?: number;
}

export interface TextPaint extends TextStyle {
  readonly fill: string;
  /** A white outline under the letters, for text that crosses lines. */
  readonly halo?: boolean;
}

export type ArrowHead = LinkKind | 'unknown';

export interface Painter {
  /** Moves the origin by (dx, dy) until the matching `end`. */
  begin(dx: number, dy: number): void;
  end(): void;
  rect(x: number, y: number, w: number, h: number, style: ShapeStyle): void;
  /** A straight arrow whose head's tip is at the segment's end, in the head's link colour. */
  arrow(points: Segment, stroke: string, dash: readonly number[] | undefined, head: ArrowHead): void;
  /** An icon of kindStyles.ts (24 x 24 box, stroked) scaled into the square at (x, y). */
  icon(name: IconName, x: number, y: number, size: number, color: string): void;
  /** One line of text starting at x whose vertical middle is at `middle`. */
  text(x: number, middle: number, content: string, paint: TextPaint): void;
}

export const LINK_WIDTH = 2;
const TEXT_INK = '#1f2933';
const MUTED_INK = '#52606d';
const CAPTION_INK = '#333333';
const CHIP_INK = '#ffffff';

export function linkStyleOf(kind: ArrowHead): { readonly stroke: string; readonly dash?: readonly number[] } {
  return kind === 'unknown' ? UNKNOWN_LINK_STYLE : LINK_KIND_STYLES[kind];
}

function chip(painter: Painter, x: number, y: number, w: number, label: string, fill: string): void {
  painter.rect(x, y, w, FOOTER_HEIGHT, { fill, radius: FOOTER_HEIGHT / 2 });
  painter.text(x + CHIP_PAD, y + FOOTER_HEIGHT / 2, label, { ...CHIP_STYLE, fill: CHIP_INK });
}

function paintCard(painter: Painter, plan: CardPlan, withText: boolean): void {
  const { rect, style } = plan;
  painter.begin(rect.x, rect.y);
  painter.rect(0, 0, rect.w, rect.h, { fill: plan.fill, stroke: style.stroke, strokeWidth: CARD_STROKE_WIDTH, radius: CARD_CORNER, ...(style.dash ? { dash: style.dash } : {}) });
  painter.icon(plan.icon, CARD_PAD, ICON_TOP, ICON_SIZE, style.stroke);
  for (const marker of plan.markers) painter.icon(marker.icon, marker.x, ICON_TOP, MARKER_SIZE, marker.color);
  if (!withText) {
    for (const c of plan.chips) painter.rect(c.x, plan.footerY ?? 0, c.w, FOOTER_HEIGHT, { fill: c.fill, radius: FOOTER_HEIGHT / 2 });
    painter.end();
    return;
  }
  if (plan.label !== '') painter.text(LABEL_X, HEADER_MIDDLE, plan.label, { ...LABEL_STYLE, fill: style.ink });
  const lineHeight = BODY_STYLE.size * BODY_LINE_HEIGHT;
  plan.lines.forEach((line, index) => {
    if (line !== '') painter.text(CARD_PAD, BODY_TOP + index * lineHeight + lineHeight / 2, line, { ...BODY_STYLE, fill: style.ink });
  });
  if (plan.footerY !== undefined) {
    for (const c of plan.chips) chip(painter, c.x, plan.footerY, c.w, c.text, c.fill);
    for (const t of plan.texts) painter.text(t.x, plan.footerY + FOOTER_HEIGHT / 2, t.text, { ...FOOTER_STYLE, fill: style.ink });
  }
  painter.end();
}

function paintLink(painter: Painter, link: LinkPlan): void {
  const [x1, y1, x2, y2] = link.points;
  // A zero-length arrow (cards on top of each other) has no direction for its head.
  if (x1 === x2 && y1 === y2) return;
  const style = linkStyleOf(link.kind);
  painter.arrow(link.points, style.stroke, style.dash, link.kind);
}

function paintCaption(painter: Painter, link: LinkPlan): void {
  if (link.caption === '') return;
  const middle = segmentMidpoint(link.points);
  // The canvas puts the caption's box 16 units above the middle of the arrow.
  const paint: TextPaint = { size: CAPTION_SIZE, weight: link.bold ? 'bold' : 'normal', fill: CAPTION_INK, halo: true };
  painter.text(middle.x - link.captionWidth / 2, middle.y - 16 + CAPTION_SIZE / 2, link.caption, paint);
}

function paintSwatch(painter: Painter, swatch: Swatch, x: number, middle: number, width: number): void {
  switch (swatch.type) {
    case 'kind': {
      const style = swatch.kind === 'unknown' ? UNKNOWN_KIND_STYLE : kindStyle(swatch.kind);
      const dash = style.dash?.map((d) => d / 2);
      painter.rect(x, middle - KIND_SWATCH.h / 2, KIND_SWATCH.w, KIND_SWATCH.h, { fill: style.fill, stroke: style.stroke, strokeWidth: CARD_STROKE_WIDTH, radius: 5, ...(dash ? { dash } : {}) });
      painter.icon(swatch.kind, x + (KIND_SWATCH.w - ICON_SIZE) / 2, middle - ICON_SIZE / 2, ICON_SIZE, style.stroke);
      break;
    }
    case 'chip':
      chip(painter, x, middle - FOOTER_HEIGHT / 2, width, swatch.text, swatch.fill);
      break;
    case 'mark':
      painter.icon(swatch.icon, x, middle - MARKER_SIZE / 2, MARKER_SIZE, swatch.color);
      break;
    case 'link': {
      const style = linkStyleOf(swatch.kind);
      painter.arrow([x, middle, x + LINK_SWATCH_W, middle], style.stroke, style.dash, swatch.kind);
      break;
    }
  }
}

function paintLegend(painter: Painter, scene: Scene): void {
  const { legend, legendAt } = scene;
  if (legend.entries.length === 0) return;
  painter.begin(legendAt.x, legendAt.y);
  for (const title of legend.titles) painter.text(title.x, title.y, title.text, { ...LEGEND_TITLE_STYLE, fill: TEXT_INK });
  for (const entry of legend.entries) {
    paintSwatch(painter, entry.swatch, entry.x, entry.y, entry.swatchWidth);
    if (entry.text !== '') painter.text(entry.textX, entry.y, entry.text, { ...LEGEND_TEXT_STYLE, fill: TEXT_INK });
  }
  painter.end();
}

function paintHeader(painter: Painter, scene: Scene): void {
  const x = scene.extent.left + MARGIN;
  let y = scene.extent.top + MARGIN;
  for (const line of scene.titleLines) {
    painter.text(x, y + TITLE_LINE / 2, line, { ...TITLE_STYLE, fill: TEXT_INK });
    y += TITLE_LINE;
  }
  painter.text(x, y + 11, scene.subtitle, { ...SUBTITLE_STYLE, fill: MUTED_INK });
  if (scene.emptyNote !== undefined) painter.text(scene.map.left, scene.map.top + 20, scene.emptyNote, { size: 16, weight: 'normal', fill: MUTED_INK });
}

/** The links a region shows: those whose arrow or caption may reach into it. */
export function linksIn(scene: Scene, region: Box | undefined): readonly LinkPlan[] {
  if (!region) return scene.links;
  return scene.links.filter((link) => {
    // The caption and the head reach a little past the segment: half the caption's width, 16 units up.
    return segmentTouchesBox(link.points, growBox(region, Math.max(link.captionWidth / 2, 24)));
  });
}

export interface PaintOptions {
  /** Only the map inside this region (a PDF tile): no title or legend, and only what reaches into it. */
  readonly region?: Box;
  /**
   * Whether cards and arrows show their words (default true). A picture drawn so small that card
   * text would be a smudge of a few pixels leaves it out, as the canvas does when zoomed out: it
   * is most of the cost of rasterising a big board. The title and legend keep theirs.
   */
  readonly cardText?: boolean;
}

/**
 * Below this many pixels per canvas unit, card text (10-15 units) is under 5 pixels high: the
 * canvas's TEXT_MIN_SCALE (client/src/lib/canvas/cards/cardDecor.ts).
 */
export const CARD_TEXT_MIN_SCALE = 0.35;

/** Paints the scene: all of it, or only the map inside `options.region`. */
export function paintScene(scene: Scene, painter: Painter, options: PaintOptions = {}): void {
  const { region } = options;
  const withText = options.cardText ?? true;
  const visible = (plan: CardPlan): boolean => !region || boxesOverlap(planBox(plan), region);
  const links = linksIn(scene, region);
  if (!region) paintHeader(painter, scene);
  for (const frame of scene.frames) if (visible(frame)) paintCard(painter, frame, withText);
  for (const link of links) paintLink(painter, link);
  if (withText) for (const link of links) paintCaption(painter, link);
  for (const card of scene.cards) if (visible(card)) paintCard(painter, card, withText);
  if (!region) paintLegend(painter, scene);
}

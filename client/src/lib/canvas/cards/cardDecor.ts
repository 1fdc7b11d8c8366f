// The one Konva shape that paints a card's decorations (icon, kind label, marks, footer chips
// and texts) from the plan cardLayout.ts made. One shape instead of a node per chip keeps a
// card at four nodes whatever it shows, which is what lets ten thousand of them load and pan.
// It never listens (only the card's background is hit-tested) and draws no shadows or filters.
import Konva from 'konva';
import {
  CARD_PAD,
  CHIP_FONT,
  FOOTER_FONT,
  FOOTER_HEIGHT,
  ICON_SIZE,
  LABEL_FONT,
  LABEL_X,
  MARKER_SIZE,
  type CardDecor,
} from './cardLayout.js';
import { strokeIcon } from './icons.js';

/** Below this zoom, text of 10-11 px is a smudge of under 4 px: skip it, keep colours and icons. */
const TEXT_MIN_SCALE = 0.35;
const CHIP_TEXT = '#ffffff';

function drawDecor(context: Konva.Context, shape: Konva.Shape): void {
  const decor = shape.getAttr('decor') as CardDecor | undefined;
  if (!decor) return;
  const ctx = context._context;
  // The absolute transform is cached by Konva until the view or the card moves.
  const scale = shape.getAbsoluteTransform().getMatrix()[0] ?? 1;
  const withText = scale >= TEXT_MIN_SCALE;
  strokeIcon(ctx, decor.icon, CARD_PAD, CARD_PAD - 1.5, ICON_SIZE, decor.iconColor);
  for (const marker of decor.markers) strokeIcon(ctx, marker.path, marker.x, CARD_PAD - 1.5, MARKER_SIZE, marker.color);
  // Left, not start: the layout is anchored left whatever the page's direction.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  if (withText && decor.label !== '') {
    ctx.font = LABEL_FONT;
    ctx.fillStyle = decor.labelColor;
    ctx.fillText(decor.label, LABEL_X, CARD_PAD + ICON_SIZE / 2 - 1);
  }
  const y = decor.footerY;
  if (y === undefined) return;
  const middle = y + FOOTER_HEIGHT / 2;
  for (const chip of decor.chips) {
    ctx.fillStyle = chip.fill;
    ctx.beginPath();
    ctx.roundRect(chip.x, y, chip.w, FOOTER_HEIGHT, FOOTER_HEIGHT / 2);
    ctx.fill();
  }
  if (!withText) return;
  // Grouped by font: setting the font is the costly part of canvas text.
  ctx.font = CHIP_FONT;
  ctx.fillStyle = CHIP_TEXT;
  ctx.textAlign = 'center';
  for (const chip of decor.chips) ctx.fillText(chip.text, chip.x + chip.w / 2, middle + 0.5);
  ctx.textAlign = 'left';
  ctx.font = FOOTER_FONT;
  for (const text of decor.texts) {
    ctx.fillStyle = text.color;
    ctx.fillText(text.text, text.x, middle);
  }
}

export function createDecorShape(): Konva.Shape {
  return new Konva.Shape({ name: 'decor', listening: false, perfectDrawEnabled: false, sceneFunc: drawDecor });
}

/** Hands the shape a new plan; Konva redraws it with the layer's next batched draw. */
export function setDecor(shape: Konva.Shape, decor: CardDecor): void {
  shape.setAttr('decor', decor);
}

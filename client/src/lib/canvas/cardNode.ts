// The Konva node of one card: a rounded rect in its kind's colour, one shape painting its
// decorations (icon, kind label, marks, footer; see cards/), the card's text, and a selection
// ring made on first selection. Built once per item and then updated in place when the item
// changes: at most four nodes a card, only the background listening.
import type { ItemView } from '@interlink/model';
import Konva from 'konva';
import { CARD_PAD, BODY_SIZE, BODY_TOP, cardTextBox, layoutCard, type CardWords } from './cards/cardLayout.js';
import { createDecorShape, setDecor } from './cards/cardDecor.js';
import { canvasMeasure } from './cards/textMeasure.js';
import { CARD_FONT, HIGHLIGHT_STROKE, SELECTION_STROKE, itemStyle } from './kindStyle.js';

const CORNER = 10;
/** Canvas units between a card's border and its selection ring. */
const RING_GAP = 5;
/** Screen pixels: the ring keeps this width at any zoom, so a selection stays visible zoomed out. */
const RING_WIDTH = 3;

/** Where the body text sits in a card without a footer; see cardTextBox for any card. */
export const CARD_TEXT_BOX = { top: BODY_TOP, side: CARD_PAD, bottom: CARD_PAD, fontSize: BODY_SIZE, lineHeight: 1.25 } as const;
export { cardTextBox };

export interface CardLook {
  readonly label: string;
  readonly highlighted: boolean;
  readonly selected: boolean;
  readonly hasProblem: boolean;
  /** The text editor overlay shows the text while the card is being edited. */
  readonly editing: boolean;
  /** The words on the card besides its label (chips, badges), in the current language. */
  readonly words: CardWords;
}

/** Names let event handlers find the card a hit shape belongs to. */
export const CARD_NAME = 'card';

export function createCardNode(item: ItemView): Konva.Group {
  const group = new Konva.Group({ name: CARD_NAME, id: `card-${item.id}` });
  group.setAttr('itemId', item.id);
  // Only the background listens: text nodes would otherwise each be hit-tested on every move.
  group.add(new Konva.Rect({ name: 'bg', cornerRadius: CORNER, strokeWidth: 1.5, perfectDrawEnabled: false }));
  group.add(createDecorShape());
  // Text and size from the start: Konva lays a Text out again whenever one of them changes, so
  // setting them afterwards (as updateCardNode does) would lay out every new card three times.
  const box = cardTextBox(item);
  group.add(
    new Konva.Text({
      name: 'body',
      text: item.text,
      width: Math.max(0, item.w - 2 * box.side),
      height: Math.max(0, item.h - box.top - box.bottom),
      x: CARD_PAD,
      y: BODY_TOP,
      fontSize: BODY_SIZE,
      fontFamily: CARD_FONT,
      lineHeight: CARD_TEXT_BOX.lineHeight,
      wrap: 'word',
      ellipsis: true,
      listening: false,
      perfectDrawEnabled: false,
    }),
  );
  return group;
}

/** Most cards are never selected: their ring is made the first time they are. */
function selectionRing(group: Konva.Group, create: boolean): Konva.Rect | undefined {
  const existing = group.findOne<Konva.Rect>('.selection');
  if (existing || !create) return existing;
  const ring = new Konva.Rect({
    name: 'selection',
    x: -RING_GAP,
    y: -RING_GAP,
    cornerRadius: CORNER + RING_GAP,
    stroke: SELECTION_STROKE,
    strokeWidth: RING_WIDTH,
    strokeScaleEnabled: false,
    listening: false,
    perfectDrawEnabled: false,
  });
  group.add(ring);
  return ring;
}

export function updateCardNode(group: Konva.Group, item: ItemView, look: CardLook, moving: boolean): void {
  const style = itemStyle(item.kind);
  // While this browser drags the card, its position comes from the pointer, not the echo.
  if (!moving) group.position({ x: item.x, y: item.y });
  group.findOne<Konva.Rect>('.bg')?.setAttrs({
    width: item.w,
    height: item.h,
    fill: item.color ?? style.fill,
    stroke: look.highlighted ? HIGHLIGHT_STROKE : style.stroke,
    strokeWidth: look.highlighted ? 3 : 1.5,
    dash: style.dash ? [...style.dash] : [],
  });
  const decor = group.findOne<Konva.Shape>('.decor');
  if (decor) setDecor(decor, layoutCard(item, look.label, { hasProblem: look.hasProblem }, look.words, canvasMeasure()));
  const box = cardTextBox(item);
  group.findOne<Konva.Text>('.body')?.setAttrs({
    text: item.text,
    visible: !look.editing,
    fill: style.ink,
    width: Math.max(0, item.w - 2 * box.side),
    height: Math.max(0, item.h - box.top - box.bottom),
  });
  selectionRing(group, look.selected)?.setAttrs({ visible: look.selected, width: item.w + 2 * RING_GAP, height: item.h + 2 * RING_GAP });
}

/** The item id of the card a shape belongs to, if it belongs to one. */
export function cardItemId(node: Konva.Node | null): string | undefined {
  let current: Konva.Node | null = node;
  while (current) {
    if (current.hasName(CARD_NAME)) {
      const id: unknown = current.getAttr('itemId');
      return typeof id === 'string' ? id : undefined;
    }
    current = current.getParent();
  }
  return undefined;
}

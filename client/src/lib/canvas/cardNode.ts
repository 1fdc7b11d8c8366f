// The Konva node of one card: a rounded rect in its kind's colour, the kind's label and the
// card's text. Built once per item and then updated in place when the item changes.
import type { ItemView } from '@interlink/model';
import Konva from 'konva';
import { CARD_FONT, HIGHLIGHT_STROKE, PROBLEM_INK, SELECTION_STROKE, itemStyle } from './kindStyle.js';

const PAD = 12;
const LABEL_SIZE = 11;
const BODY_SIZE = 15;
const BODY_TOP = PAD + LABEL_SIZE + 8;
/** Canvas units between a card's border and its selection ring. */
const RING_GAP = 5;
/** Screen pixels: the ring keeps this width at any zoom, so a selection stays visible zoomed out. */
const RING_WIDTH = 3;

/** Where the body text sits in a card, for the text editor overlay to match it. */
export const CARD_TEXT_BOX = { top: BODY_TOP, side: PAD, bottom: PAD, fontSize: BODY_SIZE, lineHeight: 1.25 } as const;

export interface CardLook {
  readonly label: string;
  readonly highlighted: boolean;
  readonly selected: boolean;
  readonly hasProblem: boolean;
  /** The text editor overlay shows the text while the card is being edited. */
  readonly editing: boolean;
}

/** Names let event handlers find the card a hit shape belongs to. */
export const CARD_NAME = 'card';

export function createCardNode(item: ItemView): Konva.Group {
  const group = new Konva.Group({ name: CARD_NAME, id: `card-${item.id}` });
  group.setAttr('itemId', item.id);
  // Only the background listens: text nodes would otherwise each be hit-tested on every move.
  group.add(new Konva.Rect({ name: 'bg', cornerRadius: 10, strokeWidth: 1.5, perfectDrawEnabled: false }));
  group.add(
    new Konva.Text({
      name: 'label',
      x: PAD,
      y: PAD,
      fontSize: LABEL_SIZE,
      fontStyle: 'bold',
      fontFamily: CARD_FONT,
      listening: false,
      perfectDrawEnabled: false,
    }),
  );
  group.add(
    new Konva.Text({
      name: 'body',
      x: PAD,
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
  group.add(
    new Konva.Text({
      name: 'problem',
      text: '⚠',
      fontSize: 14,
      fill: PROBLEM_INK,
      listening: false,
      visible: false,
    }),
  );
  group.add(
    new Konva.Rect({
      name: 'selection',
      x: -RING_GAP,
      y: -RING_GAP,
      cornerRadius: 10 + RING_GAP,
      stroke: SELECTION_STROKE,
      strokeWidth: RING_WIDTH,
      strokeScaleEnabled: false,
      listening: false,
      perfectDrawEnabled: false,
      visible: false,
    }),
  );
  return group;
}

export function updateCardNode(group: Konva.Group, item: ItemView, look: CardLook, moving: boolean): void {
  const style = itemStyle(item.kind);
  // While this browser drags the card, its position comes from the pointer, not the echo.
  if (!moving) group.position({ x: item.x, y: item.y });
  const bg = group.findOne<Konva.Rect>('.bg');
  bg?.setAttrs({
    width: item.w,
    height: item.h,
    fill: item.color ?? style.fill,
    stroke: look.highlighted ? HIGHLIGHT_STROKE : style.stroke,
    strokeWidth: look.highlighted ? 3 : 1.5,
    dash: style.dash ? [...style.dash] : [],
  });
  group.findOne<Konva.Text>('.label')?.setAttrs({
    text: look.label.toLocaleUpperCase(),
    fill: style.ink,
    width: Math.max(0, item.w - 2 * PAD - 16),
    ellipsis: true,
    wrap: 'none',
  });
  group.findOne<Konva.Text>('.body')?.setAttrs({
    text: item.text,
    visible: !look.editing,
    fill: style.ink,
    width: Math.max(0, item.w - 2 * PAD),
    height: Math.max(0, item.h - BODY_TOP - PAD),
  });
  group.findOne<Konva.Text>('.problem')?.setAttrs({ visible: look.hasProblem, x: item.w - PAD - 12, y: PAD - 2 });
  group.findOne<Konva.Rect>('.selection')?.setAttrs({ visible: look.selected, width: item.w + 2 * RING_GAP, height: item.h + 2 * RING_GAP });
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

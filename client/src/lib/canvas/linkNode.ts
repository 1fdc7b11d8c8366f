// The Konva node of one link: an arrow from card border to card border in its kind's style
// (dashed where the kind says so), with its polarity and label at the middle. Links never
// listen to events: they sit on the non-listening layer and are hit-tested in plain code
// (interaction/hitTest.ts), so thousands of arrows cost no hit graph.
import type { ItemView, LinkView } from '@interlink/model';
import Konva from 'konva';
import { CARD_FONT, linkStyle } from './kindStyle.js';
import { arrowPoints, segmentMidpoint } from './linkGeometry.js';

/** How polarity is written on an arrow: a true minus sign, which reads better than a hyphen. */
const POLARITY_SIGN = { '+': '+', '-': '\u2212' } as const;

/** "+", "− feeds", "feeds": what an arrow says at its middle. */
export function linkCaption(link: Pick<LinkView, 'polarity' | 'label'>): string {
  const sign = link.polarity ? POLARITY_SIGN[link.polarity] : '';
  return [sign, link.label ?? ''].filter((part) => part !== '').join(' ');
}

export function createLinkNode(): Konva.Group {
  const group = new Konva.Group({ listening: false });
  group.add(new Konva.Arrow({ name: 'arrow', points: [], strokeWidth: 2, pointerLength: 10, pointerWidth: 9, perfectDrawEnabled: false }));
  // A white outline under the letters keeps the caption readable where it crosses the arrow.
  group.add(
    new Konva.Text({
      name: 'label',
      fontSize: 12,
      fontFamily: CARD_FONT,
      fill: '#333333',
      stroke: '#ffffff',
      strokeWidth: 3,
      fillAfterStrokeEnabled: true,
      align: 'center',
      perfectDrawEnabled: false,
    }),
  );
  return group;
}

/** Returns the arrow's points, for culling. */
export function updateLinkNode(group: Konva.Group, link: LinkView, from: ItemView, to: ItemView): [number, number, number, number] {
  const style = linkStyle(link.kind);
  const points = arrowPoints(from, to);
  group.findOne<Konva.Arrow>('.arrow')?.setAttrs({
    points,
    stroke: style.stroke,
    fill: style.stroke,
    dash: style.dash ? [...style.dash] : [],
  });
  const text = linkCaption(link);
  const label = group.findOne<Konva.Text>('.label');
  if (label) {
    const middle = segmentMidpoint(points);
    label.setAttrs({ text, visible: text !== '', fontStyle: link.polarity ? 'bold' : 'normal' });
    label.position({ x: middle.x - label.width() / 2, y: middle.y - 16 });
  }
  return points;
}

// The Konva node of one link: an arrow from card border to card border, with its label.
// Links never listen to events (they sit on the non-listening layer).
import type { ItemView, LinkView } from '@interlink/model';
import Konva from 'konva';
import { CARD_FONT, linkStyle } from './kindStyle.js';
import { arrowPoints } from './linkGeometry.js';

export function createLinkNode(): Konva.Group {
  const group = new Konva.Group({ listening: false });
  group.add(new Konva.Arrow({ name: 'arrow', points: [], strokeWidth: 2, pointerLength: 10, pointerWidth: 9, perfectDrawEnabled: false }));
  group.add(new Konva.Text({ name: 'label', fontSize: 12, fontFamily: CARD_FONT, fill: '#333333', align: 'center' }));
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
  const text = [link.polarity, link.label].filter((part) => part !== undefined && part !== '').join(' ');
  const label = group.findOne<Konva.Text>('.label');
  if (label) {
    label.setAttrs({ text, visible: text !== '' });
    label.position({ x: (points[0] + points[2]) / 2 - label.width() / 2, y: (points[1] + points[3]) / 2 - 16 });
  }
  return points;
}

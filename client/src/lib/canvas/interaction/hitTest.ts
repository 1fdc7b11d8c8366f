// Which item or link lies under a point, computed from the board's geometry rather than from
// Konva's hit canvases: the link layer does not listen (so thousands of arrows cost no hit
// graph), and a drop target must be found under the node being dragged, which a hit canvas
// would report instead.
import { itemBox, type ItemId, type ItemView, type LinkId, type LinkView } from '@interlink/model';
import { arrowPoints, distanceToSegment } from '../linkGeometry.js';
import type { Point } from '../viewport.js';

/** The part of an item hit-testing reads. */
export type HitItem = Pick<ItemView, 'id' | 'kind' | 'x' | 'y' | 'w' | 'h' | 'z' | 'createdAt'>;

export interface LinkSource {
  readonly links: ReadonlyMap<LinkId, LinkView>;
  /** Both ends, or undefined when one is gone (such a link is not drawn, so never hit). */
  linkEnds(link: LinkView): readonly [HitItem, HitItem] | undefined;
}

const FRAME = 'frame';

/** True when `a` is drawn above `b`: cards above frames, then by `z`, then the later one. */
export function drawnAbove(a: HitItem, b: HitItem): boolean {
  const frameA = a.kind === FRAME;
  if (frameA !== (b.kind === FRAME)) return !frameA;
  const za = a.z ?? '';
  const zb = b.z ?? '';
  if (za !== zb) return za > zb;
  return (a.createdAt ?? 0) > (b.createdAt ?? 0);
}

function contains(item: HitItem, p: Point): boolean {
  const box = itemBox(item);
  return p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom;
}

/** The topmost item under `p`, skipping `exclude` (the card a link is drawn from). */
export function itemAt<T extends HitItem>(items: Iterable<T>, p: Point, exclude?: ItemId): T | undefined {
  let top: T | undefined;
  for (const item of items) {
    if (item.id === exclude || !contains(item, p)) continue;
    if (!top || drawnAbove(item, top)) top = item;
  }
  return top;
}

/** The link whose arrow passes nearest to `p`, if one passes within `tolerance` (canvas units). */
export function linkAt(source: LinkSource, p: Point, tolerance: number): LinkId | undefined {
  let best: LinkId | undefined;
  let bestDistance = tolerance;
  for (const link of source.links.values()) {
    const ends = source.linkEnds(link);
    if (!ends) continue;
    const points = arrowPoints(ends[0], ends[1]);
    // A cheap box check first: most links are nowhere near the pointer.
    if (p.x < Math.min(points[0], points[2]) - tolerance || p.x > Math.max(points[0], points[2]) + tolerance) continue;
    if (p.y < Math.min(points[1], points[3]) - tolerance || p.y > Math.max(points[1], points[3]) + tolerance) continue;
    const distance = distanceToSegment(p, points);
    if (distance <= bestDistance) {
      best = link.id;
      bestDistance = distance;
    }
  }
  return best;
}

// What the link editor shows for the selected link: its ends, the kinds it may take, and where
// on screen it opens (beside the arrow's middle, inside the board area).
import { allowedLinkKinds, type ItemView, type LinkId, type LinkView } from '@interlink/model';
import { arrowPoints, segmentMidpoint } from '../linkGeometry.js';
import { toScreen, type Point, type View } from '../viewport.js';

export interface EditedLink {
  readonly link: LinkView;
  readonly from: ItemView;
  readonly to: ItemView;
}

export interface LinkSourceLike {
  readonly links: ReadonlyMap<LinkId, LinkView>;
  linkEnds(link: LinkView): readonly [ItemView, ItemView] | undefined;
}

/** The selected link with both its ends; undefined when it (or an end) is gone. */
export function editedLink(source: LinkSourceLike, id: LinkId | undefined): EditedLink | undefined {
  const link = id && source.links.get(id);
  const ends = link && source.linkEnds(link);
  return link && ends ? { link, from: ends[0], to: ends[1] } : undefined;
}

/**
 * The kinds offered: those valid between the two ends as drawn; the link's own kind too when it
 * is not among them (a newer client's kind, or one a peer set against the rules), so that
 * opening the editor never silently shows another kind than the arrow has.
 */
export function kindChoices({ link, from, to }: EditedLink): string[] {
  const allowed: string[] = allowedLinkKinds(from.kind, to.kind);
  return allowed.includes(link.kind) ? allowed : [...allowed, link.kind];
}

/** Screen pixels between the arrow's middle and the editor. */
const GAP = 14;

/**
 * Where the editor's top-left corner goes: below and right of the arrow's middle, moved back
 * inside the board area when it would overflow it.
 */
export function editorPosition(edited: EditedLink, view: View, board: { width: number; height: number }, size: { width: number; height: number }): Point {
  const middle = toScreen(view, segmentMidpoint(arrowPoints(edited.from, edited.to)));
  const clamp = (value: number, max: number): number => Math.max(8, Math.min(value, max - 8));
  return { x: clamp(middle.x + GAP, board.width - size.width), y: clamp(middle.y + GAP, board.height - size.height) };
}

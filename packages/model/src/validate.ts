// Checks that span more than one entry of the board, which the field-by-field reader cannot
// make on its own: which kinds of item each kind of link may join (CONTRACT.md section 4).
// Such a link is still drawn (a peer drew it; deleting or hiding it would lose their work), but
// it is reported on the link, and the analysis ignores it by its kind.
import { asItemId, asLinkId, type ItemId, type LinkId } from './ids.js';
import type { Problem } from './problems.js';
import type { BoardView, ItemView, LinkView } from './read.js';
import type { ItemKind, LinkKind } from './vocabulary.js';

/** Any item kind at all, including kinds a newer version may add. */
export const ANY_KIND = 'any';

export interface LinkEnds {
  readonly from: readonly ItemKind[] | typeof ANY_KIND;
  readonly to: readonly ItemKind[] | typeof ANY_KIND;
}

/** The item kinds each link kind may start and end at. */
export const LINK_RULES = {
  causes: { from: ['root-cause', 'threat'], to: ['threat'] },
  amplifies: { from: ['threat'], to: ['threat'] },
  affects: { from: ['threat'], to: ['group'] },
  addresses: { from: ['response'], to: ['threat', 'root-cause'] },
  responsible: { from: ['actor'], to: ['response'] },
  strengthens: { from: ['response'], to: ['capacity'] },
  monitors: { from: ['indicator'], to: ['threat'] },
  relates: { from: ANY_KIND, to: ANY_KIND },
} as const satisfies Record<LinkKind, LinkEnds>;

const allows = (allowed: LinkEnds['from'], kind: ItemKind): boolean =>
  allowed === ANY_KIND || (allowed as readonly ItemKind[]).includes(kind);

const describeEnds = (allowed: LinkEnds['from']): string => (allowed === ANY_KIND ? 'any item' : allowed.join(' or '));

/** Whether a link of `kind` may go from an item of kind `from` to one of kind `to`. */
export function linkEndsAllowed(kind: LinkKind, from: ItemKind, to: ItemKind): boolean {
  const rule: LinkEnds = LINK_RULES[kind];
  return allows(rule.from, from) && allows(rule.to, to);
}

/**
 * The `wrong-link-ends` problem of one link, if it has one. Nothing is reported when the link
 * kind or an end's kind is unknown here: a newer version may allow what this one cannot judge
 * (and the unknown kind is reported on its own). A missing end is not this check's business.
 */
export function checkLinkEnds(link: LinkView, items: ReadonlyMap<ItemId, ItemView>): Problem | undefined {
  const from = items.get(link.from)?.knownKind;
  const to = items.get(link.to)?.knownKind;
  if (!link.knownKind || !from || !to || linkEndsAllowed(link.knownKind, from, to)) return undefined;
  const rule: LinkEnds = LINK_RULES[link.knownKind];
  return {
    target: 'link',
    id: link.id,
    code: 'wrong-link-ends',
    detail: `a ${link.knownKind} link goes from ${describeEnds(rule.from)} to ${describeEnds(rule.to)}, not from ${from} to ${to}`,
  };
}

/** The problems of the board as a whole: today, every link between the wrong kinds of item. */
export function validateBoard(view: Pick<BoardView, 'items' | 'links'>): Problem[] {
  const problems: Problem[] = [];
  for (const link of view.links.values()) {
    const problem = checkLinkEnds(link, view.items);
    if (problem) problems.push(problem);
  }
  return problems;
}

export interface ProblemsByTarget {
  readonly items: ReadonlyMap<ItemId, readonly Problem[]>;
  readonly links: ReadonlyMap<LinkId, readonly Problem[]>;
}

function addTo<K>(group: Map<K, Problem[]>, id: K, problem: Problem): void {
  const list = group.get(id);
  if (list) list.push(problem);
  else group.set(id, [problem]);
}

/** Groups problems per item and per link, in the order given, so that the canvas can mark each card. */
export function problemsByTarget(problems: readonly Problem[]): ProblemsByTarget {
  const items = new Map<ItemId, Problem[]>();
  const links = new Map<LinkId, Problem[]>();
  for (const problem of problems) {
    if (problem.target === 'item') addTo(items, asItemId(problem.id), problem);
    else addTo(links, asLinkId(problem.id), problem);
  }
  return { items, links };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A total order on problems (target, id, code, field, then detail). Y.Map iteration order can
 * differ between replicas of the same state, so an unsorted list would differ too.
 */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareStrings(a.target, b.target) ||
    compareStrings(a.id, b.id) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.field ?? '', b.field ?? '') ||
    compareStrings(a.detail, b.detail)
  );
}

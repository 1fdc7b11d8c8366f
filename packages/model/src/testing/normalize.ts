// Test support: a board view in a canonical order. Two converged documents hold the same data
// but may iterate their maps in different orders (keys arrive in a different sequence on each
// peer), so views are compared sorted.
import type { Problem } from '../problems.js';
import type { BoardView, ItemView, LinkView } from '../read.js';

export interface NormalizedBoard {
  readonly title: string;
  readonly items: ReadonlyArray<readonly [string, ItemView]>;
  readonly links: ReadonlyArray<readonly [string, LinkView]>;
  readonly problems: readonly Problem[];
}

const byKey = <T>(entries: Iterable<readonly [string, T]>): Array<readonly [string, T]> =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const problemKey = (p: Problem): string => [p.target, p.id, p.code, p.field ?? '', p.detail].join('\u0000');

export function normalizeBoard(view: BoardView): NormalizedBoard {
  return {
    title: view.title,
    items: byKey(view.items),
    links: byKey(view.links),
    problems: [...view.problems].sort((a, b) => (problemKey(a) < problemKey(b) ? -1 : problemKey(a) > problemKey(b) ? 1 : 0)),
  };
}

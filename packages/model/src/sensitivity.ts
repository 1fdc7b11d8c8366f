// Sensitivity markings and the filter every export and the analysis report apply: items above
// the requested sensitivity are left out of every section (CONTRACT.md section 5), and with
// them everything that would betray them: their links and the problems about them.
import type { ItemId, LinkId } from './ids.js';
import type { Problem } from './problems.js';
import type { BoardView, ItemView, LinkView } from './read.js';
import { SENSITIVITIES, isOneOf, type Sensitivity } from './vocabulary.js';

/** Higher is more sensitive. */
export const SENSITIVITY_RANK: Readonly<Record<Sensitivity, number>> = { public: 0, restricted: 1, confidential: 2 };

export function isAtMost(sensitivity: Sensitivity, max: Sensitivity): boolean {
  return SENSITIVITY_RANK[sensitivity] <= SENSITIVITY_RANK[max];
}

/**
 * A sensitivity from outside (a query parameter, an imported file), exactly as spelled in the
 * contract; anything else is undefined, for the caller to refuse: guessing what a misspelt
 * limit meant could publish what someone meant to protect.
 */
export function parseSensitivity(value: unknown): Sensitivity | undefined {
  return isOneOf(SENSITIVITIES, value) ? value : undefined;
}

/**
 * The board as someone cleared up to `maxSensitivity` may see it: items above it left out, every
 * link touching one of them left out, and every problem about a left-out item or link left out,
 * including one whose detail merely mentions a left-out id. That last test matches ids as plain
 * substrings, so it may drop a harmless problem too; a missing finding is the safe mistake.
 */
export function restrictView(view: BoardView, maxSensitivity: Sensitivity): BoardView {
  const items = new Map<ItemId, ItemView>();
  const removedItems = new Set<string>();
  for (const [id, item] of view.items) {
    if (isAtMost(item.sensitivity, maxSensitivity)) items.set(id, item);
    else removedItems.add(id);
  }
  if (removedItems.size === 0) return view;
  const links = new Map<LinkId, LinkView>();
  const removedLinks = new Set<string>();
  for (const [id, link] of view.links) {
    if (removedItems.has(link.from) || removedItems.has(link.to)) removedLinks.add(id);
    else links.set(id, link);
  }
  // An empty id is a substring of every detail; it names nothing, so there is nothing to hide.
  const mentionable = [...removedItems, ...removedLinks].filter((id) => id !== '');
  const keeps = (problem: Problem): boolean =>
    !(problem.target === 'item' ? removedItems : removedLinks).has(problem.id) &&
    !mentionable.some((id) => problem.detail.includes(id));
  return { title: view.title, items, links, problems: view.problems.filter(keeps) };
}

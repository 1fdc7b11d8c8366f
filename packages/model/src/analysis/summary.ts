// The board at a glance and the plain lists the report is built from: counts by kind, the
// riskiest threats, threats by dimension, every response with who carries it and what it
// answers, and every early-warning indicator with what it watches.
import type { ItemId } from '../ids.js';
import type { ItemView } from '../read.js';
import { DIMENSIONS, ITEM_KINDS, STRATEGIES, type Dimension } from '../vocabulary.js';
import type { BoardIndex } from './graph.js';
import { compareItemsByText, compareStrings, vocabularyRank } from './order.js';
import { resolveOptions } from './options.js';
import type {
  AnalysisOptions,
  IndicatorEntry,
  ResponseEntry,
  RiskEntry,
  Summary,
  ThreatsByDimension,
} from './types.js';
import { sortActors } from './who.js';

/** Severity x likelihood, or undefined unless both were scored. */
function riskScore(threat: ItemView): number | undefined {
  return threat.severity !== undefined && threat.likelihood !== undefined ? threat.severity * threat.likelihood : undefined;
}

/**
 * Highest risk first; unscored threats after every scored one. Equal scores put the more severe
 * threat first (a likely nuisance is not a rare catastrophe), then text order.
 */
export function compareByRisk(a: ItemView, b: ItemView): number {
  const scoreA = riskScore(a) ?? -1;
  const scoreB = riskScore(b) ?? -1;
  return scoreB - scoreA || (b.severity ?? 0) - (a.severity ?? 0) || compareItemsByText(a, b);
}

/** Counts per stored kind: every known kind (0 when absent, so a report can say "no indicators")
 * in ITEM_KINDS order, then kinds this version does not know, in code-unit order. */
function countByKind(items: Iterable<ItemView>): Record<string, number> {
  const counts = new Map<string, number>(ITEM_KINDS.map((kind) => [kind, 0]));
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const unknown = [...counts.keys()].filter((kind) => !(ITEM_KINDS as readonly string[]).includes(kind)).sort(compareStrings);
  // fromEntries defines own properties: a peer's kind named `__proto__` stays a count.
  return Object.fromEntries([...ITEM_KINDS, ...unknown].map((kind) => [kind, counts.get(kind) ?? 0]));
}

export function summarise(index: BoardIndex, options: AnalysisOptions = {}): Summary {
  const { topN } = resolveOptions(options);
  const riskiest: RiskEntry[] = index
    .ofKind('threat')
    .filter((threat) => riskScore(threat) !== undefined)
    .sort(compareByRisk)
    .slice(0, topN)
    .map((threat) => ({
      id: threat.id,
      severity: threat.severity ?? 0,
      likelihood: threat.likelihood ?? 0,
      score: riskScore(threat) ?? 0,
    }));
  return { itemsByKind: countByKind(index.view.items.values()), items: index.view.items.size, links: index.view.links.size, riskiest };
}

export function threatsByDimension(index: BoardIndex): ThreatsByDimension {
  const byRisk = [...index.ofKind('threat')].sort(compareByRisk);
  const named = (dimension: Dimension): ItemId[] =>
    byRisk.filter((threat) => threat.dimensions?.includes(dimension)).map((threat) => threat.id);
  return {
    dimensions: DIMENSIONS.map((dimension) => ({ dimension, threats: named(dimension) })),
    withoutDimension: index
      .ofKind('threat')
      .filter((threat) => (threat.dimensions ?? []).length === 0)
      .map((threat) => threat.id),
  };
}

/** Protection, then empowerment, then unspecified; text order within each. */
function compareResponses(a: ItemView, b: ItemView): number {
  return vocabularyRank(STRATEGIES, a.strategy) - vocabularyRank(STRATEGIES, b.strategy) || compareItemsByText(a, b);
}

export function listResponses(index: BoardIndex): ResponseEntry[] {
  return [...index.ofKind('response')].sort(compareResponses).map((response) => ({
    id: response.id,
    ...(response.strategy ? { strategy: response.strategy } : {}),
    ...(response.phase ? { phase: response.phase } : {}),
    actors: sortActors(index, index.sources(response.id, 'responsible', ['actor'])),
    addresses: index.targets(response.id, 'addresses', ['threat', 'root-cause']),
    strengthens: index.targets(response.id, 'strengthens', ['capacity']),
  }));
}

export function listIndicators(index: BoardIndex): IndicatorEntry[] {
  return index.ofKind('indicator').map((indicator) => ({
    id: indicator.id,
    threats: index.targets(indicator.id, 'monitors', ['threat']),
    ...(indicator.threshold !== undefined ? { threshold: indicator.threshold } : {}),
    ...(indicator.action !== undefined ? { action: indicator.action } : {}),
  }));
}

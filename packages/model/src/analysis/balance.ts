// The protection/empowerment balance (the fifth principle): how the drafted responses split
// between top-down protection and bottom-up empowerment, overall and by who carries them, by the
// dimensions they serve and by phase; and which dimensions the board covers at all.
import type { ItemView } from '../read.js';
import { DIMENSIONS, LEVELS, PHASES, type ActorLevel, type Dimension, type Phase } from '../vocabulary.js';
import type { BoardIndex } from './graph.js';
import type { Balance, DimensionCoverage, StrategyCount } from './types.js';

type Tally = { -readonly [K in keyof StrategyCount]: number };
type StrategyKey = keyof StrategyCount;

const emptyTally = (): Tally => ({ protection: 0, empowerment: 0, unspecified: 0 });

/** One tally per key, in the vocabulary's order (so that a JSON export lists them that way). */
function tallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return Object.fromEntries(keys.map((key) => [key, emptyTally()])) as Record<K, Tally>;
}

/** Levels of the actors responsible for a response, each once, in LEVELS order. */
export function responseLevels(index: BoardIndex, response: ItemView): ActorLevel[] {
  const levels = new Set<ActorLevel>();
  for (const actor of index.sources(response.id, 'responsible', ['actor'])) {
    const level = index.item(actor)?.level;
    if (level) levels.add(level);
  }
  return LEVELS.filter((level) => levels.has(level));
}

/**
 * Dimensions of the threats a response addresses directly. Why not through root causes: a root
 * cause names no dimension, and spreading a response over every threat its root cause feeds
 * would claim coverage the participants did not draw.
 */
function responseDimensions(index: BoardIndex, response: ItemView): Set<Dimension> {
  const dimensions = new Set<Dimension>();
  for (const threat of index.targets(response.id, 'addresses', ['threat'])) {
    for (const dimension of index.item(threat)?.dimensions ?? []) dimensions.add(dimension);
  }
  return dimensions;
}

export function computeBalance(index: BoardIndex): Balance {
  const overall = emptyTally();
  const byLevel = tallies<ActorLevel | 'none'>([...LEVELS, 'none']);
  const byDimension = tallies<Dimension>(DIMENSIONS);
  const byPhase = tallies<Phase | 'none'>([...PHASES, 'none']);
  const respondedDimensions = new Map<Dimension, number>();

  for (const response of index.ofKind('response')) {
    const strategy: StrategyKey = response.strategy ?? 'unspecified';
    overall[strategy]++;
    const levels = responseLevels(index, response);
    for (const level of levels.length > 0 ? levels : (['none'] as const)) byLevel[level][strategy]++;
    for (const dimension of responseDimensions(index, response)) {
      byDimension[dimension][strategy]++;
      respondedDimensions.set(dimension, (respondedDimensions.get(dimension) ?? 0) + 1);
    }
    byPhase[response.phase ?? 'none'][strategy]++;
  }

  const threatsNaming = new Map<Dimension, number>();
  for (const threat of index.ofKind('threat')) {
    for (const dimension of threat.dimensions ?? []) threatsNaming.set(dimension, (threatsNaming.get(dimension) ?? 0) + 1);
  }
  const coverage: DimensionCoverage[] = DIMENSIONS.map((dimension) => ({
    dimension,
    threats: threatsNaming.get(dimension) ?? 0,
    responses: respondedDimensions.get(dimension) ?? 0,
  }));
  return { overall, byLevel, byDimension, byPhase, coverage };
}

// Who carries the responses, and where the level of a response does not meet the level of what
// it answers: a threat rooted in local conditions answered only by international actors (or the
// reverse) is the mismatch between levels that HSU planning asks participants to name.
import type { ItemId } from '../ids.js';
import type { ItemView } from '../read.js';
import { LEVELS, SECTORS, type ActorLevel } from '../vocabulary.js';
import { responseLevels } from './balance.js';
import type { BoardIndex } from './graph.js';
import { compareItemsByText, vocabularyRank } from './order.js';
import type { ActorEntry, LevelMismatch, MismatchKind, Who } from './types.js';

/** Actors by level (LEVELS order, none last), then sector (SECTORS order, none last), then text. */
export function compareActors(a: ItemView, b: ItemView): number {
  return (
    vocabularyRank(LEVELS, a.level) - vocabularyRank(LEVELS, b.level) ||
    vocabularyRank(SECTORS, a.sector) - vocabularyRank(SECTORS, b.sector) ||
    compareItemsByText(a, b)
  );
}

/** Actor ids in ActorEntry order. */
export function sortActors(index: BoardIndex, ids: readonly ItemId[]): ItemId[] {
  const actors = ids.map((id) => index.item(id)).filter((actor): actor is ItemView => actor !== undefined);
  return actors.sort(compareActors).map((actor) => actor.id);
}

function actorEntries(index: BoardIndex): ActorEntry[] {
  return [...index.ofKind('actor')].sort(compareActors).map((actor) => ({
    id: actor.id,
    ...(actor.level ? { level: actor.level } : {}),
    ...(actor.sector ? { sector: actor.sector } : {}),
    responses: index.targets(actor.id, 'responsible', ['response']),
  }));
}

const inLevelOrder = (levels: ReadonlySet<ActorLevel>): ActorLevel[] => LEVELS.filter((level) => levels.has(level));

function mismatchKind(rootLevels: readonly ActorLevel[], responseLevels: readonly ActorLevel[]): MismatchKind | undefined {
  // Both sides must name levels: no root level or no responsible actor is a gap, not a mismatch.
  if (rootLevels.length === 0 || responseLevels.length === 0) return undefined;
  const only = (levels: readonly ActorLevel[], level: ActorLevel): boolean => levels.every((l) => l === level);
  if (only(rootLevels, 'local') && only(responseLevels, 'international')) return 'local-roots-international-responses';
  if (only(rootLevels, 'international') && only(responseLevels, 'local')) return 'international-roots-local-responses';
  return undefined;
}

function levelMismatch(index: BoardIndex, threat: ItemView): LevelMismatch | undefined {
  const rootCauses = index.sources(threat.id, 'causes', ['root-cause']);
  const roots = new Set<ActorLevel>();
  if (threat.level) roots.add(threat.level);
  for (const cause of rootCauses) {
    const level = index.item(cause)?.level;
    if (level) roots.add(level);
  }
  // A response to one of the threat's root causes answers the threat too, at that level.
  const responses = index.order.sortUnique(
    [threat.id, ...rootCauses].flatMap((target) => index.sources(target, 'addresses', ['response'])),
  );
  const carriedAt = new Set<ActorLevel>();
  for (const response of responses) {
    const view = index.item(response);
    if (view) for (const level of responseLevels(index, view)) carriedAt.add(level);
  }
  const rootLevels = inLevelOrder(roots);
  const levels = inLevelOrder(carriedAt);
  const kind = mismatchKind(rootLevels, levels);
  return kind && { threat: threat.id, kind, rootLevels, responseLevels: levels, responses };
}

export function describeWho(index: BoardIndex): Who {
  const levelMismatches: LevelMismatch[] = [];
  for (const threat of index.ofKind('threat')) {
    const mismatch = levelMismatch(index, threat);
    if (mismatch) levelMismatches.push(mismatch);
  }
  return { actors: actorEntries(index), levelMismatches };
}

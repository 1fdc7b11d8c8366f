// Gaps: what the plan leaves undone. Each list names the cards to fix, in text order. Links
// count only between the kinds the link table allows (a `responsible` link drawn from a group is
// not an actor taking charge), so that a drawing mistake never hides a gap.
import type { ItemId } from '../ids.js';
import type { ItemView } from '../read.js';
import type { BoardIndex } from './graph.js';
import type { Gaps, IncompleteIndicator } from './types.js';

/** Threats no response addresses. Why direct links only: a response to a root cause may leave
 * this threat's own harm unattended, which is what the facilitator needs to see. */
function unaddressedThreats(index: BoardIndex): ItemId[] {
  return index
    .ofKind('threat')
    .filter((threat) => index.sources(threat.id, 'addresses', ['response']).length === 0)
    .map((threat) => threat.id);
}

function responsesAddressingNothing(index: BoardIndex): ItemId[] {
  return index
    .ofKind('response')
    .filter((response) => index.targets(response.id, 'addresses', ['threat', 'root-cause']).length === 0)
    .map((response) => response.id);
}

function protectionWithoutActor(index: BoardIndex): ItemId[] {
  return index
    .ofKind('response')
    .filter((response) => response.strategy === 'protection')
    .filter((response) => index.sources(response.id, 'responsible', ['actor']).length === 0)
    .map((response) => response.id);
}

/** People's own empowerment needs someone close to them: a local or community actor carrying
 * it, or a capacity it builds on. Without either it is empowerment on paper only. */
function isRootedLocally(index: BoardIndex, response: ItemView): boolean {
  const actors = index.sources(response.id, 'responsible', ['actor']).map((id) => index.item(id));
  if (actors.some((actor) => actor?.level === 'local' || actor?.sector === 'community')) return true;
  return index.targets(response.id, 'strengthens', ['capacity']).length > 0;
}

function empowermentWithoutLocalActorOrCapacity(index: BoardIndex): ItemId[] {
  return index
    .ofKind('response')
    .filter((response) => response.strategy === 'empowerment' && !isRootedLocally(index, response))
    .map((response) => response.id);
}

/** Blank counts as missing: a threshold of spaces warns no one. */
const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

function indicatorsIncomplete(index: BoardIndex): IncompleteIndicator[] {
  const incomplete: IncompleteIndicator[] = [];
  for (const indicator of index.ofKind('indicator')) {
    const missing: ('threshold' | 'action')[] = [];
    if (isBlank(indicator.threshold)) missing.push('threshold');
    if (isBlank(indicator.action)) missing.push('action');
    if (missing.length > 0) incomplete.push({ id: indicator.id, missing });
  }
  return incomplete;
}

/** Responses that address a root cause of the threat (in text order, each once). */
function responsesThroughRootCauses(index: BoardIndex, threat: ItemId): ItemId[] {
  const rootCauses = index.sources(threat, 'causes', ['root-cause']);
  return index.order.sortUnique(rootCauses.flatMap((rootCause) => index.sources(rootCause, 'addresses', ['response'])));
}

function addressedThroughRootCause(index: BoardIndex, unaddressed: readonly ItemId[]): Gaps['addressedThroughRootCause'] {
  return unaddressed
    .map((threat) => ({ threat, responses: responsesThroughRootCauses(index, threat) }))
    .filter((entry) => entry.responses.length > 0);
}

export function findGaps(index: BoardIndex): Gaps {
  const unaddressed = unaddressedThreats(index);
  return {
    unaddressedThreats: unaddressed,
    addressedThroughRootCause: addressedThroughRootCause(index, unaddressed),
    responsesAddressingNothing: responsesAddressingNothing(index),
    protectionWithoutActor: protectionWithoutActor(index),
    empowermentWithoutLocalActorOrCapacity: empowermentWithoutLocalActorOrCapacity(index),
    indicatorsIncomplete: indicatorsIncomplete(index),
  };
}

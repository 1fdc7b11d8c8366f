// Responses: protection and empowerment, each by the level of the actors who carry it, as the
// report lists them; then the balance between the two. A response carried at two levels is
// listed at both. Choosing a response selects it with every card its line names.
import { LEVELS, STRATEGIES, type ActorLevel, type ItemId, type ResponseEntry } from '@interlink/model';
import { group, groupHeading, uniqueItems, type Finding, type FindingContext, type FindingGroup } from '../findings.js';

type LevelOrNone = ActorLevel | 'none';
const LEVEL_ORDER: readonly LevelOrNone[] = [...LEVELS, 'none'];

export function responseGroups(ctx: FindingContext): FindingGroup[] {
  const { responses, balance } = ctx.analysis;
  const uncovered = balance.coverage.filter((entry) => entry.threats > 0 && entry.responses === 0);
  const groups: FindingGroup[] = [
    group({
      key: 'balance',
      items: [],
      findings: responses.length > 0 ? [{ key: 'overall', label: ctx.t('analysis.balance.overall', { ...balance.overall }), items: [] }] : [],
      empty: ctx.t('analysis.responses.none'),
      notes:
        uncovered.length > 0
          ? [ctx.t('analysis.coverage.uncovered', { dimensions: uncovered.map((entry) => ctx.t(`dimension.${entry.dimension}`)).join(', ') })]
          : [],
    }),
  ];
  for (const strategy of [...STRATEGIES, undefined]) {
    const ofStrategy = responses.filter((response) => response.strategy === strategy);
    const strategyName = ctx.t(strategy ? `strategy.${strategy}` : 'strategy.unspecified');
    for (const level of LEVEL_ORDER) {
      const atLevel = ofStrategy.filter((response) => responseLevels(response, ctx).includes(level));
      if (atLevel.length === 0) continue;
      const heading = ctx.t('panel.strategyAtLevel', { strategy: strategyName, level: ctx.t(`level.${level}`) });
      groups.push(
        group({
          key: `${strategy ?? 'unspecified'}:${level}`,
          heading: groupHeading(ctx, heading, atLevel.length),
          items: atLevel.map((response) => response.id),
          findings: atLevel.map((response) => responseFinding(response, ctx)),
        }),
      );
    }
  }
  return groups;
}

function responseLevels(response: ResponseEntry, ctx: FindingContext): LevelOrNone[] {
  const levels = response.actors.flatMap((id) => ctx.view.items.get(id)?.level ?? []);
  return levels.length > 0 ? levels : ['none'];
}

function responseFinding(response: ResponseEntry, ctx: FindingContext): Finding {
  const parts = [
    response.actors.length > 0
      ? ctx.t('analysis.response.carriedBy', { actors: response.actors.map((id) => actorName(id, ctx)).join(', ') })
      : ctx.t('analysis.response.noActor'),
  ];
  if (response.addresses.length > 0) parts.push(ctx.t('analysis.response.addresses', { targets: ctx.cards(response.addresses) }));
  if (response.strengthens.length > 0) parts.push(ctx.t('panel.response.strengthens', { capacities: ctx.cards(response.strengthens) }));
  if (response.phase) parts.unshift(ctx.t(`phase.${response.phase}`));
  return {
    key: response.id,
    label: ctx.card(response.id),
    detail: parts.join('; '),
    items: uniqueItems([response.id], response.actors, response.addresses, response.strengthens),
  };
}

/** "UNHCR (International, United Nations)". */
function actorName(id: ItemId, ctx: FindingContext): string {
  const actor = ctx.view.items.get(id);
  const details = [actor?.level && ctx.t(`level.${actor.level}`), actor?.sector && ctx.t(`sector.${actor.sector}`)].filter(
    (part): part is string => Boolean(part),
  );
  return details.length > 0 ? ctx.t('panel.actor', { name: ctx.card(id), details: details.join(', ') }) : ctx.card(id);
}

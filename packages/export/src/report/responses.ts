// Responses: protection and empowerment, each by the level of the actors who carry it, then
// the balance between the two and the actors. A response carried at two levels is listed at
// both, as each level's actors will read their own part.
import { LEVELS, STRATEGIES, type ActorLevel, type ResponseEntry, type StrategyCount } from '@interlink/model';
import type { MarkdownDocument } from '../markdown/document.js';
import type { ReportContext } from './context.js';

type LevelOrNone = ActorLevel | 'none';
const LEVEL_ORDER: readonly LevelOrNone[] = [...LEVELS, 'none'];

export function writeResponses(md: MarkdownDocument, ctx: ReportContext): void {
  const { responses } = ctx.analysis;
  md.heading(2, ctx.t('analysis.section.responses'));
  if (responses.length === 0) md.paragraph(ctx.t('analysis.responses.none'));
  for (const strategy of [...STRATEGIES, undefined]) {
    const ofStrategy = responses.filter((response) => response.strategy === strategy);
    if (ofStrategy.length === 0) continue;
    md.heading(3, `${ctx.t(strategy ? `strategy.${strategy}` : 'strategy.unspecified')} (${ofStrategy.length})`);
    for (const level of LEVEL_ORDER) {
      const atLevel = ofStrategy.filter((response) => responseLevels(response, ctx).includes(level));
      if (atLevel.length === 0) continue;
      md.heading(4, ctx.t(`level.${level}`));
      md.bullets(atLevel.map((response) => responseLine(response, ctx)));
    }
  }
  writeBalance(md, ctx);
  writeActors(md, ctx);
}

function responseLevels(response: ResponseEntry, ctx: ReportContext): LevelOrNone[] {
  const levels = response.actors.flatMap((id) => ctx.view.items.get(id)?.level ?? []);
  return levels.length > 0 ? levels : ['none'];
}

function responseLine(response: ResponseEntry, ctx: ReportContext): string {
  const parts = [
    response.actors.length > 0
      ? ctx.t('analysis.response.carriedBy', { actors: response.actors.map((id) => actorName(id, ctx)).join(', ') })
      : ctx.t('analysis.response.noActor'),
  ];
  if (response.addresses.length > 0) parts.push(ctx.t('analysis.response.addresses', { targets: ctx.cards(response.addresses) }));
  if (response.strengthens.length > 0) parts.push(ctx.t('report.response.strengthens', { capacities: ctx.cards(response.strengthens) }));
  const phase = response.phase ? ` (${ctx.t(`phase.${response.phase}`)})` : '';
  return `${ctx.card(response.id)}${phase}: ${parts.join('; ')}`;
}

/** "UNHCR (International, United Nations)". */
function actorName(id: ResponseEntry['id'], ctx: ReportContext): string {
  const actor = ctx.view.items.get(id);
  const details = [actor?.level && ctx.t(`level.${actor.level}`), actor?.sector && ctx.t(`sector.${actor.sector}`)].filter(Boolean);
  return details.length > 0 ? `${ctx.card(id)} (${details.join(', ')})` : ctx.card(id);
}

function countCells(count: StrategyCount): string[] {
  return [String(count.protection), String(count.empowerment), String(count.unspecified)];
}

function writeBalance(md: MarkdownDocument, ctx: ReportContext): void {
  const { balance } = ctx.analysis;
  const header = (first: string): string[] => [first, ctx.t('strategy.protection'), ctx.t('strategy.empowerment'), ctx.t('strategy.unspecified')];
  md.heading(3, ctx.t('analysis.balance'));
  md.paragraph(ctx.t('analysis.balance.overall', { ...balance.overall }));
  // With no responses the level and phase tables would be all zeros; coverage still says
  // which dimensions the threats fall in.
  if (ctx.analysis.responses.length > 0) {
    md.heading(4, ctx.t('analysis.balance.byLevel'));
    md.table(header(ctx.t('report.column.level')), LEVEL_ORDER.map((level) => [ctx.t(`level.${level}`), ...countCells(balance.byLevel[level])]));
    md.heading(4, ctx.t('analysis.balance.byPhase'));
    md.table(
      header(ctx.t('report.column.phase')),
      (['prevention', 'mitigation', 'recovery', 'none'] as const).map((phase) => [ctx.t(`phase.${phase}`), ...countCells(balance.byPhase[phase])]),
    );
  }
  md.heading(4, ctx.t('analysis.coverage'));
  md.table(
    [ctx.t('report.column.dimension'), ctx.t('report.column.threats'), ctx.t('report.column.responses'), ...header('').slice(1)],
    balance.coverage.map((entry) => [
      ctx.t(`dimension.${entry.dimension}`),
      String(entry.threats),
      String(entry.responses),
      ...countCells(balance.byDimension[entry.dimension]),
    ]),
  );
  const uncovered = balance.coverage.filter((entry) => entry.threats > 0 && entry.responses === 0);
  if (uncovered.length > 0) {
    md.paragraph(ctx.t('analysis.coverage.uncovered', { dimensions: uncovered.map((entry) => ctx.t(`dimension.${entry.dimension}`)).join(', ') }));
  }
}

function writeActors(md: MarkdownDocument, ctx: ReportContext): void {
  const { actors } = ctx.analysis.who;
  md.heading(3, `${ctx.t('analysis.actors')} (${actors.length})`);
  if (actors.length === 0) {
    md.paragraph(ctx.t('analysis.actors.none'));
    return;
  }
  md.bullets(
    actors.map((actor) => {
      const carries = actor.responses.length > 0 ? ctx.cards(actor.responses) : ctx.t('report.actor.carriesNothing');
      return `${actorName(actor.id, ctx)}: ${carries}`;
    }),
  );
}

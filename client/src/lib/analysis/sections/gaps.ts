// Gaps, early-warning indicators and the problems the reader found: what the workshop still has
// to do. A gap's heading selects every card of that gap, each entry its own card.
import type { Gaps, ItemId, LinkId, Problem } from '@interlink/model';
import {
  cardFindings,
  group,
  groupHeading,
  uniqueItems,
  type Finding,
  type FindingContext,
  type FindingGroup,
} from '../findings.js';

/** The gap lists that are one card each, in the order the report lists them. */
const ITEM_GAPS = [
  'unaddressedThreats',
  'responsesAddressingNothing',
  'protectionWithoutActor',
  'empowermentWithoutLocalActorOrCapacity',
] as const satisfies readonly (keyof Gaps)[];

export function gapGroups(ctx: FindingContext): FindingGroup[] {
  const { gaps, who } = ctx.analysis;
  const groups: FindingGroup[] = [];
  // As in the report: a threat tackled only upstream is still a gap, with what is upstream named.
  const upstream = new Map(gaps.addressedThroughRootCause.map((entry) => [entry.threat, entry.responses]));
  const upstreamDetail = (id: ItemId): string | undefined => {
    const responses = upstream.get(id);
    return responses ? ctx.t('analysis.gap.throughRootCause', { responses: ctx.cards(responses) }) : undefined;
  };
  for (const gap of ITEM_GAPS) {
    const ids: readonly ItemId[] = gaps[gap];
    if (ids.length === 0) continue;
    const findings = gap === 'unaddressedThreats' ? cardFindings(ctx, ids, upstreamDetail) : cardFindings(ctx, ids);
    groups.push(group({ key: gap, heading: groupHeading(ctx, ctx.t(`analysis.gap.${gap}`), ids.length), items: ids, findings }));
  }
  if (gaps.indicatorsIncomplete.length > 0) {
    const missing = new Map(gaps.indicatorsIncomplete.map((entry) => [entry.id, entry.missing]));
    const ids = gaps.indicatorsIncomplete.map((entry) => entry.id);
    groups.push(
      group({
        key: 'indicatorsIncomplete',
        heading: groupHeading(ctx, ctx.t('analysis.gap.indicatorsIncomplete'), ids.length),
        items: ids,
        findings: cardFindings(
          ctx,
          ids,
          (id) => `${ctx.t('analysis.indicator.missing')}: ${(missing.get(id) ?? []).map((field) => ctx.t(`analysis.missing.${field}`)).join(', ')}`,
        ),
      }),
    );
  }
  if (who.levelMismatches.length > 0) {
    groups.push(
      group({
        key: 'levelMismatches',
        heading: groupHeading(ctx, ctx.t('analysis.gap.levelMismatches'), who.levelMismatches.length),
        items: uniqueItems(...who.levelMismatches.map((mismatch) => [mismatch.threat, ...mismatch.responses])),
        findings: who.levelMismatches.map((mismatch) => {
          const roots = mismatch.rootLevels.map((level) => ctx.t(`level.${level}`)).join(', ');
          return {
            key: `${mismatch.threat}:${mismatch.kind}`,
            label: ctx.card(mismatch.threat),
            detail: `${ctx.t(`analysis.mismatch.${mismatch.kind}`, { roots })} (${ctx.cards(mismatch.responses)})`,
            items: uniqueItems([mismatch.threat], mismatch.responses),
          };
        }),
      }),
    );
  }
  if (groups.length === 0) return [group({ key: 'none', items: [], findings: [], empty: ctx.t('analysis.gaps.none') })];
  return groups;
}

export function indicatorGroups(ctx: FindingContext): FindingGroup[] {
  const { indicators } = ctx.analysis;
  const missing = ctx.t('analysis.indicator.missing');
  return [
    group({
      key: 'indicators',
      items: indicators.map((indicator) => indicator.id),
      findings: indicators.map((indicator) => {
        const parts = [
          ctx.t('analysis.indicator.threshold', { threshold: filled(indicator.threshold) ?? missing }),
          ctx.t('analysis.indicator.action', { action: filled(indicator.action) ?? missing }),
        ];
        if (indicator.threats.length > 0) parts.push(ctx.t('analysis.indicator.monitors', { threats: ctx.cards(indicator.threats) }));
        return { key: indicator.id, label: ctx.card(indicator.id), detail: parts.join('; '), items: uniqueItems([indicator.id], indicator.threats) };
      }),
      empty: ctx.t('analysis.indicators.none'),
    }),
  ];
}

function filled(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

export function problemGroups(ctx: FindingContext): FindingGroup[] {
  return [
    group({
      key: 'problems',
      items: uniqueItems(...ctx.analysis.problems.map((problem) => problemItems(problem, ctx))),
      findings: ctx.analysis.problems.map((problem) => problemFinding(problem, ctx)),
      empty: ctx.t('analysis.problems.none'),
    }),
  ];
}

function problemFinding(problem: Problem, ctx: FindingContext): Finding {
  return {
    key: `${problem.target}:${problem.id}:${problem.code}:${problem.field ?? ''}`,
    label: problemTarget(problem, ctx),
    detail: ctx.t(`problem.${problem.code}`, { field: problem.field ?? '' }),
    items: problemItems(problem, ctx),
  };
}

/** The card at fault, or both ends of the link at fault; none for what the board cannot show. */
function problemItems(problem: Problem, ctx: FindingContext): ItemId[] {
  if (problem.target === 'item') return ctx.view.items.has(problem.id as ItemId) ? [problem.id as ItemId] : [];
  const link = ctx.view.links.get(problem.id as LinkId);
  return link ? uniqueItems([link.from, link.to]) : [];
}

function problemTarget(problem: Problem, ctx: FindingContext): string {
  if (problem.target === 'item') {
    const item = ctx.view.items.get(problem.id as ItemId);
    return item ? ctx.t('panel.problem.item', { kind: ctx.kindLabel(item.kind), text: ctx.card(item.id) }) : ctx.t('panel.problem.missingItem', { id: problem.id });
  }
  const link = ctx.view.links.get(problem.id as LinkId);
  if (!link) return ctx.t('panel.problem.missingLink', { id: problem.id });
  const kind = link.knownKind ? ctx.t(`link.${link.knownKind}`) : ctx.t('link.unknown', { kind: link.kind });
  return ctx.t('panel.problem.link', { link: kind, from: ctx.card(link.from), to: ctx.card(link.to) });
}

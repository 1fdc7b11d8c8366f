// Gaps, early-warning indicators and the problems the reader found: what the workshop still
// has to do before the map is ready to act on.
import type { Gaps, ItemId, LinkId, Problem } from '@interlink/model';
import type { MessageKey } from '@interlink/i18n';
import type { MarkdownDocument } from '../markdown/document.js';
import { inlineText } from '../markdown/escape.js';
import type { ReportContext } from './context.js';

/** The gap lists of one kind of item each, in the order the report lists them. */
const ITEM_GAPS = [
  'unaddressedThreats',
  'responsesAddressingNothing',
  'protectionWithoutActor',
  'empowermentWithoutLocalActorOrCapacity',
] as const satisfies readonly (keyof Gaps)[];

export function writeGaps(md: MarkdownDocument, ctx: ReportContext): void {
  const { gaps, who } = ctx.analysis;
  md.heading(2, ctx.t('analysis.section.gaps'));
  const total =
    ITEM_GAPS.reduce((sum, gap) => sum + gaps[gap].length, 0) + gaps.indicatorsIncomplete.length + who.levelMismatches.length;
  if (total === 0) {
    md.paragraph(ctx.t('analysis.gaps.none'));
    return;
  }
  // A threat tackled only upstream is still a gap, but the reader should see what is upstream.
  const upstream = new Map(gaps.addressedThroughRootCause.map((entry) => [entry.threat, entry.responses]));
  const gapLine = (id: ItemId): string => {
    const responses = upstream.get(id);
    return responses ? `${ctx.card(id)} (${ctx.t('analysis.gap.throughRootCause', { responses: ctx.cards(responses) })})` : ctx.card(id);
  };
  for (const gap of ITEM_GAPS) {
    const ids: readonly ItemId[] = gaps[gap];
    if (ids.length === 0) continue;
    md.heading(3, `${ctx.t(`analysis.gap.${gap}`)} (${ids.length})`);
    md.bullets(ids.map(gap === 'unaddressedThreats' ? gapLine : ctx.card));
  }
  if (gaps.indicatorsIncomplete.length > 0) {
    md.heading(3, `${ctx.t('analysis.gap.indicatorsIncomplete')} (${gaps.indicatorsIncomplete.length})`);
    md.bullets(
      gaps.indicatorsIncomplete.map(
        (entry) => `${ctx.card(entry.id)}: ${ctx.t('analysis.indicator.missing')} ${entry.missing.map((field) => ctx.t(`analysis.missing.${field}`)).join(', ')}`,
      ),
    );
  }
  if (who.levelMismatches.length > 0) {
    md.heading(3, `${ctx.t('analysis.gap.levelMismatches')} (${who.levelMismatches.length})`);
    md.bullets(
      who.levelMismatches.map((mismatch) => {
        const roots = mismatch.rootLevels.map((level) => ctx.t(`level.${level}`)).join(', ');
        return `${ctx.card(mismatch.threat)}: ${ctx.t(`analysis.mismatch.${mismatch.kind}`, { roots })} (${ctx.cards(mismatch.responses)})`;
      }),
    );
  }
}

export function writeIndicators(md: MarkdownDocument, ctx: ReportContext): void {
  const { indicators } = ctx.analysis;
  md.heading(2, ctx.t('analysis.section.indicators'));
  if (indicators.length === 0) {
    md.paragraph(ctx.t('analysis.indicators.none'));
    return;
  }
  const missing = `*${ctx.t('analysis.indicator.missing')}*`;
  md.bullets(
    indicators.map((indicator) => {
      const parts = [
        ctx.t('analysis.indicator.threshold', { threshold: filled(indicator.threshold) ?? missing }),
        ctx.t('analysis.indicator.action', { action: filled(indicator.action) ?? missing }),
      ];
      if (indicator.threats.length > 0) parts.push(ctx.t('analysis.indicator.monitors', { threats: ctx.cards(indicator.threats) }));
      return `**${ctx.card(indicator.id)}**: ${parts.join('; ')}`;
    }),
  );
}

/** An indicator's threshold or action as typed, or undefined when it is blank. */
function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? inlineText(trimmed) : undefined;
}

export function writeProblems(md: MarkdownDocument, ctx: ReportContext): void {
  const { problems } = ctx.analysis;
  md.heading(2, ctx.t('analysis.section.problems'));
  if (problems.length === 0) {
    md.paragraph(ctx.t('analysis.problems.none'));
    return;
  }
  md.bullets(problems.map((problem) => `${problemTarget(problem, ctx)}: ${ctx.t(`problem.${problem.code}` satisfies MessageKey, { field: problem.field ?? '' })}`));
}

/** "Threat “Drought”", or "Link causes from “A” to “B”"; ids only for what the board cannot show. */
function problemTarget(problem: Problem, ctx: ReportContext): string {
  if (problem.target === 'item') {
    const item = ctx.view.items.get(problem.id as ItemId);
    return item ? `${inlineText(ctx.kindLabel(item.kind))} “${ctx.card(item.id)}”` : ctx.t('report.problem.item', { id: inlineText(problem.id) });
  }
  const link = ctx.view.links.get(problem.id as LinkId);
  if (!link) return ctx.t('report.problem.link', { id: inlineText(problem.id) });
  return ctx.t('report.problem.linkBetween', { kind: inlineText(link.knownKind ? ctx.t(`link.${link.knownKind}`) : link.kind), from: ctx.card(link.from), to: ctx.card(link.to) });
}

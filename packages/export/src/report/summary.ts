// Summary and Threats by dimension: what is on the board, the riskiest threats, and which of
// the seven dimensions the threats fall in.
import { ITEM_KINDS } from '@interlink/model';
import type { MarkdownDocument } from '../markdown/document.js';
import { inlineText } from '../markdown/escape.js';
import type { ReportContext } from './context.js';

export function writeSummary(md: MarkdownDocument, ctx: ReportContext): void {
  const { summary, loops, gaps } = ctx.analysis;
  md.heading(2, ctx.t('analysis.section.summary'));
  const known = new Set<string>(ITEM_KINDS);
  const byKind = Object.entries(summary.itemsByKind)
    .filter(([, count]) => count > 0)
    // Schema kinds in schema order, then kinds from newer clients by name.
    .sort(([a], [b]) => kindRank(a, known) - kindRank(b, known) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, count]) => `${inlineText(ctx.kindLabel(kind))}: ${count}`);
  const reinforcing = loops.loops.filter((loop) => loop.kind === 'reinforcing').length;
  md.bullets([
    ctx.t('analysis.count.items', { count: summary.items, links: summary.links }),
    ...(byKind.length > 0 ? [byKind.join(' · ')] : []),
    ctx.t('report.summary.loops', { count: loops.loops.length, reinforcing, balancing: loops.loops.length - reinforcing }),
    ctx.t('report.summary.unaddressed', { count: gaps.unaddressedThreats.length }),
  ]);
  if (summary.riskiest.length > 0) {
    md.heading(3, ctx.t('analysis.riskiest'));
    md.numbered(summary.riskiest.map((entry) => `${ctx.card(entry.id)}: ${ctx.t('analysis.risk', { ...entry })}`));
  }
}

function kindRank(kind: string, known: ReadonlySet<string>): number {
  return known.has(kind) ? ITEM_KINDS.indexOf(kind as (typeof ITEM_KINDS)[number]) : ITEM_KINDS.length;
}

export function writeThreatsByDimension(md: MarkdownDocument, ctx: ReportContext): void {
  const { dimensions, withoutDimension } = ctx.analysis.threatsByDimension;
  md.heading(2, ctx.t('analysis.section.threatsByDimension'));
  const covered = dimensions.filter((entry) => entry.threats.length > 0);
  if (covered.length === 0 && withoutDimension.length === 0) {
    md.paragraph(ctx.t('report.threats.none'));
    return;
  }
  for (const { dimension, threats } of covered) {
    md.heading(3, `${ctx.t(`dimension.${dimension}`)} (${threats.length})`);
    md.bullets(threats.map(ctx.card));
  }
  const missing = dimensions.filter((entry) => entry.threats.length === 0).map((entry) => ctx.t(`dimension.${entry.dimension}`));
  if (missing.length > 0) md.paragraph(ctx.t('report.threats.dimensionsWithout', { dimensions: missing.join(', ') }));
  if (withoutDimension.length > 0) {
    md.heading(3, `${ctx.t('analysis.withoutDimension')} (${withoutDimension.length})`);
    md.bullets(withoutDimension.map(ctx.card));
  }
}

// Interlinkages and loops, and the most connected threats: how threats and root causes feed
// each other. Loops come first, as they are a workshop's most important finding (DOMAIN.md).
import type { Loop } from '@interlink/model';
import type { MarkdownDocument } from '../markdown/document.js';
import type { ReportContext } from './context.js';

export function writeInterlinkages(md: MarkdownDocument, ctx: ReportContext): void {
  const { interlinkages, loops } = ctx.analysis;
  md.heading(2, ctx.t('analysis.section.interlinkages'));
  md.heading(3, `${ctx.t('report.loops')} (${loops.loops.length})`);
  if (loops.loops.length === 0) md.paragraph(ctx.t('analysis.loops.none'));
  md.numbered(loops.loops.map((loop) => loopLine(loop, ctx)));
  if (loops.truncated) {
    md.paragraph(ctx.t('analysis.loops.truncated', { count: loops.maxLoops, length: loops.maxLoopLength }));
  }
  md.heading(3, `${ctx.t('report.interlinkages')} (${interlinkages.length})`);
  if (interlinkages.length === 0) md.paragraph(ctx.t('report.interlinkages.none'));
  md.bullets(
    interlinkages.map((edge) => {
      const polarity = edge.polarity === '-' ? ` (${ctx.t('report.polarity.negative')})` : '';
      return `${ctx.card(edge.from)} *${ctx.t(`link.${edge.kind}`)}* ${ctx.card(edge.to)}${polarity}`;
    }),
  );
}

/** "**Reinforcing loop**: A → B → C → A", closing the cycle so the reader sees it loop. */
function loopLine(loop: Loop, ctx: ReportContext): string {
  const kind = ctx.t(loop.kind === 'reinforcing' ? 'analysis.loop.reinforcing' : 'analysis.loop.balancing');
  const first = loop.items[0];
  const path = [...loop.items, ...(first === undefined ? [] : [first])].map(ctx.card).join(' → ');
  return `**${kind}**: ${path}`;
}

export function writeMostConnected(md: MarkdownDocument, ctx: ReportContext): void {
  const { hubs, betweennessSampled } = ctx.analysis.mostConnected;
  md.heading(2, ctx.t('analysis.section.mostConnected'));
  if (hubs.length === 0) {
    md.paragraph(ctx.t('analysis.hubs.none'));
    return;
  }
  md.table(
    [ctx.t('kind.threat'), ctx.t('report.hub.degree'), ctx.t('report.hub.in'), ctx.t('report.hub.out'), ctx.t('report.hub.betweenness')],
    hubs.map((hub) => [ctx.card(hub.id), String(hub.degree), String(hub.inDegree), String(hub.outDegree), hub.betweenness.toFixed(3)]),
  );
  if (betweennessSampled) md.paragraph(ctx.t('analysis.hubs.sampled'));
}

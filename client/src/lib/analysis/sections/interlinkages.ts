// Interlinkages and loops, and the most connected threats. Loops come first: threats that feed
// each other are a workshop's most important finding (DOMAIN.md), and choosing one selects
// every card on it.
import { group, groupHeading, loopPath, uniqueItems, type FindingContext, type FindingGroup } from '../findings.js';

export function interlinkageGroups(ctx: FindingContext): FindingGroup[] {
  const { interlinkages, loops } = ctx.analysis;
  const loopGroup = group({
    key: 'loops',
    heading: groupHeading(ctx, ctx.t('panel.loops'), loops.loops.length),
    items: uniqueItems(...loops.loops.map((loop) => loop.items)),
    findings: loops.loops.map((loop) => ({
      key: loop.links.join(' '),
      label: ctx.t(loop.kind === 'reinforcing' ? 'analysis.loop.reinforcing' : 'analysis.loop.balancing'),
      detail: loopPath(loop, ctx.card),
      items: loop.items,
    })),
    empty: ctx.t('analysis.loops.none'),
    notes: loops.truncated ? [ctx.t('analysis.loops.truncated', { count: loops.maxLoops, length: loops.maxLoopLength })] : [],
  });
  const edgeGroup = group({
    key: 'interlinkages',
    heading: groupHeading(ctx, ctx.t('panel.interlinkages'), interlinkages.length),
    items: uniqueItems(...interlinkages.map((edge) => [edge.from, edge.to])),
    findings: interlinkages.map((edge) => ({
      key: edge.link,
      label: ctx.t('panel.interlinkage', { from: ctx.card(edge.from), link: ctx.t(`link.${edge.kind}`), to: ctx.card(edge.to) }),
      ...(edge.polarity === '-' ? { detail: ctx.t('panel.polarity.negative') } : {}),
      items: uniqueItems([edge.from, edge.to]),
    })),
    empty: ctx.t('panel.interlinkages.none'),
  });
  return [loopGroup, edgeGroup];
}

export function mostConnectedGroups(ctx: FindingContext): FindingGroup[] {
  const { hubs, betweennessSampled } = ctx.analysis.mostConnected;
  return [
    group({
      key: 'hubs',
      items: hubs.map((hub) => hub.id),
      ordered: true,
      findings: hubs.map((hub) => ({
        key: hub.id,
        label: ctx.card(hub.id),
        detail: ctx.t('analysis.hub', {
          degree: hub.degree,
          inDegree: hub.inDegree,
          outDegree: hub.outDegree,
          betweenness: hub.betweenness.toFixed(2),
        }),
        items: [hub.id],
      })),
      empty: ctx.t('analysis.hubs.none'),
      notes: betweennessSampled ? [ctx.t('analysis.hubs.sampled')] : [],
    }),
  ];
}

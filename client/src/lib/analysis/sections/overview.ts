// Summary and Threats by dimension: what is on the board, the riskiest threats, and which of
// the seven dimensions the threats fall in.
import { ITEM_KINDS, type ItemId } from '@interlink/model';
import { cardFindings, group, groupHeading, type FindingContext, type FindingGroup } from '../findings.js';

/** Schema kinds in schema order, then kinds from newer peers by name. */
function kindOrder(a: string, b: string): number {
  const rank = (kind: string): number => {
    const index = (ITEM_KINDS as readonly string[]).indexOf(kind);
    return index === -1 ? ITEM_KINDS.length : index;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function summaryGroups(ctx: FindingContext): FindingGroup[] {
  const { summary, loops, gaps } = ctx.analysis;
  const reinforcing = loops.loops.filter((loop) => loop.kind === 'reinforcing').length;
  const groups: FindingGroup[] = [
    group({
      key: 'counts',
      items: [],
      findings: [
        { key: 'items', label: ctx.t('analysis.count.items', { count: summary.items, links: summary.links }), items: [] },
        {
          key: 'loops',
          label: ctx.t('panel.summary.loops', { count: loops.loops.length, reinforcing, balancing: loops.loops.length - reinforcing }),
          items: [...new Set(loops.loops.flatMap((loop) => loop.items))],
        },
        {
          key: 'unaddressed',
          label: ctx.t('panel.summary.unaddressed', { count: gaps.unaddressedThreats.length }),
          items: gaps.unaddressedThreats,
        },
      ],
    }),
  ];
  const kinds = Object.entries(summary.itemsByKind)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => kindOrder(a, b));
  if (kinds.length > 0) {
    groups.push(
      group({
        key: 'byKind',
        heading: ctx.t('panel.byKind'),
        items: [],
        findings: kinds.map(([kind, count]) => ({ key: kind, label: ctx.t('panel.kindCount', { kind: ctx.kindLabel(kind), count }), items: [] })),
      }),
    );
  }
  if (summary.riskiest.length > 0) {
    const risk = new Map(summary.riskiest.map((entry) => [entry.id, entry]));
    const ids = summary.riskiest.map((entry) => entry.id);
    groups.push(
      group({
        key: 'riskiest',
        heading: ctx.t('analysis.riskiest'),
        items: ids,
        ordered: true,
        findings: cardFindings(ctx, ids, (id) => {
          const entry = risk.get(id);
          return entry && ctx.t('analysis.risk', { score: entry.score, severity: entry.severity, likelihood: entry.likelihood });
        }),
      }),
    );
  }
  return groups;
}

export function threatsByDimensionGroups(ctx: FindingContext): FindingGroup[] {
  const { dimensions, withoutDimension } = ctx.analysis.threatsByDimension;
  const threatGroup = (key: string, heading: string, threats: readonly ItemId[]): FindingGroup =>
    group({ key, heading: groupHeading(ctx, heading, threats.length), items: threats, findings: cardFindings(ctx, threats) });
  const groups = dimensions
    .filter((entry) => entry.threats.length > 0)
    .map((entry) => threatGroup(entry.dimension, ctx.t(`dimension.${entry.dimension}`), entry.threats));
  if (withoutDimension.length > 0) groups.push(threatGroup('none', ctx.t('analysis.withoutDimension'), withoutDimension));
  if (groups.length === 0) return [group({ key: 'none', items: [], findings: [], empty: ctx.t('panel.threats.none') })];
  return groups;
}

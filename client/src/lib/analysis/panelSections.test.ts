import { createTranslator, en } from '@interlink/i18n';
import { addItem, analyseBoard, boardMaps, initBoard, linkItems, readBoard, type ItemId } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Finding, FindingGroup, PanelSection } from './findings.js';
import { panelSections } from './panelSections.js';

const english = createTranslator(() => en);
// Shared words come from the catalog, so that rewording the report does not break these tests;
// what they check is which words and cards each finding carries.
const { t } = english;

function sectionsOf(doc: Y.Doc): PanelSection[] {
  const view = readBoard(doc);
  return panelSections({ view, analysis: analyseBoard(view) }, english);
}

function section(sections: readonly PanelSection[], key: PanelSection['key']): PanelSection {
  const found = sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
}

function groupOf(s: PanelSection, key: string): FindingGroup {
  const found = s.groups.find((g) => g.key === key);
  if (!found) throw new Error(`no group ${key} in ${s.key}: ${s.groups.map((g) => g.key).join(', ')}`);
  return found;
}

/** A 3-cycle of threats (one link negative, so balancing), a threat nothing addresses, a response. */
function workshop() {
  const doc = new Y.Doc();
  initBoard(doc, 'Workshop');
  const drought = addItem(doc, { kind: 'threat', x: 0, y: 0, text: 'Drought', dimensions: ['environmental'], severity: 4, likelihood: 3 });
  const prices = addItem(doc, { kind: 'threat', x: 300, y: 0, text: 'Food <b>prices</b>', dimensions: ['food', 'economic'] });
  const migration = addItem(doc, { kind: 'threat', x: 150, y: 250, text: 'Distress migration' });
  const violence = addItem(doc, { kind: 'threat', x: 600, y: 0, text: 'Violence at water points', dimensions: ['personal'] });
  const response = addItem(doc, { kind: 'response', x: 0, y: 500, text: 'Cash transfers', strategy: 'protection', phase: 'mitigation' });
  const actor = addItem(doc, { kind: 'actor', x: 300, y: 500, text: 'WFP', level: 'international', sector: 'un' });
  linkItems(doc, { kind: 'amplifies', from: drought, to: prices });
  linkItems(doc, { kind: 'amplifies', from: prices, to: migration });
  linkItems(doc, { kind: 'amplifies', from: migration, to: drought, polarity: '-' });
  linkItems(doc, { kind: 'addresses', from: response, to: prices });
  linkItems(doc, { kind: 'responsible', from: actor, to: response });
  return { doc, drought, prices, migration, violence, response, actor };
}

const labels = (findings: readonly Finding[]): string[] => findings.map((f) => f.detail ? `${f.label} | ${f.detail}` : f.label);

describe('panelSections', () => {
  it('lists the sections in the report’s order, with the report’s headings', () => {
    const sections = sectionsOf(workshop().doc);
    expect(sections.map((s) => s.heading)).toEqual([
      'Summary',
      'Threats by dimension',
      'Interlinkages and loops',
      'Most connected threats',
      'Responses',
      'Gaps',
      'Early-warning indicators',
      'Problems found',
    ]);
  });

  it('words a loop as its kind and its cards joined with arrows, and selects all of them', () => {
    const { doc, drought, prices, migration } = workshop();
    const loops = groupOf(section(sectionsOf(doc), 'interlinkages'), 'loops');
    expect(loops.heading).toBe('Loops (1)');
    expect(loops.findings).toHaveLength(1);
    const [loop] = loops.findings;
    expect(loop?.label).toBe(t('analysis.loop.balancing'));
    // Card texts verbatim: markup stays text, the component never renders it as HTML.
    expect(loop?.detail).toMatch(/^(Drought|Food <b>prices<\/b>|Distress migration)( → .+){3}$/);
    expect(loop?.detail?.split(' → ')).toHaveLength(4);
    expect(new Set(loop?.items)).toEqual(new Set([drought, prices, migration]));
  });

  it('names each gap’s cards, the heading selecting them all', () => {
    const { doc, drought, migration, violence } = workshop();
    const unaddressed = groupOf(section(sectionsOf(doc), 'gaps'), 'unaddressedThreats');
    expect(unaddressed.heading).toBe(`${t('analysis.gap.unaddressedThreats')} (3)`);
    expect(new Set(unaddressed.items)).toEqual(new Set([drought, migration, violence]));
    for (const finding of unaddressed.findings) expect(finding.items).toEqual([finding.key]);
    expect(unaddressed.findings.map((f) => f.label)).toContain('Violence at water points');
  });

  it('lists responses by strategy and level, with their actors, selecting every card named', () => {
    const { doc, response, actor, prices } = workshop();
    const responses = section(sectionsOf(doc), 'responses');
    expect(labels(groupOf(responses, 'balance').findings)).toEqual([
      t('analysis.balance.overall', { protection: 1, empowerment: 0, unspecified: 0 }),
    ]);
    const international = groupOf(responses, 'protection:international');
    expect(international.heading).toBe('Protection, International (1)');
    expect(labels(international.findings)).toEqual([
      [
        'Cash transfers | Mitigation',
        t('analysis.response.carriedBy', { actors: 'WFP (International, United Nations)' }),
        t('analysis.response.addresses', { targets: 'Food <b>prices</b>' }),
      ].join('; '),
    ]);
    expect(international.findings[0]?.items).toEqual([response, actor, prices]);
  });

  it('summarises, ranks and groups threats', () => {
    const { doc, drought, violence } = workshop();
    const sections = sectionsOf(doc);
    const summary = section(sections, 'summary');
    expect(labels(groupOf(summary, 'counts').findings)).toEqual([
      t('analysis.count.items', { count: 6, links: 5 }),
      'Loops: 1 (0 reinforcing, 1 balancing)',
      'Threats no response addresses: 3',
    ]);
    expect(labels(groupOf(summary, 'byKind').findings)).toEqual(['Threat: 4', 'Actor: 1', 'Response: 1']);
    expect(labels(groupOf(summary, 'riskiest').findings)).toEqual([`Drought | ${t('analysis.risk', { score: 12, severity: 4, likelihood: 3 })}`]);
    expect(groupOf(summary, 'riskiest').findings[0]?.items).toEqual([drought]);
    const byDimension = section(sections, 'threatsByDimension');
    expect(groupOf(byDimension, 'personal').findings.map((f) => f.items)).toEqual([[violence]]);
    expect(groupOf(byDimension, 'none').heading).toBe(`${t('analysis.withoutDimension')} (1)`);
  });

  it('says so when there is nothing to find', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Empty');
    const sections = sectionsOf(doc);
    const emptyLines = sections.flatMap((s) => s.groups.flatMap((g) => (g.findings.length === 0 && g.empty ? [g.empty] : [])));
    expect(emptyLines).toEqual(
      expect.arrayContaining([
        t('panel.threats.none'),
        t('analysis.loops.none'),
        t('analysis.gaps.none'),
        t('analysis.indicators.none'),
        t('analysis.problems.none'),
      ]),
    );
  });

  it('takes a card of an unknown kind and a broken link in its stride', () => {
    const { doc, drought } = workshop();
    const future = new Y.Map<unknown>();
    doc.transact(() => {
      boardMaps(doc).items.set('future', future);
      future.set('kind', 'hologram');
      future.set('x', 0);
      future.set('y', 0);
      future.set('text', new Y.Text('From a newer version'));
      const dangling = new Y.Map<unknown>();
      boardMaps(doc).links.set('dangling', dangling);
      dangling.set('kind', 'amplifies');
      dangling.set('from', drought);
      dangling.set('to', 'gone');
    });
    const sections = sectionsOf(doc);
    expect(labels(groupOf(section(sections, 'summary'), 'byKind').findings)).toContain('hologram (unknown kind): 1');
    const problems = groupOf(section(sections, 'problems'), 'problems').findings;
    expect(labels(problems)).toEqual(
      expect.arrayContaining([
        `hologram (unknown kind): From a newer version | ${t('problem.unknown-kind')}`,
        `A link that cannot be shown (dangling) | ${t('problem.missing-end')}`,
      ]),
    );
    expect(problems.find((f) => f.label.includes('hologram'))?.items).toEqual(['future' as ItemId]);
    expect(problems.find((f) => f.label.includes('dangling'))?.items).toEqual([]);
  });

  it('keeps finding keys unique within a group, so a keyed list never throws', () => {
    const { doc } = workshop();
    for (const s of sectionsOf(doc)) {
      expect(new Set(s.groups.map((g) => g.key)).size).toBe(s.groups.length);
      for (const g of s.groups) expect(new Set(g.findings.map((f) => f.key)).size).toBe(g.findings.length);
    }
  });
});

import { addItem, initBoard, linkItems, readBoard, restrictView, type ItemId, type NewItem } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardReport, renderReport } from './render.js';

const SECTIONS = [
  'Summary',
  'Threats by dimension',
  'Interlinkages and loops',
  'Most connected threats',
  'Responses',
  'Gaps',
  'Early-warning indicators',
  'Problems found',
];
const AT = Date.UTC(2026, 10, 28, 9, 30);

function board(build: (add: (item: NewItem) => ItemId, doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Test board');
  build((item) => addItem(doc, item), doc);
  return doc;
}

const headings = (markdown: string, level: number): string[] =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith(`${'#'.repeat(level)} `))
    .map((line) => line.slice(level + 1));

describe('the Markdown report', () => {
  it('has every section, in order, even on an empty board', () => {
    const report = boardReport(board(() => {}), { maxSensitivity: 'restricted', generatedAt: AT });
    expect(headings(report, 1)).toEqual(['Test board: human security analysis']);
    expect(headings(report, 2)).toEqual(SECTIONS);
    expect(report).toContain('Generated 2026-11-28 09:30 UTC. Confidential cards are left out.');
    expect(report).toContain('No loops: no chain of threats feeds back into itself.');
    expect(report).toContain('No responses drafted yet.');
    expect(report).toContain('No gaps found.');
    expect(report).toContain('No problems found.');
  });

  it('lists a balancing loop, a hub and the threats per dimension', () => {
    const doc = board((add, d) => {
      const a = add({ kind: 'threat', x: 0, y: 0, text: 'Land grabs', dimensions: ['economic', 'political'] });
      const b = add({ kind: 'threat', x: 0, y: 0, text: 'Protests', dimensions: ['political'] });
      const c = add({ kind: 'threat', x: 0, y: 0, text: 'Repression' });
      linkItems(d, { kind: 'amplifies', from: a, to: b });
      linkItems(d, { kind: 'amplifies', from: b, to: c });
      linkItems(d, { kind: 'amplifies', from: c, to: b, polarity: '-' });
    });
    const report = boardReport(doc, { maxSensitivity: 'restricted', generatedAt: AT });
    // A loop starts at its smallest id, and ids are random here: either rotation is the loop.
    expect(report).toMatch(/1\. \*\*Balancing loop\*\*: (Protests → Repression → Protests|Repression → Protests → Repression)\n/);
    expect(report).toContain('### Political (2)\n\n- Land grabs\n- Protests');
    expect(report).toContain('### Without a dimension (1)\n\n- Repression');
    expect(report).toContain('Land grabs *amplifies* Protests');
    expect(report).toContain('Repression *amplifies* Protests (dampens)');
    expect(report).toMatch(/\| Protests \| 3 \| 2 \| 1 \| 0\.500 \|/);
  });

  it('leaves confidential cards out of every section', () => {
    const doc = board((add, d) => {
      const threat = add({ kind: 'threat', x: 0, y: 0, text: 'Recruitment by armed groups', dimensions: ['personal'] });
      const secret = add({ kind: 'threat', x: 0, y: 0, text: 'SECRET-threat', sensitivity: 'confidential', severity: 7 });
      const actor = add({ kind: 'actor', x: 0, y: 0, text: 'SECRET-actor', sensitivity: 'confidential', level: 'local' });
      const response = add({ kind: 'response', x: 0, y: 0, text: 'Safe spaces', strategy: 'protection' });
      add({ kind: 'indicator', x: 0, y: 0, text: 'SECRET-indicator', sensitivity: 'confidential' });
      linkItems(d, { kind: 'amplifies', from: threat, to: secret });
      linkItems(d, { kind: 'amplifies', from: secret, to: threat });
      linkItems(d, { kind: 'responsible', from: actor, to: response });
      linkItems(d, { kind: 'addresses', from: response, to: secret });
    });
    const restricted = boardReport(doc, { maxSensitivity: 'restricted', generatedAt: AT });
    expect(restricted).not.toContain('SECRET');
    expect(restricted).toContain('Recruitment by armed groups');
    const everything = boardReport(doc, { maxSensitivity: 'confidential', generatedAt: AT });
    for (const secret of ['SECRET-threat', 'SECRET-actor', 'SECRET-indicator']) expect(everything).toContain(secret);
    expect(everything).toContain('Includes confidential cards');
  });

  it('keeps public-only reports free of restricted cards', () => {
    const doc = board((add) => {
      add({ kind: 'threat', x: 0, y: 0, text: 'Visible' });
      add({ kind: 'threat', x: 0, y: 0, text: 'Hidden', sensitivity: 'restricted' });
    });
    const view = restrictView(readBoard(doc), 'public');
    const report = renderReport(view, { maxSensitivity: 'public', generatedAt: AT });
    expect(report).toContain('Visible');
    expect(report).not.toContain('Hidden');
    expect(report).toContain('Only public cards are included');
  });

  it('cannot be broken by card texts that look like Markdown or HTML', () => {
    const doc = board((add) => {
      add({ kind: 'threat', x: 0, y: 0, text: '## Fake heading\n<img src=x onerror=alert(1)> | [link](http://example.org)' });
    });
    const report = boardReport(doc, { maxSensitivity: 'restricted', generatedAt: AT });
    expect(headings(report, 2)).toEqual(SECTIONS);
    expect(report).toContain('- \\## Fake heading<br>\\<img src=x onerror=alert(1)\\> \\| \\[link\\](http://example.org)');
    expect(report).not.toMatch(/(^|[^\\])<img/);
  });

  it('says when a threat is tackled only through its root cause', () => {
    const doc = board((add, d) => {
      const flood = add({ kind: 'threat', x: 0, y: 0, text: 'Floods' });
      const cause = add({ kind: 'root-cause', x: 0, y: 0, text: 'Mangroves cleared' });
      const replant = add({ kind: 'response', x: 0, y: 0, text: 'Replant mangroves' });
      linkItems(d, { kind: 'causes', from: cause, to: flood });
      linkItems(d, { kind: 'addresses', from: replant, to: cause });
    });
    const report = boardReport(doc, { maxSensitivity: 'restricted', generatedAt: AT });
    expect(report).toContain('### Threats no response addresses (1)\n\n- Floods (only its root cause is addressed, by Replant mangroves)');
  });
});

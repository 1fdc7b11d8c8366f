import { createTranslator, en } from '@interlink/i18n';
import { asItemId, asLinkId, type BoardAnalysis, type BoardView, type ItemView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { findingContext, group, loopPath, uniqueItems } from './findings.js';

const [a, b, c] = ['a', 'b', 'c'].map(asItemId) as [ReturnType<typeof asItemId>, ReturnType<typeof asItemId>, ReturnType<typeof asItemId>];

function item(id: string, text: string): ItemView {
  return { id: asItemId(id), kind: 'threat', knownKind: 'threat', x: 0, y: 0, w: 10, h: 10, text, sensitivity: 'public', extra: {} };
}

describe('findings helpers', () => {
  it('closes a loop’s path on its first card', () => {
    const texts: Record<string, string> = { a: 'A', b: 'B', c: 'C' };
    expect(loopPath({ items: [a, b, c], links: ['x', 'y', 'z'].map(asLinkId), kind: 'reinforcing' }, (id) => texts[id] ?? '?')).toBe(
      'A → B → C → A',
    );
    expect(loopPath({ items: [], links: [], kind: 'reinforcing' }, () => '?')).toBe('');
  });

  it('names cards by their text verbatim, and a blank or missing card as having no text', () => {
    const view: BoardView = { title: '', items: new Map([[a, item('a', '  <i>x</i>\n')], [b, item('b', '  ')]]), links: new Map(), problems: [] };
    const ctx = findingContext(view, {} as BoardAnalysis, createTranslator(() => en));
    expect(ctx.card(a)).toBe('  <i>x</i>\n');
    expect(ctx.card(b)).toBe('(no text)');
    expect(ctx.cards([b, c])).toBe('(no text), (no text)');
  });

  it('dedupes ids and finding keys', () => {
    expect(uniqueItems([a, b], [b, c], [a])).toEqual([a, b, c]);
    const deduped = group({ key: 'g', items: [], findings: ['k', 'k', 'j', 'k'].map((key) => ({ key, label: key, items: [] })) });
    expect(deduped.findings.map((f) => f.key)).toEqual(['k', 'k#1', 'j', 'k#2']);
  });
});

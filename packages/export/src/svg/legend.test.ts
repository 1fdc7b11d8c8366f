import { addItem, initBoard, linkItems, readBoard } from '@interlink/model';
import { createTranslator, en } from '@interlink/i18n';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TextMeasure } from './font.js';
import { layoutLegend, legendSections, usedVocabulary } from './legend.js';

const translator = createTranslator(() => en);

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Legend');
  const threat = addItem(doc, { kind: 'threat', x: 0, y: 0, text: 'Drought', dimensions: ['food', 'health'], severity: 3, likelihood: 2 });
  const response = addItem(doc, { kind: 'response', x: 0, y: 300, text: 'Wells', strategy: 'empowerment' });
  addItem(doc, { kind: 'note', x: 300, y: 0, text: 'Note', sensitivity: 'restricted' });
  linkItems(doc, { kind: 'addresses', from: response, to: threat });
  return doc;
}

describe('usedVocabulary', () => {
  it('lists only the kinds, dimensions, link kinds and marks the board uses, in vocabulary order', () => {
    expect(usedVocabulary(readBoard(board()))).toEqual({
      kinds: ['threat', 'response', 'note'],
      unknownKind: false,
      dimensions: ['food', 'health'],
      linkKinds: ['addresses'],
      unknownLinkKind: false,
      strategies: ['empowerment'],
      risk: true,
      locks: ['restricted'],
      problem: false,
    });
  });

  it('names an unknown kind from a newer peer once', () => {
    const doc = board();
    const item = new Y.Map<unknown>();
    doc.getMap('items').set('future', item);
    item.set('kind', 'hologram');
    const used = usedVocabulary(readBoard(doc));
    expect(used.unknownKind).toBe(true);
    expect(used.problem).toBe(true);
    expect(used.kinds).not.toContain('hologram');
  });
});

describe('legendSections', () => {
  it('words the entries and leaves out what is unused', () => {
    const sections = legendSections(usedVocabulary(readBoard(board())), translator);
    const texts = sections.flatMap((section) => section.entries.map((entry) => entry.text));
    expect(texts).toEqual(['Threat', 'Response', 'Note', 'Food', 'Health', 'addresses', texts[6], 'Empowerment', 'Restricted']);
    expect(texts).not.toContain('Actor');
    expect(texts).not.toContain('Protection');
    expect(texts.join(' ')).not.toContain('amplifies');
  });
});

describe('layoutLegend', () => {
  it('wraps entries onto new rows at the width given', () => {
    const measure: TextMeasure = (text, size) => text.length * size * 0.5;
    const entries = Array.from({ length: 6 }, (_, i) => ({ swatch: { type: 'kind', kind: 'note' } as const, text: `entry ${i}` }));
    const layout = layoutLegend([{ title: 'Cards', entries }], 300, measure);
    const rows = new Set(layout.entries.map((entry) => entry.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const entry of layout.entries) expect(entry.x).toBeLessThan(300);
    expect(layoutLegend([{ title: 'Empty', entries: [] }], 300, measure)).toEqual({ titles: [], entries: [], height: 0 });
  });
});

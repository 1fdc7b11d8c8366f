import { asItemId, type ItemView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { readingOrder } from '../board/outline.js';
import { filterTargets, linkChoices } from './linkChoices.js';

function card(id: string, kind: string, text: string, y = 0): ItemView {
  return { id: asItemId(id), kind, knownKind: undefined, x: 0, y, w: 200, h: 120, text, sensitivity: 'public', extra: {} } as ItemView;
}

describe('linkChoices', () => {
  it('offers "response addresses threat" first whichever card the dialog started from', () => {
    const threat = card('t', 'threat', 'Food prices');
    const response = card('r', 'response', 'Cash transfers');
    const fromResponse = linkChoices(response, threat);
    expect(fromResponse[0]).toMatchObject({ kind: 'addresses', from: 'r', to: 't' });
    const fromThreat = linkChoices(threat, response);
    expect(fromThreat[0]).toMatchObject({ kind: 'addresses', from: 'r', to: 't' });
    expect(fromThreat.map((c) => c.kind)).toContain('relates');
    expect(fromThreat.filter((c) => c.kind === 'relates')).toHaveLength(1);
  });

  it('offers both interlinkage kinds between two threats, amplifies first, in both directions', () => {
    const a = card('a', 'threat', 'Drought');
    const b = card('b', 'threat', 'Food prices');
    const choices = linkChoices(a, b);
    expect(choices[0]).toMatchObject({ kind: 'amplifies', from: 'a', to: 'b' });
    expect(choices).toContainEqual(expect.objectContaining({ kind: 'causes', from: 'a', to: 'b' }));
    expect(choices).toContainEqual(expect.objectContaining({ kind: 'amplifies', from: 'b', to: 'a' }));
    expect(new Set(choices.map((c) => c.key)).size).toBe(choices.length);
  });

  it('offers only "relates" for a kind this version does not know', () => {
    expect(linkChoices(card('x', 'hologram', ''), card('t', 'threat', '')).map((c) => c.kind)).toEqual(['relates']);
  });
});

describe('filterTargets', () => {
  const items = [
    card('s', 'response', 'Seed banks', 0),
    card('f', 'threat', 'Food prices rise', 100),
    card('e', 'group', 'École rurale', 200),
    card('p', 'threat', 'Unaffordable food', 300),
  ];
  const label = (item: ItemView) => `${item.kind}: ${item.text}`;

  it('leaves out the source card and keeps reading order for an empty query', () => {
    expect(filterTargets(items, asItemId('s'), '', label, readingOrder).map((i) => i.id)).toEqual(['f', 'e', 'p']);
  });

  it('matches every word, case- and accent-blind, cards starting with the query first', () => {
    expect(filterTargets(items, asItemId('s'), 'food', label, readingOrder).map((i) => i.id)).toEqual(['f', 'p']);
    expect(filterTargets(items, asItemId('s'), 'FOOD unaff', label, readingOrder).map((i) => i.id)).toEqual(['p']);
    expect(filterTargets(items, asItemId('s'), 'ecole', label, readingOrder).map((i) => i.id)).toEqual(['e']);
    expect(filterTargets(items, asItemId('s'), 'unaffordable', label, readingOrder).map((i) => i.id)).toEqual(['p']);
    // The kind label matches too: "threat" lists the threats.
    expect(filterTargets(items, asItemId('s'), 'threat', label, readingOrder).map((i) => i.id)).toEqual(['f', 'p']);
  });
});

// Link kind rules (CONTRACT.md section 4) and the problem list's order and grouping.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, linkItems } from './commands.js';
import { boardMaps } from './document.js';
import { asItemId, asLinkId } from './ids.js';
import { readBoard } from './read.js';
import { LINK_RULES, compareProblems, linkEndsAllowed, problemsByTarget } from './validate.js';
import { ITEM_KINDS, LINK_KINDS, type ItemKind, type LinkKind } from './vocabulary.js';
import type { Problem } from './problems.js';

/** A board with one item of each given kind (id = kind) and one link between the first two. */
function linked(kind: string, from: string, to: string): Y.Doc {
  const doc = new Y.Doc();
  const { items, links } = boardMaps(doc);
  for (const [id, itemKind] of [['from', from], ['to', to]] as const) {
    const map = new Y.Map<unknown>();
    items.set(id, map);
    for (const [field, value] of Object.entries({ kind: itemKind, x: 0, y: 0, w: 10, h: 10, text: new Y.Text(id) })) map.set(field, value);
  }
  const link = new Y.Map<unknown>();
  links.set('l', link);
  link.set('kind', kind);
  link.set('from', 'from');
  link.set('to', 'to');
  return doc;
}

const codes = (doc: Y.Doc) => readBoard(doc).problems.map((p) => `${p.target}:${p.id}:${p.code}`);

describe('link kind rules', () => {
  it.each([
    ['causes', 'root-cause', 'threat'], ['causes', 'threat', 'threat'], ['amplifies', 'threat', 'threat'],
    ['affects', 'threat', 'group'], ['addresses', 'response', 'threat'], ['addresses', 'response', 'root-cause'],
    ['responsible', 'actor', 'response'], ['strengthens', 'response', 'capacity'], ['monitors', 'indicator', 'threat'],
    ['relates', 'note', 'frame'], ['relates', 'group', 'actor'],
  ])('allows a %s link from %s to %s', (kind, from, to) => {
    expect(codes(linked(kind, from, to))).toEqual([]);
  });

  it.each([
    ['responsible', 'note', 'response'], ['responsible', 'actor', 'threat'], ['causes', 'group', 'threat'],
    ['amplifies', 'threat', 'root-cause'], ['affects', 'group', 'threat'], ['addresses', 'threat', 'response'],
    ['strengthens', 'response', 'group'], ['monitors', 'threat', 'indicator'],
  ])('reports a %s link from %s to %s, and still draws it', (kind, from, to) => {
    const doc = linked(kind, from, to);
    const view = readBoard(doc);
    expect(codes(doc)).toEqual(['link:l:wrong-link-ends']);
    expect(view.problems[0]?.detail).toContain(`not from ${from} to ${to}`);
    expect(view.links.get(asLinkId('l'))).toMatchObject({ kind, knownKind: kind });
  });

  it('judges no link whose end is of a kind this version does not know', () => {
    expect(codes(linked('responsible', 'hazard-zone', 'response'))).toEqual(['item:from:unknown-kind']);
    expect(codes(linked('affects', 'threat', 'household'))).toEqual(['item:to:unknown-kind']);
  });

  it('judges no link of a kind this version does not know', () => {
    expect(codes(linked('inhibits', 'note', 'note'))).toEqual(['link:l:unknown-kind']);
  });

  it('has a rule for every link kind, naming only known item kinds', () => {
    expect(Object.keys(LINK_RULES).sort()).toEqual([...LINK_KINDS].sort());
    for (const rule of Object.values(LINK_RULES)) {
      for (const ends of [rule.from, rule.to]) {
        if (ends !== 'any') for (const kind of ends) expect(ITEM_KINDS).toContain(kind);
      }
    }
  });

  it('lets relates join every pair of known kinds', () => {
    for (const from of ITEM_KINDS) for (const to of ITEM_KINDS) expect(linkEndsAllowed('relates', from, to)).toBe(true);
  });

  it('allows exactly the pairs of the contract table', () => {
    const allowed = (kind: LinkKind) =>
      ITEM_KINDS.flatMap((from) => ITEM_KINDS.filter((to) => linkEndsAllowed(kind, from, to)).map((to) => `${from}>${to}`));
    expect(allowed('causes')).toEqual(['threat>threat', 'root-cause>threat']);
    expect(allowed('addresses')).toEqual(['response>threat', 'response>root-cause']);
    expect(allowed('responsible')).toEqual(['actor>response']);
  });
});

describe('kind-specific fields on another kind', () => {
  // A workshop may well give a threat a strategy (a note to self, a later kind change): tolerated.
  it('keeps them and reports nothing', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { kind: 'threat', x: 0, y: 0, strategy: 'protection', level: 'local', threshold: '3 weeks' });
    const view = readBoard(doc);
    expect(view.problems).toEqual([]);
    expect(view.items.get(id)).toMatchObject({ strategy: 'protection', level: 'local', threshold: '3 weeks' });
  });
});

describe('problem order', () => {
  /** Two replicas whose maps received the same keys in a different order. */
  function replicas(): [Y.Doc, Y.Doc] {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const bad = (doc: Y.Doc, id: string, kind: ItemKind) => {
      const item = addItem(doc, { id: asItemId(id), kind, x: 0, y: 0 });
      boardMaps(doc).items.get(item)?.set('severity', 9);
      boardMaps(doc).items.get(item)?.set('onset', 'gradual');
    };
    bad(a, 'zeta', 'threat');
    bad(a, 'group', 'group');
    bad(b, 'alpha', 'threat');
    linkItems(a, { id: asLinkId('wrong'), kind: 'affects', from: asItemId('group'), to: asItemId('zeta') });
    const fromA = Y.encodeStateAsUpdate(a);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, fromA);
    return [a, b];
  }

  it('is the same on replicas whose maps iterate in different orders', () => {
    const [a, b] = replicas();
    expect([...boardMaps(a).items.keys()]).not.toEqual([...boardMaps(b).items.keys()]);
    expect(readBoard(a).problems).toEqual(readBoard(b).problems);
  });

  it('is sorted by target, id, code and field', () => {
    const [a] = replicas();
    const keys = readBoard(a).problems.map((p) => `${p.target}:${p.id}:${p.code}:${p.field ?? ''}`);
    expect(keys).toEqual([
      'item:alpha:out-of-range:severity', 'item:alpha:unknown-value:onset',
      'item:group:out-of-range:severity', 'item:group:unknown-value:onset',
      'item:zeta:out-of-range:severity', 'item:zeta:unknown-value:onset',
      'link:wrong:wrong-link-ends:',
    ]);
  });

  it('compareProblems is a total order', () => {
    const p = (id: string, field?: string): Problem => ({ target: 'item', id, code: 'wrong-type', ...(field ? { field } : {}), detail: 'd' });
    expect(compareProblems(p('a'), p('a'))).toBe(0);
    expect(compareProblems(p('a'), p('b'))).toBeLessThan(0);
    expect(compareProblems(p('a', 'x'), p('a'))).toBeGreaterThan(0);
  });
});

describe('problemsByTarget', () => {
  it('groups problems per item and per link, keeping their order', () => {
    const doc = linked('responsible', 'note', 'response');
    boardMaps(doc).items.get('from')?.set('x', 'left');
    boardMaps(doc).items.get('from')?.set('color', 5);
    const { items, links } = problemsByTarget(readBoard(doc).problems);
    expect(items.get(asItemId('from'))?.map((p) => p.field)).toEqual(['color', 'x']);
    expect(items.has(asItemId('to'))).toBe(false);
    expect(links.get(asLinkId('l'))?.map((p) => p.code)).toEqual(['wrong-link-ends']);
  });

  it('keeps an item and a link of the same id apart', () => {
    const problem = (target: 'item' | 'link'): Problem => ({ target, id: 'same', code: 'not-a-map', detail: '' });
    const grouped = problemsByTarget([problem('item'), problem('link')]);
    expect(grouped.items.get(asItemId('same'))).toHaveLength(1);
    expect(grouped.links.get(asLinkId('same'))).toHaveLength(1);
  });
});

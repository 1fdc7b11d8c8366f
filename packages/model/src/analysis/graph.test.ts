// The shared index: the interlinkage graph and the kind-checked link lookups.
import { describe, expect, it } from 'vitest';
import { asItemId } from '../ids.js';
import { BoardBuilder } from '../testing/boards.js';
import { indexBoard, listInterlinkages } from './graph.js';

describe('the interlinkage graph', () => {
  it('holds threats and root causes, numbered in id order, and causes/amplifies links between the right kinds', () => {
    const board = new BoardBuilder();
    board.threats('t2', 't1');
    board.item('r', 'root-cause');
    board.item('g', 'group');
    board.item('resp', 'response');
    const amplifies = board.link('amplifies', 't1', 't2', { polarity: '-' });
    const causes = board.link('causes', 'r', 't1');
    const threatCauses = board.link('causes', 't2', 't1');
    board.link('amplifies', 'r', 't1'); // amplifies starts at a threat
    board.link('causes', 't1', 'r'); // causes ends at a threat
    board.link('causes', 'resp', 't1');
    board.link('affects', 't1', 'g');
    const { graph } = indexBoard(board.view());
    expect(graph.nodes).toEqual(['r', 't1', 't2']);
    expect([...graph.isThreat]).toEqual([0, 1, 1]);
    expect(graph.edges.map((edge) => edge.link)).toEqual([causes, amplifies, threatCauses]);
    expect([...graph.edgeStart]).toEqual([0, 1, 2, 3]);
    expect([...graph.edgeTarget]).toEqual([1, 2, 1]);
    expect([...graph.inDegree]).toEqual([0, 2, 1]);
    expect([...graph.outDegree]).toEqual([1, 1, 1]);
    expect(graph.edges[1]).toEqual({ link: amplifies, kind: 'amplifies', from: 't1', to: 't2', polarity: '-' });
    expect(graph.edges[0]?.polarity).toBe('+');
  });

  it('lists interlinkages by the text of their ends, then link id', () => {
    const board = new BoardBuilder();
    board.threat('a', { text: 'Zinc' });
    board.threat('b', { text: 'Arsenic' });
    board.link('amplifies', 'a', 'b', { id: 'k2' });
    board.link('amplifies', 'a', 'b', { id: 'k1' });
    board.link('amplifies', 'b', 'a', { id: 'k3' });
    expect(listInterlinkages(indexBoard(board.view())).map((edge) => edge.link)).toEqual(['k3', 'k1', 'k2']);
  });
});

describe('BoardIndex lookups', () => {
  it('answers distinct ends of the asked kinds, in text order', () => {
    const board = new BoardBuilder();
    board.item('r', 'response');
    board.threat('t1', { text: 'B' });
    board.threat('t2', { text: 'A' });
    board.item('g', 'group');
    board.link('addresses', 'r', 't1');
    board.link('addresses', 'r', 't1');
    board.link('addresses', 'r', 't2');
    board.link('addresses', 'r', 'g');
    const index = indexBoard(board.view());
    expect(index.targets(asItemId('r'), 'addresses', ['threat'])).toEqual(['t2', 't1']);
    expect(index.targets(asItemId('r'), 'addresses', ['group'])).toEqual(['g']);
    expect(index.sources(asItemId('t1'), 'addresses', ['response'])).toEqual(['r']);
    expect(index.sources(asItemId('t1'), 'addresses', ['actor'])).toEqual([]);
    expect(index.targets(asItemId('nobody'), 'relates', ['threat'])).toEqual([]);
    expect(index.ofKind('threat').map((item) => item.id)).toEqual(['t2', 't1']);
    expect(index.ofKind('frame')).toEqual([]);
  });
});

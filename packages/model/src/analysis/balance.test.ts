// The protection/empowerment balance and the coverage of the seven dimensions.
import { describe, expect, it } from 'vitest';
import { BoardBuilder } from '../testing/boards.js';
import { DIMENSIONS } from '../vocabulary.js';
import { computeBalance } from './balance.js';
import { indexBoard } from './graph.js';

const balanceOf = (board: BoardBuilder) => computeBalance(indexBoard(board.view()));
const zero = { protection: 0, empowerment: 0, unspecified: 0 };

describe('computeBalance', () => {
  it('is all zeros on a board without responses, with threats still counted in coverage', () => {
    const board = new BoardBuilder();
    board.threat('t', { dimensions: ['food', 'health'] });
    const balance = balanceOf(board);
    expect(balance.overall).toEqual(zero);
    expect(Object.values(balance.byLevel)).toEqual([zero, zero, zero, zero, zero]);
    expect(Object.keys(balance.byLevel)).toEqual(['local', 'national', 'regional', 'international', 'none']);
    expect(Object.keys(balance.byDimension)).toEqual([...DIMENSIONS]);
    expect(Object.keys(balance.byPhase)).toEqual(['prevention', 'mitigation', 'recovery', 'none']);
    expect(balance.coverage).toEqual(
      DIMENSIONS.map((dimension) => ({ dimension, threats: dimension === 'food' || dimension === 'health' ? 1 : 0, responses: 0 })),
    );
  });

  it('counts responses by strategy, by the levels that carry them, by dimension and by phase', () => {
    const board = new BoardBuilder();
    board.threat('hunger', { dimensions: ['food', 'health'] });
    board.threat('violence', { dimensions: ['personal'] });
    board.item('cause', 'root-cause');
    board.item('council', 'actor', { level: 'local' });
    board.item('un', 'actor', { level: 'international' });
    board.item('someone', 'actor'); // no level
    board.item('food-aid', 'response', { strategy: 'protection', phase: 'mitigation' });
    board.item('gardens', 'response', { strategy: 'empowerment', phase: 'prevention' });
    board.item('patrols', 'response', { strategy: 'protection' });
    board.item('draft', 'response');
    board.link('addresses', 'food-aid', 'hunger');
    board.link('addresses', 'food-aid', 'violence');
    board.link('addresses', 'gardens', 'hunger');
    board.link('addresses', 'gardens', 'hunger'); // a parallel link counts once
    board.link('addresses', 'draft', 'cause'); // a root cause names no dimension
    board.link('responsible', 'council', 'food-aid');
    board.link('responsible', 'un', 'food-aid');
    board.link('responsible', 'council', 'gardens');
    board.link('responsible', 'someone', 'patrols');
    const balance = balanceOf(board);
    expect(balance.overall).toEqual({ protection: 2, empowerment: 1, unspecified: 1 });
    expect(balance.byLevel).toEqual({
      local: { protection: 1, empowerment: 1, unspecified: 0 },
      national: zero,
      regional: zero,
      international: { protection: 1, empowerment: 0, unspecified: 0 },
      none: { protection: 1, empowerment: 0, unspecified: 1 },
    });
    expect(balance.byDimension).toMatchObject({
      food: { protection: 1, empowerment: 1, unspecified: 0 },
      health: { protection: 1, empowerment: 1, unspecified: 0 },
      personal: { protection: 1, empowerment: 0, unspecified: 0 },
      economic: zero,
    });
    expect(balance.byPhase).toEqual({
      prevention: { protection: 0, empowerment: 1, unspecified: 0 },
      mitigation: { protection: 1, empowerment: 0, unspecified: 0 },
      recovery: zero,
      none: { protection: 1, empowerment: 0, unspecified: 1 },
    });
    expect(balance.coverage.filter((c) => c.threats > 0 || c.responses > 0)).toEqual([
      { dimension: 'food', threats: 1, responses: 2 },
      { dimension: 'health', threats: 1, responses: 2 },
      { dimension: 'personal', threats: 1, responses: 1 },
    ]);
  });

  it('shows a dimension a threat names but no response serves', () => {
    const board = new BoardBuilder();
    board.threat('repression', { dimensions: ['political'] });
    board.threat('pollution', { dimensions: ['environmental'] });
    board.item('cleanup', 'response', { strategy: 'protection' });
    board.link('addresses', 'cleanup', 'pollution');
    const coverage = balanceOf(board).coverage;
    expect(coverage.find((c) => c.dimension === 'political')).toEqual({ dimension: 'political', threats: 1, responses: 0 });
    expect(coverage.find((c) => c.dimension === 'environmental')).toEqual({ dimension: 'environmental', threats: 1, responses: 1 });
  });
});

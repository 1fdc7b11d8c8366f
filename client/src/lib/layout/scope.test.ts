import { describe, expect, it } from 'vitest';
import { boardView, card, link } from './boardFixtures.js';
import { selectScope } from './scope.js';

describe('selectScope', () => {
  it('keeps frames and unknown kinds out, notes and unlinked cards in the grid', () => {
    const view = boardView(
      [card('f', 'frame'), card('x', 'swimlane'), card('n', 'note'), card('t', 'threat'), card('g', 'group'), card('lone', 'group')],
      [link('affects', 't', 'g'), link('relates', 'n', 't'), link('relates', 'x', 't')],
    );
    const scope = selectScope(view, undefined, 100);
    expect(scope.layered.map((c) => c.item.id).sort()).toEqual(['g', 't']);
    expect(scope.grid.map((c) => c.id).sort()).toEqual(['lone', 'n']);
    expect(scope.edges).toEqual([{ from: 't', to: 'g' }]);
  });

  it('turns links round to follow the reading order and drops same-rank side links', () => {
    const view = boardView(
      [card('t', 'threat'), card('r', 'response'), card('a', 'actor'), card('r2', 'response')],
      [link('addresses', 'r', 't'), link('responsible', 'a', 'r'), link('relates', 'r', 'r2'), link('addresses', 'r', 't', 'dup')],
    );
    expect(selectScope(view, undefined, 100).edges).toEqual([
      { from: 't', to: 'r' },
      { from: 'r', to: 'a' },
    ]);
  });
});

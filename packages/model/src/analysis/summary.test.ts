// The board at a glance: counts, riskiest threats, threats by dimension, responses, indicators.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '../document.js';
import { BoardBuilder } from '../testing/boards.js';
import { indexBoard } from './graph.js';
import { listIndicators, listResponses, summarise, threatsByDimension } from './summary.js';

const indexOf = (board: BoardBuilder) => indexBoard(board.view());

describe('summarise', () => {
  it('counts items per stored kind, unknown kinds included, and drawable links', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b');
    board.item('r', 'response');
    board.doc.transact(() => {
      for (const [id, kind] of [['z', 'hazard-zone'], ['p', '__proto__']] as const) {
        const raw = new Y.Map<unknown>();
        boardMaps(board.doc).items.set(id, raw);
        raw.set('kind', kind);
      }
      const dangling = new Y.Map<unknown>();
      boardMaps(board.doc).links.set('dangling', dangling);
      dangling.set('kind', 'amplifies');
      dangling.set('from', 'a');
      dangling.set('to', 'gone');
    });
    board.link('addresses', 'r', 'a');
    const summary = summarise(indexOf(board));
    expect(summary.items).toBe(5);
    expect(summary.links).toBe(1);
    expect(Object.keys(summary.itemsByKind)).toEqual([
      'threat', 'root-cause', 'group', 'capacity', 'actor', 'response', 'indicator', 'note', 'frame', '__proto__', 'hazard-zone',
    ]);
    expect(summary.itemsByKind).toMatchObject({ threat: 2, response: 1, frame: 0, 'hazard-zone': 1 });
    expect(Object.getOwnPropertyDescriptor(summary.itemsByKind, '__proto__')?.value).toBe(1);
  });

  it('ranks scored threats by severity x likelihood, the more severe first on a tie, at most topN', () => {
    const board = new BoardBuilder();
    board.threat('likely', { severity: 2, likelihood: 5 });
    board.threat('severe', { severity: 5, likelihood: 2 });
    board.threat('worst', { severity: 5, likelihood: 5 });
    board.threat('half', { severity: 4 });
    board.threat('low', { severity: 1, likelihood: 1 });
    expect(summarise(indexOf(board), { topN: 3 }).riskiest).toEqual([
      { id: 'worst', severity: 5, likelihood: 5, score: 25 },
      { id: 'severe', severity: 5, likelihood: 2, score: 10 },
      { id: 'likely', severity: 2, likelihood: 5, score: 10 },
    ]);
    expect(summarise(indexOf(board)).riskiest.map((entry) => entry.id)).toEqual(['worst', 'severe', 'likely', 'low']);
  });
});

describe('threatsByDimension', () => {
  it('lists every dimension with its threats, highest risk first, then unscored by text', () => {
    const board = new BoardBuilder();
    board.threat('t1', { text: 'Crop failure', dimensions: ['food', 'economic'], severity: 3, likelihood: 3 });
    board.threat('t2', { text: 'Bread prices', dimensions: ['food'] });
    board.threat('t3', { text: 'Famine', dimensions: ['food', 'health'], severity: 5, likelihood: 4 });
    board.threat('t4', { text: 'Apathy' });
    board.threat('t5', { text: 'Abuse', dimensions: [] });
    const result = threatsByDimension(indexOf(board));
    expect(result.dimensions).toEqual([
      { dimension: 'economic', threats: ['t1'] },
      { dimension: 'food', threats: ['t3', 't1', 't2'] },
      { dimension: 'health', threats: ['t3'] },
      { dimension: 'environmental', threats: [] },
      { dimension: 'personal', threats: [] },
      { dimension: 'community', threats: [] },
      { dimension: 'political', threats: [] },
    ]);
    expect(result.withoutDimension).toEqual(['t5', 't4']);
  });
});

describe('listResponses', () => {
  it('lists protection, then empowerment, then unspecified, each with actors, targets and capacities', () => {
    const board = new BoardBuilder();
    board.item('r1', 'response', { text: 'Wells', strategy: 'empowerment', phase: 'prevention' });
    board.item('r2', 'response', { text: 'Draft' });
    board.item('r3', 'response', { text: 'Patrols', strategy: 'protection' });
    board.item('r4', 'response', { text: 'Alarm', strategy: 'protection', phase: 'mitigation' });
    board.threat('drought');
    board.item('cause', 'root-cause');
    board.item('group', 'group');
    board.item('skills', 'capacity');
    board.item('un', 'actor', { level: 'international' });
    board.item('council', 'actor', { level: 'local' });
    board.link('addresses', 'r1', 'drought');
    board.link('addresses', 'r1', 'cause');
    board.link('addresses', 'r1', 'group'); // not a threat or root cause
    board.link('strengthens', 'r1', 'skills');
    board.link('responsible', 'un', 'r1');
    board.link('responsible', 'council', 'r1');
    expect(listResponses(indexOf(board))).toEqual([
      { id: 'r4', strategy: 'protection', phase: 'mitigation', actors: [], addresses: [], strengthens: [] },
      { id: 'r3', strategy: 'protection', actors: [], addresses: [], strengthens: [] },
      { id: 'r1', strategy: 'empowerment', phase: 'prevention', actors: ['council', 'un'], addresses: ['cause', 'drought'], strengthens: ['skills'] },
      { id: 'r2', actors: [], addresses: [], strengthens: [] },
    ]);
  });
});

describe('listIndicators', () => {
  it('lists every indicator by text with the threats it monitors', () => {
    const board = new BoardBuilder();
    board.item('i2', 'indicator', { text: 'Well levels', threshold: 'below 2 m', action: 'truck water' });
    board.item('i1', 'indicator', { text: 'Market prices' });
    board.threats('drought', 'hunger');
    board.link('monitors', 'i2', 'hunger');
    board.link('monitors', 'i2', 'drought');
    board.link('monitors', 'i1', 'i2'); // not a threat
    expect(listIndicators(indexOf(board))).toEqual([
      { id: 'i1', threats: [] },
      { id: 'i2', threats: ['drought', 'hunger'], threshold: 'below 2 m', action: 'truck water' },
    ]);
  });
});

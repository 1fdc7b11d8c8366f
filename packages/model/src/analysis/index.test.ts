// analyseBoard end to end: one small workshop board, and data this version does not know.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../read.js';
import { BoardBuilder } from '../testing/boards.js';
import { seedBoard } from '../testing/seed.js';
import { analyseBoard, DEFAULT_ANALYSIS_OPTIONS } from './index.js';

describe('analyseBoard', () => {
  it('answers every section for a small workshop board', () => {
    const board = new BoardBuilder();
    board.threat('drought', { text: 'Drought', dimensions: ['environmental', 'food'], severity: 4, likelihood: 3 });
    board.threat('hunger', { text: 'Hunger', dimensions: ['food'], severity: 5, likelihood: 2 });
    board.threat('migration', { text: 'Migration', dimensions: ['community'] });
    board.item('climate', 'root-cause', { text: 'Climate change', level: 'international' });
    board.item('wells', 'response', { text: 'Wells', strategy: 'empowerment', phase: 'prevention' });
    board.item('council', 'actor', { text: 'Council', level: 'local', sector: 'government' });
    board.item('rain', 'indicator', { text: 'Rainfall', threshold: '< 20 mm' });
    board.link('causes', 'climate', 'drought');
    board.link('amplifies', 'drought', 'hunger');
    board.link('amplifies', 'hunger', 'migration');
    board.link('amplifies', 'migration', 'drought', { polarity: '-' });
    board.link('addresses', 'wells', 'drought');
    board.link('responsible', 'council', 'wells');
    board.link('monitors', 'rain', 'drought');
    const analysis = board.analyse();
    expect(analysis.summary).toMatchObject({ items: 7, links: 7, riskiest: [{ id: 'drought', score: 12 }, { id: 'hunger', score: 10 }] });
    expect(analysis.interlinkages).toHaveLength(4);
    expect(analysis.loops).toEqual({
      loops: [{ items: ['drought', 'hunger', 'migration'], links: ['l002', 'l003', 'l004'], kind: 'balancing' }],
      truncated: false,
      maxLoops: DEFAULT_ANALYSIS_OPTIONS.maxLoops,
      maxLoopLength: DEFAULT_ANALYSIS_OPTIONS.maxLoopLength,
    });
    expect(analysis.mostConnected.hubs[0]).toMatchObject({ id: 'drought', degree: 3 });
    expect(analysis.gaps.unaddressedThreats).toEqual(['hunger', 'migration']);
    expect(analysis.gaps.indicatorsIncomplete).toEqual([{ id: 'rain', missing: ['action'] }]);
    expect(analysis.balance.overall).toEqual({ protection: 0, empowerment: 1, unspecified: 0 });
    // Rooted internationally (climate change), answered only by a local council.
    expect(analysis.who.levelMismatches).toEqual([
      { threat: 'drought', kind: 'international-roots-local-responses', rootLevels: ['international'], responseLevels: ['local'], responses: ['wells'] },
    ]);
    expect(analysis.responses).toEqual([{ id: 'wells', strategy: 'empowerment', phase: 'prevention', actors: ['council'], addresses: ['drought'], strengthens: [] }]);
    expect(analysis.indicators).toEqual([{ id: 'rain', threats: ['drought'], threshold: '< 20 mm' }]);
    expect(analysis.problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });

  it('counts an unknown kind, ignores it in the analysis, and lists the problems in order', () => {
    const doc = new Y.Doc();
    seedBoard(doc);
    const view = readBoard(doc);
    const analysis = analyseBoard({ ...view, problems: [...view.problems].reverse() });
    expect(analysis.summary.itemsByKind).toMatchObject({ threat: 1, response: 1, 'hazard-zone': 1 });
    expect(analysis.interlinkages).toEqual([]);
    expect(analysis.gaps.unaddressedThreats).toEqual([]);
    expect(analysis.problems.map((p) => `${p.target}:${p.id}:${p.code}`)).toEqual([
      'item:future:unknown-kind',
      'link:inhibits:unknown-kind',
    ]);
  });

  it('passes the options on to the loops and the rankings', () => {
    const board = new BoardBuilder();
    board.threats('a', 'b', 'c');
    board.chain('a', 'b', 'c', 'a');
    board.chain('a', 'c');
    const analysis = board.analyse({ topN: 1, maxLoops: 1, maxLoopLength: 2 });
    expect(analysis.loops).toMatchObject({ maxLoops: 1, maxLoopLength: 2, truncated: true });
    expect(analysis.mostConnected.hubs).toHaveLength(1);
  });
});

// Who carries the responses, and mismatches between the level of a threat and of its responses.
import { describe, expect, it } from 'vitest';
import { BoardBuilder } from '../testing/boards.js';
import { indexBoard } from './graph.js';
import { describeWho } from './who.js';

const whoOf = (board: BoardBuilder) => describeWho(indexBoard(board.view()));

describe('describeWho: actors', () => {
  it('lists actors by level, then sector, then text, each with the responses it carries', () => {
    const board = new BoardBuilder();
    board.item('unhcr', 'actor', { level: 'international', sector: 'un', text: 'UNHCR' });
    board.item('mayor', 'actor', { level: 'local', sector: 'government', text: 'Mayor' });
    board.item('women', 'actor', { level: 'local', sector: 'civil-society', text: "Women's group" });
    board.item('council', 'actor', { level: 'local', sector: 'government', text: 'Council' });
    board.item('anyone', 'actor', { text: 'Anyone' });
    board.item('shelter', 'response', { text: 'Shelter' });
    board.item('alarm', 'response', { text: 'Alarm' });
    board.item('note', 'note');
    board.link('responsible', 'mayor', 'shelter');
    board.link('responsible', 'mayor', 'alarm');
    board.link('responsible', 'mayor', 'note'); // not a response
    expect(whoOf(board).actors).toEqual([
      { id: 'council', level: 'local', sector: 'government', responses: [] },
      { id: 'mayor', level: 'local', sector: 'government', responses: ['alarm', 'shelter'] },
      { id: 'women', level: 'local', sector: 'civil-society', responses: [] },
      { id: 'unhcr', level: 'international', sector: 'un', responses: [] },
      { id: 'anyone', responses: [] },
    ]);
  });
});

describe('describeWho: level mismatches', () => {
  it('finds a locally rooted threat answered only internationally', () => {
    const board = new BoardBuilder();
    board.threat('land', { text: 'Land disputes' });
    board.item('tenure', 'root-cause', { level: 'local' });
    board.item('un', 'actor', { level: 'international' });
    board.item('mediation', 'response');
    board.item('monitoring', 'response');
    board.link('causes', 'tenure', 'land');
    board.link('addresses', 'mediation', 'land');
    board.link('addresses', 'monitoring', 'tenure'); // through the root cause
    board.link('responsible', 'un', 'mediation');
    board.link('responsible', 'un', 'monitoring');
    expect(whoOf(board).levelMismatches).toEqual([
      {
        threat: 'land',
        kind: 'local-roots-international-responses',
        rootLevels: ['local'],
        responseLevels: ['international'],
        responses: ['mediation', 'monitoring'],
      },
    ]);
  });

  it('finds an internationally rooted threat answered only locally, from its own level', () => {
    const board = new BoardBuilder();
    board.threat('prices', { level: 'international' });
    board.item('council', 'actor', { level: 'local' });
    board.item('kitchen', 'response');
    board.link('addresses', 'kitchen', 'prices');
    board.link('responsible', 'council', 'kitchen');
    expect(whoOf(board).levelMismatches).toEqual([
      { threat: 'prices', kind: 'international-roots-local-responses', rootLevels: ['international'], responseLevels: ['local'], responses: ['kitchen'] },
    ]);
  });

  it('finds no mismatch when levels mix, are missing, or meet', () => {
    const board = new BoardBuilder();
    board.item('council', 'actor', { level: 'local' });
    board.item('un', 'actor', { level: 'international' });
    board.item('mixed-roots', 'root-cause', { level: 'national' });
    board.threat('mixed', { level: 'local' });
    board.link('causes', 'mixed-roots', 'mixed');
    board.threat('unanswered', { level: 'local' });
    board.threat('unrooted');
    board.threat('met', { level: 'local' });
    board.threat('both', { level: 'local' });
    for (const [response, threat, actors] of [
      ['r-mixed', 'mixed', ['un']],
      ['r-unrooted', 'unrooted', ['un']],
      ['r-met', 'met', ['council']],
      ['r-both', 'both', ['council', 'un']],
    ] as const) {
      board.item(response, 'response');
      board.link('addresses', response, threat);
      for (const actor of actors) board.link('responsible', actor, response);
    }
    expect(whoOf(board).levelMismatches).toEqual([]);
  });

  it('lists mismatches in threat text order', () => {
    const board = new BoardBuilder();
    board.item('un', 'actor', { level: 'international' });
    board.item('aid', 'response');
    board.link('responsible', 'un', 'aid');
    for (const [id, text] of [['t1', 'Zinc'], ['t2', 'Arsenic']] as const) {
      board.threat(id, { text, level: 'local' });
      board.link('addresses', 'aid', id);
    }
    expect(whoOf(board).levelMismatches.map((m) => m.threat)).toEqual(['t2', 't1']);
  });
});

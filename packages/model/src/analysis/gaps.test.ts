// Each kind of gap on a board that has it, and on one that does not.
import { describe, expect, it } from 'vitest';
import { BoardBuilder } from '../testing/boards.js';
import { findGaps } from './gaps.js';
import { indexBoard } from './graph.js';

const gapsOf = (board: BoardBuilder) => findGaps(indexBoard(board.view()));

describe('findGaps', () => {
  it('finds every threat unaddressed on a board without responses', () => {
    const board = new BoardBuilder();
    board.threat('t2', { text: 'Floods' });
    board.threat('t1', { text: 'Drought' });
    expect(gapsOf(board)).toEqual({
      unaddressedThreats: ['t1', 't2'],
      addressedThroughRootCause: [],
      responsesAddressingNothing: [],
      protectionWithoutActor: [],
      empowermentWithoutLocalActorOrCapacity: [],
      indicatorsIncomplete: [],
    });
  });

  it('counts only addresses links from a response to a threat', () => {
    const board = new BoardBuilder();
    board.threats('addressed', 'via-relates', 'via-actor', 'via-root');
    board.item('r', 'response');
    board.item('actor', 'actor');
    board.item('cause', 'root-cause');
    board.link('addresses', 'r', 'addressed');
    board.link('relates', 'r', 'via-relates');
    board.link('addresses', 'actor', 'via-actor'); // wrong kind of start
    board.link('causes', 'cause', 'via-root');
    board.link('addresses', 'r', 'cause'); // addresses the root cause, not the threat itself
    expect(gapsOf(board).unaddressedThreats).toEqual(['via-actor', 'via-relates', 'via-root']);
  });

  it('finds responses that address neither a threat nor a root cause', () => {
    const board = new BoardBuilder();
    board.threat('t');
    board.item('cause', 'root-cause');
    board.item('group', 'group');
    board.item('r-threat', 'response');
    board.item('r-root', 'response');
    board.item('r-group', 'response');
    board.item('r-none', 'response');
    board.link('addresses', 'r-threat', 't');
    board.link('addresses', 'r-root', 'cause');
    board.link('addresses', 'r-group', 'group');
    expect(gapsOf(board).responsesAddressingNothing).toEqual(['r-group', 'r-none']);
  });

  it('finds protection responses no actor is responsible for', () => {
    const board = new BoardBuilder();
    board.item('carried', 'response', { strategy: 'protection' });
    board.item('orphan', 'response', { strategy: 'protection' });
    board.item('by-group', 'response', { strategy: 'protection' });
    board.item('empowering', 'response', { strategy: 'empowerment' });
    board.item('police', 'actor', { level: 'national', sector: 'government' });
    board.item('people', 'group');
    board.link('responsible', 'police', 'carried');
    board.link('responsible', 'people', 'by-group'); // a group is not an actor
    expect(gapsOf(board).protectionWithoutActor).toEqual(['by-group', 'orphan']);
  });

  it('finds empowerment responses with no local or community actor and no capacity', () => {
    const board = new BoardBuilder();
    board.item('local', 'response', { strategy: 'empowerment' });
    board.item('community', 'response', { strategy: 'empowerment' });
    board.item('capacity', 'response', { strategy: 'empowerment' });
    board.item('national-only', 'response', { strategy: 'empowerment' });
    board.item('alone', 'response', { strategy: 'empowerment' });
    board.item('protective', 'response', { strategy: 'protection' });
    board.item('council', 'actor', { level: 'local', sector: 'government' });
    board.item('elders', 'actor', { level: 'national', sector: 'community' });
    board.item('ministry', 'actor', { level: 'national', sector: 'government' });
    board.item('savings', 'capacity');
    board.link('responsible', 'council', 'local');
    board.link('responsible', 'elders', 'community');
    board.link('strengthens', 'capacity', 'savings');
    board.link('responsible', 'ministry', 'national-only');
    board.link('responsible', 'ministry', 'protective');
    expect(gapsOf(board).empowermentWithoutLocalActorOrCapacity).toEqual(['alone', 'national-only']);
  });

  it('finds indicators with a missing or blank threshold or action', () => {
    const board = new BoardBuilder();
    board.item('complete', 'indicator', { threshold: '30%', action: 'alert' });
    board.item('no-threshold', 'indicator', { action: 'alert' });
    board.item('blank-action', 'indicator', { threshold: '30%', action: ' \n\t' });
    board.item('empty', 'indicator');
    expect(gapsOf(board).indicatorsIncomplete).toEqual([
      { id: 'blank-action', missing: ['action'] },
      { id: 'empty', missing: ['threshold', 'action'] },
      { id: 'no-threshold', missing: ['threshold'] },
    ]);
  });
});

describe('threats addressed only through a root cause', () => {
  it('names the responses upstream, and only for threats no response addresses directly', () => {
    const board = new BoardBuilder();
    const flood = board.threat('flood');
    const debt = board.threat('debt');
    const cause = board.item('mangroves cleared', 'root-cause');
    const replant = board.item('replant', 'response');
    const loans = board.item('loans', 'response');
    board.link('causes', cause, flood);
    board.link('causes', cause, debt);
    board.link('addresses', replant, cause);
    board.link('addresses', loans, debt);
    const gaps = gapsOf(board);
    expect(gaps.unaddressedThreats).toEqual([flood]);
    expect(gaps.addressedThroughRootCause).toEqual([{ threat: flood, responses: [replant] }]);
  });
});

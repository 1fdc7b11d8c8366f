// Idle rooms are unloaded (CONTRACT.md section 1, ROOM_IDLE_MS) and come back from disk intact.
import type { CreatedBoard } from '@interlink/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addNote, itemTexts } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { isRecord } from '../support/http.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const ROOM_IDLE_MS = 500;

describe('rooms unload when idle', () => {
  const serverResources = new Resources();
  const resources = new Resources();
  let server: RunningServer;

  beforeAll(async () => {
    server = serverResources.server(await startServer({ env: { ROOM_IDLE_MS: String(ROOM_IDLE_MS) } }));
  });
  afterEach(() => resources.dispose());
  afterAll(() => serverResources.dispose());

  /** The server's log lines about a board's room ("room loaded" / "room unloaded"). */
  function roomEvents(boardId: string): string[] {
    const events: string[] = [];
    for (const line of server.logs) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (isRecord(parsed) && parsed.board === boardId && typeof parsed.msg === 'string' && /^room (un)?loaded$/.test(parsed.msg)) events.push(parsed.msg);
    }
    return events;
  }

  /** Log lines reach the test through a pipe, a little after the event: wait for them. */
  async function expectEvents(boardId: string, expected: string[]): Promise<void> {
    await eventually(() => roomEvents(boardId).length >= expected.length, `room events ${expected.join(', ')}`, ROOM_IDLE_MS + 10_000);
    expect(roomEvents(boardId)).toEqual(expected);
  }

  async function connect(board: CreatedBoard): Promise<StockClient> {
    const client = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(client.provider);
    return client;
  }

  it('write, disconnect, unload, reconnect: the data comes back from disk', async () => {
    const board = await server.createBoard('Idle room');
    const writer = await connect(board);
    const ids = [addNote(writer.doc, 'one'), addNote(writer.doc, 'two')];
    const peer = await connect(board);
    await eventually(() => itemTexts(peer.doc).size === 2, 'the peer has both cards');
    await expectEvents(board.id, ['room loaded']);
    writer.destroy();
    peer.destroy();

    await expectEvents(board.id, ['room loaded', 'room unloaded']);

    const back = await connect(board);
    await eventually(() => itemTexts(back.doc).size === 2, 'the cards after reload');
    expect(ids.map((id) => itemTexts(back.doc).get(id))).toEqual(['one', 'two']);
    expect(back.doc.getMap('meta').get('title')).toBe('Idle room');
    await expectEvents(board.id, ['room loaded', 'room unloaded', 'room loaded']);
  });

  it('a room with a connection stays loaded while an idle one unloads', async () => {
    const busy = await server.createBoard('Busy room');
    const idle = await server.createBoard('Idle room 2');
    const stay = await connect(busy);
    const leave = await connect(idle);
    leave.destroy();
    // The idle board's unload is the clock: by then ROOM_IDLE_MS has passed for the busy one too.
    await expectEvents(idle.id, ['room loaded', 'room unloaded']);
    await expectEvents(busy.id, ['room loaded']);
    // And the busy room still serves edits.
    const other = await connect(busy);
    const id = addNote(stay.doc, 'still loaded');
    await eventually(() => itemTexts(other.doc).get(id) === 'still loaded', 'an edit in the busy room');
    expect(roomEvents(busy.id)).toEqual(['room loaded']);
  });

  it('many unload/reload cycles, reconnecting around the idle deadline, lose nothing', async () => {
    const board = await server.createBoard('Cycles');
    const expected = new Map<string, string>();
    for (let cycle = 0; cycle < 6; cycle++) {
      const client = await connect(board);
      await eventually(() => itemTexts(client.doc).size === expected.size, `cycle ${cycle}: the ${expected.size} earlier cards`);
      for (const [id, text] of expected) expect(itemTexts(client.doc).get(id)).toBe(text);
      for (let i = 0; i < 5; i++) {
        const text = `cycle ${cycle} card ${i}`;
        expected.set(addNote(client.doc, text), text);
      }
      // A second client confirms the cards reached the server before the writer leaves.
      const check = await connect(board);
      await eventually(() => itemTexts(check.doc).size === expected.size, `cycle ${cycle}: the server has every card`);
      client.destroy();
      check.destroy();
      // Come back just before, around, or after the idle deadline (this sleep is the stimulus, not a wait).
      const delay = ROOM_IDLE_MS - 150 + cycle * 60;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const final = await connect(board);
    await eventually(() => itemTexts(final.doc).size === expected.size, 'every card after the cycles');
    expect(itemTexts(final.doc)).toEqual(expected);
    expect(roomEvents(board.id).filter((event) => event === 'room unloaded').length).toBeGreaterThan(0);
  });
});

// An observer receives everything and its edits are never applied or relayed (CONTRACT.md
// section 3). The observer here is the stock client, which keeps its local edit and offers it
// again in every sync step 2: the server must drop all of them.
import type { CreatedBoard } from '@interlink/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, itemTexts } from '../support/board.js';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { Resources } from '../support/resources.js';
import { roundTrip } from '../support/roundTrip.js';
import { startServer, type RunningServer } from '../support/server.js';

describe('observer', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Observed board');
  });
  afterAll(() => resources.dispose());

  it('an observer’s edits reach nobody, not even later joiners; it still receives everyone’s edits', async () => {
    const facilitator = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    const participant = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    const observer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await Promise.all([facilitator, participant, observer].map((c) => waitForSynced(c.provider)));

    const before = addNote(facilitator.doc, 'before the observer wrote');
    await eventually(() => itemTexts(observer.doc).get(before) === 'before the observer wrote', 'the observer sees the facilitator’s card');

    // The observer writes: a new card, and an edit of an existing one.
    const sneaky = addNote(observer.doc, 'observer was here');
    observer.doc.getMap('meta').set('title', 'Renamed by an observer');
    await roundTrip(observer);

    // A card written after the barrier: once others have it, they would have had the observer's.
    const after = addNote(participant.doc, 'after the observer wrote');
    await eventually(
      () => itemTexts(facilitator.doc).get(after) !== undefined && itemTexts(observer.doc).get(after) === 'after the observer wrote',
      'the participant’s later card reaches the facilitator and the observer',
    );
    for (const client of [facilitator, participant]) {
      expect(itemTexts(client.doc).has(sneaky)).toBe(false);
      expect(client.doc.getMap('meta').get('title')).toBe('Observed board');
    }

    // The observer reconnects: the stock client offers its whole doc again in step 2.
    observer.provider.disconnect();
    observer.provider.connect();
    await waitForSynced(observer.provider);
    await roundTrip(observer);

    // A fresh client, and a second fresh one after the room has been written again.
    const fresh = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(fresh.provider);
    await eventually(() => itemTexts(fresh.doc).get(after) === 'after the observer wrote', 'the fresh client has the board');
    expect(itemTexts(fresh.doc).has(sneaky)).toBe(false);
    expect(fresh.doc.getMap('meta').get('title')).toBe('Observed board');
    expect([...itemTexts(fresh.doc).keys()].sort()).toEqual([before, after].sort());

    // The observer keeps receiving.
    const last = addNote(facilitator.doc, 'still watching?');
    await eventually(() => itemTexts(observer.doc).get(last) === 'still watching?', 'the observer receives edits after writing');
    expect(itemTexts(participant.doc).has(sneaky)).toBe(false);
  });

  it('an observer’s edit is not on disk either (restart on the same data)', async () => {
    const observer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(observer.provider);
    const sneaky = addNote(observer.doc, 'persist me?');
    await roundTrip(observer);
    observer.destroy();

    await server.stop();
    const restarted = resources.server(await startServer({ dataDir: server.dataDir }));
    const fresh = resources.client(stockClient(restarted.wsUrl, board.id, board.tokens.facilitator));
    await waitForSynced(fresh.provider);
    await eventually(() => itemTexts(fresh.doc).size >= 2, 'the board’s cards after restart');
    expect(itemTexts(fresh.doc).has(sneaky)).toBe(false);
    expect([...itemTexts(fresh.doc).values()]).not.toContain('observer was here');
  });
});

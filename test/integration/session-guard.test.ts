// CONTRACT.md section 6: "Only a facilitator's connection may change `session`; a change from
// anyone else is not applied or relayed." Stock y-websocket clients against the real server: a
// participant's session change never reaches anyone, is not on disk, and ends its connection
// with 4403; a facilitator's session changes reach everyone and are stored; participants' card
// edits keep flowing meanwhile.
import type { CreatedBoard } from '@interlink/protocol';
import { CloseCode } from '@interlink/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addNote, itemTexts } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const session = (doc: Y.Doc): Record<string, unknown> => doc.getMap('session').toJSON();

/** Resolves with the code of the first close the server sends this client (fails after 10 s). */
function closeCode(client: StockClient): Promise<number> {
  const closed = new Promise<number>((resolve) => {
    client.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) resolve(event.code);
    });
  });
  return within(closed, 10_000, 'the server closing the connection');
}

describe('session guard', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;
  let facilitator: StockClient;
  let participant: StockClient;

  const client = (token: string): StockClient => resources.client(stockClient(server.wsUrl, board.id, token));
  const synced = (...clients: StockClient[]): Promise<void[]> => Promise.all(clients.map((c) => waitForSynced(c.provider)));

  /** A card from a participant that everyone has: anything relayed before it has arrived too. */
  async function barrier(from: StockClient, ...to: StockClient[]): Promise<void> {
    const card = addNote(from.doc, `barrier ${Math.random()}`);
    await eventually(() => to.every((c) => itemTexts(c.doc).has(card)), 'the barrier card reaches everyone');
  }

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Guarded board');
    facilitator = client(board.tokens.facilitator);
    participant = client(board.tokens.participant);
    await synced(facilitator, participant);
  });
  afterAll(() => resources.dispose());

  it('a facilitator’s session changes (phase, focus) reach participants and a fresh client', async () => {
    facilitator.doc.getMap('session').set('phase', 'analysis');
    facilitator.doc.getMap('session').set('focus', { x: 120, y: -40, zoom: 1.5 });
    await eventually(() => session(participant.doc).phase === 'analysis', 'the participant sees the phase');
    await eventually(() => JSON.stringify(session(participant.doc).focus) === JSON.stringify({ x: 120, y: -40, zoom: 1.5 }), 'the participant sees the focus');
    const fresh = client(board.tokens.observer);
    await synced(fresh);
    expect(session(fresh.doc)).toEqual({ phase: 'analysis', focus: { x: 120, y: -40, zoom: 1.5 } });
  });

  it('a participant setting session.phase: refused whole, closed with 4403, seen by nobody; card edits still flow', async () => {
    const rogue = client(board.tokens.participant);
    await synced(rogue);
    const closed = closeCode(rogue);
    rogue.doc.transact(() => {
      addNote(rogue.doc, 'smuggled with the session change');
      rogue.doc.getMap('session').set('phase', 'hijacked');
    });
    expect(await closed).toBe(CloseCode.forbidden);
    // The stock client takes 44xx as final: it will not reconnect (and offer the change again).
    await eventually(() => !rogue.provider.shouldConnect, 'the stock client gives the connection up');

    // Ordinary edits keep flowing, both ways; and by the time they arrive, a relayed session change would have.
    await barrier(participant, facilitator);
    await barrier(facilitator, participant);
    for (const doc of [facilitator.doc, participant.doc]) {
      expect(session(doc).phase).toBe('analysis');
      expect([...itemTexts(doc).values()]).not.toContain('smuggled with the session change');
    }
    const fresh = client(board.tokens.participant);
    await synced(fresh);
    expect(session(fresh.doc).phase).toBe('analysis');
  });

  it('a participant deleting a key the facilitator set, or changing the focus: refused', async () => {
    for (const edit of [(doc: Y.Doc) => doc.getMap('session').delete('phase'), (doc: Y.Doc) => doc.getMap('session').set('focus', { x: 0, y: 0, zoom: 9 })]) {
      const rogue = client(board.tokens.participant);
      await synced(rogue);
      const closed = closeCode(rogue);
      edit(rogue.doc);
      expect(await closed).toBe(CloseCode.forbidden);
    }
    await barrier(participant, facilitator);
    expect(session(facilitator.doc)).toEqual({ phase: 'analysis', focus: { x: 120, y: -40, zoom: 1.5 } });
    expect(session(participant.doc)).toEqual({ phase: 'analysis', focus: { x: 120, y: -40, zoom: 1.5 } });
  });

  it('after a restart the stored board has the facilitator’s session and none of the refused changes', async () => {
    facilitator.doc.getMap('session').set('phase', 'planning');
    await eventually(() => session(participant.doc).phase === 'planning', 'the participant sees the new phase');
    const cards = [...itemTexts(facilitator.doc).values()];
    facilitator.destroy();
    participant.destroy();
    await server.stop();
    const restarted = resources.server(await startServer({ dataDir: server.dataDir }));
    const fresh = resources.client(stockClient(restarted.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(fresh.provider);
    expect(session(fresh.doc)).toEqual({ phase: 'planning', focus: { x: 120, y: -40, zoom: 1.5 } });
    expect([...itemTexts(fresh.doc).values()].sort()).toEqual(cards.sort());
    expect([...itemTexts(fresh.doc).values()]).not.toContain('smuggled with the session change');
    const refusals = server.logs.filter((line) => line.includes('session change refused'));
    expect(refusals).toHaveLength(3);
  });
});

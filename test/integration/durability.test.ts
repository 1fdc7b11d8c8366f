// Durability (CONTRACT.md section 3): an update the server has relayed to anyone is on disk, so
// a kill -9 at any moment loses none of it.
import type { CreatedBoard } from '@interlink/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, itemTexts } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const CARDS = 500;
const cardText = (i: number): string => `card ${i}: water points dry in district ${i % 17}`;

describe('kill -9 durability', () => {
  const resources = new Resources();
  afterEach(() => resources.dispose());

  async function freshView(server: RunningServer, board: CreatedBoard): Promise<StockClient> {
    const client = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(client.provider);
    return client;
  }

  it('500 cards, each its own update: all survive a kill -9 right after a peer has seen them', async () => {
    const server = resources.server(await startServer());
    const board = await server.createBoard('Durable');
    const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    const peer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    await Promise.all([waitForSynced(writer.provider), waitForSynced(peer.provider)]);

    let updates = 0;
    writer.doc.on('update', () => (updates += 1));
    const ids: string[] = [];
    for (let i = 0; i < CARDS; i++) ids.push(addNote(writer.doc, cardText(i), i, i));
    expect(updates).toBe(CARDS);

    await eventually(() => itemTexts(peer.doc).size === CARDS, `the peer sees all ${CARDS} cards`, 30_000);
    await server.kill9();
    // Only now let the clients go, so that nothing reaches the server after the kill.
    writer.destroy();
    peer.destroy();

    const restarted = resources.server(await startServer({ dataDir: server.dataDir }));
    const view = await freshView(restarted, board);
    const texts = itemTexts(view.doc);
    expect(texts.size).toBe(CARDS);
    ids.forEach((id, i) => expect(texts.get(id)).toBe(cardText(i)));
    expect(view.doc.getMap('meta').get('title')).toBe('Durable');
  });

  it('a kill -9 in the middle of a stream loses nothing a peer has already seen', async () => {
    const server = resources.server(await startServer());
    const board = await server.createBoard('Durable mid-stream');
    const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    const peer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    await Promise.all([waitForSynced(writer.provider), waitForSynced(peer.provider)]);

    // The peer kills the server from inside its update handler, the moment it has seen 250 cards:
    // whatever it holds then was relayed, so it must be on disk.
    let seenAtKill: Map<string, string> | undefined;
    const onUpdate = (): void => {
      if (seenAtKill === undefined && itemTexts(peer.doc).size >= CARDS / 2) {
        server.process.kill('SIGKILL');
        seenAtKill = itemTexts(peer.doc);
      }
    };
    peer.doc.on('update', onUpdate);

    // The writer streams cards in small batches, yielding so frames leave while it writes.
    for (let i = 0; i < CARDS && seenAtKill === undefined; i++) {
      addNote(writer.doc, cardText(i), i, 0);
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually(() => seenAtKill !== undefined, 'the peer to reach half the cards');
    await server.kill9();
    writer.destroy();
    peer.destroy();

    const restarted = resources.server(await startServer({ dataDir: server.dataDir }));
    const view = await freshView(restarted, board);
    const texts = itemTexts(view.doc);
    const seen = seenAtKill ?? new Map<string, string>();
    expect(seen.size).toBeGreaterThanOrEqual(CARDS / 2);
    const lost = [...seen.keys()].filter((id) => texts.get(id) !== seen.get(id));
    expect(lost, `${lost.length} of the ${seen.size} cards the peer saw were lost`).toEqual([]);
  });

  it('a board survives several crashes in a row, each restart adding to it', async () => {
    let server = resources.server(await startServer());
    const board = await server.createBoard('Crash loop');
    const expected = new Y.Doc();
    for (let round = 0; round < 3; round++) {
      const writer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
      const peer = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
      await Promise.all([waitForSynced(writer.provider), waitForSynced(peer.provider)]);
      await eventually(() => itemTexts(writer.doc).size === round * 20, `the writer has the ${round * 20} earlier cards`);
      for (let i = 0; i < 20; i++) addNote(writer.doc, `round ${round} card ${i}`);
      await eventually(() => itemTexts(peer.doc).size === (round + 1) * 20, `the peer sees ${(round + 1) * 20} cards`);
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(peer.doc));
      await server.kill9();
      writer.destroy();
      peer.destroy();
      server = resources.server(await startServer({ dataDir: server.dataDir }));
    }
    const view = await freshView(server, board);
    expect(itemTexts(view.doc)).toEqual(itemTexts(expected));
    expect(itemTexts(view.doc).size).toBe(60);
  });
});

// Two stock y-websocket clients on one board converge through the server: edits both ways,
// concurrent edits of the same card, and a late joiner gets the same board.
import { asItemId, getItemText, moveItems, setItemText, type ItemId } from '@interlink/model';
import type { CreatedBoard } from '@interlink/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, itemTexts, sameBoard } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

describe('two stock clients converge', () => {
  const serverResources = new Resources();
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = serverResources.server(await startServer());
  });
  afterEach(() => resources.dispose());
  afterAll(() => serverResources.dispose());

  async function connect(token: string): Promise<StockClient> {
    const client = resources.client(stockClient(server.wsUrl, board.id, token));
    await waitForSynced(client.provider);
    return client;
  }

  const same = (a: StockClient, b: StockClient): boolean => sameBoard(a.doc, b.doc);

  it('edits flow both ways, and the board title reaches both', async () => {
    board = await server.createBoard('Converge one');
    const a = await connect(board.tokens.facilitator);
    const b = await connect(board.tokens.participant);
    await eventually(() => a.doc.getMap('meta').get('title') === 'Converge one' && b.doc.getMap('meta').get('title') === 'Converge one', 'the title from the server');

    const fromA = addNote(a.doc, 'from A');
    await eventually(() => itemTexts(b.doc).get(fromA) === 'from A', 'B sees A’s card');
    const fromB = addNote(b.doc, 'from B', 300, 0);
    await eventually(() => itemTexts(a.doc).get(fromB) === 'from B', 'A sees B’s card');
    setItemText(b.doc, fromA, 'from A, edited by B');
    await eventually(() => itemTexts(a.doc).get(fromA) === 'from A, edited by B', 'A sees B’s edit');
    moveItems(a.doc, [{ id: fromB, x: 40, y: 50 }]);
    await eventually(() => b.doc.getMap('items').toJSON()[fromB]?.x === 40, 'B sees A’s move');
    await eventually(() => same(a, b), 'A and B equal');
  });

  it('concurrent edits, including typing into the same card, merge identically everywhere', async () => {
    board = await server.createBoard('Converge two');
    const a = await connect(board.tokens.facilitator);
    const b = await connect(board.tokens.participant);
    const shared = addNote(a.doc, 'shared:');
    await eventually(() => itemTexts(b.doc).get(shared) === 'shared:', 'B has the shared card');

    // Both write at once, without waiting for each other.
    const created: ItemId[] = [];
    for (let i = 0; i < 25; i++) {
      created.push(addNote(a.doc, `a${i}`, i * 10, 0));
      created.push(addNote(b.doc, `b${i}`, i * 10, 200));
      getItemText(a.doc, shared)?.insert(0, `A${i} `);
      const textB = getItemText(b.doc, shared);
      textB?.insert(textB.length, ` B${i}`);
    }
    await eventually(() => same(a, b) && itemTexts(a.doc).size === 51, 'A and B converge on 51 cards', 15_000);

    const merged = itemTexts(a.doc).get(shared) ?? '';
    for (let i = 0; i < 25; i++) {
      expect(merged).toContain(`A${i} `);
      expect(merged).toContain(` B${i}`);
    }
    for (const id of created) expect(itemTexts(b.doc).has(id)).toBe(true);

    // A late joiner gets the same board from the server.
    const c = await connect(board.tokens.observer);
    await eventually(() => same(a, c), 'a late joiner sees the same board');
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc));
  });

  it('an edit made while disconnected is merged on reconnect', async () => {
    board = await server.createBoard('Converge three');
    const a = await connect(board.tokens.facilitator);
    const b = await connect(board.tokens.participant);
    b.provider.disconnect();
    const offline = addNote(b.doc, 'written offline');
    const online = addNote(a.doc, 'written online');
    b.provider.connect();
    await eventually(() => itemTexts(a.doc).get(offline) === 'written offline' && itemTexts(b.doc).get(online) === 'written online', 'both edits on both sides');
    await eventually(() => same(a, b), 'A and B equal after reconnect');
    expect(itemTexts(a.doc).get(asItemId(offline))).toBe('written offline');
  });
});

// Who may open /sync/:boardId (CONTRACT.md section 3): a bad token or an unknown board is
// refused with close code 4401 after the upgrade, so that browsers can read the code.
import type { CreatedBoard } from '@interlink/protocol';
import { SyncStep } from '@interlink/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, stockClient, waitForSynced } from '../support/clients.js';
import { openRaw, syncStepOf, within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

const strangerToken = (): string => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

describe('sync endpoint: authentication', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;
  let other: CreatedBoard;

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Auth board');
    other = await server.createBoard('Other board');
  });
  afterAll(() => resources.dispose());

  async function expectRefused(boardId: string, token: string | undefined): Promise<void> {
    const socket = resources.raw(openRaw(server.wsUrl, boardId, token));
    const info = await within(socket.closed, 10_000, `close for board ${boardId}`);
    expect(socket.wasOpened(), 'the upgrade must succeed so that the close code reaches the client').toBe(true);
    expect(info.code).toBe(4401);
    // Nothing of the board was sent before the close.
    expect(socket.received).toEqual([]);
  }

  it('a wrong token is closed with 4401 after the upgrade', async () => {
    await expectRefused(board.id, strangerToken());
    await expectRefused(board.id, 'short');
  });

  it('a missing token is closed with 4401', async () => {
    await expectRefused(board.id, undefined);
    await expectRefused(board.id, '');
  });

  it("another board's token is closed with 4401", async () => {
    await expectRefused(board.id, other.tokens.facilitator);
  });

  it('an unknown board is closed with 4401, even with a token that is valid elsewhere', async () => {
    await expectRefused('noSuchBoard000', board.tokens.facilitator);
    await expectRefused('noSuchBoard000', strangerToken());
  });

  it('each role token is accepted: the server opens with sync step 1', async () => {
    for (const token of [board.tokens.facilitator, board.tokens.participant, board.tokens.observer]) {
      const socket = resources.raw(openRaw(server.wsUrl, board.id, token));
      await within(socket.opened, 10_000, 'open');
      await eventually(() => socket.received.length > 0, 'a first frame from the server');
      expect(syncStepOf(socket.received[0] ?? new Uint8Array())).toBe(SyncStep.step1);
      expect(socket.closeInfo()).toBeUndefined();
      socket.close();
    }
  });

  it('the stock client, given a bad token, sees 4401 and stops reconnecting', async () => {
    const client = resources.client(stockClient(server.wsUrl, board.id, strangerToken()));
    const codes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) codes.push(event.code);
    });
    await eventually(() => codes.length > 0, 'the stock client to be closed');
    expect(codes[0]).toBe(4401);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.provider.synced).toBe(false);
    // And a good one still syncs right after.
    const good = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    await waitForSynced(good.provider);
    expect(codes).toEqual([4401]);
  });
});

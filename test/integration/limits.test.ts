// Frame size limits (CONTRACT.md section 3): a frame over MAX_MESSAGE_BYTES closes that
// connection with 1009; the other connections of the board carry on and the server stays up.
import type { CreatedBoard } from '@interlink/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, itemTexts } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { request } from '../support/http.js';
import { openRaw, updateFrame, within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

/** A sync update frame carrying one card whose text is `textBytes` long: a legitimate edit, just big. */
function bigCardFrame(textBytes: number): { frame: Uint8Array; id: string } {
  const doc = new Y.Doc();
  const id = addNote(doc, 'x'.repeat(textBytes));
  const frame = updateFrame(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return { frame, id };
}

/** Counts every close a stock client sees: a healthy bystander sees none. */
function closeCounter(client: StockClient): () => number {
  let closes = 0;
  client.provider.on('connection-close', () => (closes += 1));
  return () => closes;
}

describe('frame size limit', () => {
  const serverResources = new Resources();
  const resources = new Resources();
  afterEach(() => resources.dispose());
  afterAll(() => serverResources.dispose());

  describe('default limit (1 MiB)', () => {
    let server: RunningServer;
    let board: CreatedBoard;
    beforeAll(async () => {
      server = serverResources.server(await startServer());
      board = await server.createBoard('Limits');
    });

    it('a 2 MiB frame closes that connection with 1009; the others carry on', async () => {
      const a = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
      const b = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
      await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)]);
      const closesA = closeCounter(a);
      const closesB = closeCounter(b);

      const { frame, id: bigId } = bigCardFrame(2 * 1024 * 1024);
      expect(frame.length).toBeGreaterThan(2 * 1024 * 1024);
      const raw = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.participant));
      await within(raw.opened, 10_000, 'the raw socket to open');
      raw.send(frame);
      const info = await within(raw.closed, 15_000, 'the oversized connection to be closed');
      expect(info.code).toBe(1009);

      // Edits still flow between the others, both ways.
      const fromA = addNote(a.doc, 'after the big frame (A)');
      const fromB = addNote(b.doc, 'after the big frame (B)');
      await eventually(
        () => itemTexts(b.doc).get(fromA) === 'after the big frame (A)' && itemTexts(a.doc).get(fromB) === 'after the big frame (B)',
        'edits between A and B after the big frame',
      );
      expect(closesA()).toBe(0);
      expect(closesB()).toBe(0);
      expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

      // The server is up, and the big card is nowhere.
      const health = await request(`${server.url}/healthz`);
      expect(health.body).toEqual({ ok: true });
      expect(itemTexts(a.doc).has(bigId)).toBe(false);
      const fresh = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
      await waitForSynced(fresh.provider);
      await eventually(() => itemTexts(fresh.doc).has(fromB), 'the fresh client has the board');
      expect(itemTexts(fresh.doc).has(bigId)).toBe(false);
      expect(server.process.exitCode).toBeNull();
    });

    it('a frame just under the limit is accepted and relayed', async () => {
      const b = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
      await waitForSynced(b.provider);
      const { frame, id } = bigCardFrame(1024 * 1024 - 4096);
      expect(frame.length).toBeLessThanOrEqual(1024 * 1024);
      const raw = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.facilitator));
      await within(raw.opened, 10_000, 'the raw socket to open');
      raw.send(frame);
      await eventually(() => itemTexts(b.doc).get(id)?.length === 1024 * 1024 - 4096, 'the near-limit card reaches B', 15_000);
      expect(raw.closeInfo()).toBeUndefined();
    });
  });

  describe('MAX_MESSAGE_BYTES=65536', () => {
    let server: RunningServer;
    let board: CreatedBoard;
    beforeAll(async () => {
      server = serverResources.server(await startServer({ env: { MAX_MESSAGE_BYTES: '65536' } }));
      board = await server.createBoard('Small limit');
    });

    it('honours the configured limit on both sides of it', async () => {
      const b = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
      await waitForSynced(b.provider);
      const closesB = closeCounter(b);

      const under = bigCardFrame(60_000);
      expect(under.frame.length).toBeLessThan(65_536);
      const ok = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.facilitator));
      await within(ok.opened, 10_000, 'open');
      ok.send(under.frame);
      await eventually(() => itemTexts(b.doc).has(under.id), 'the 60 kB card reaches B');

      const over = bigCardFrame(70_000);
      const tooBig = resources.raw(openRaw(server.wsUrl, board.id, board.tokens.facilitator));
      await within(tooBig.opened, 10_000, 'open');
      tooBig.send(over.frame);
      expect((await within(tooBig.closed, 10_000, 'close of the 70 kB sender')).code).toBe(1009);
      expect(ok.closeInfo()).toBeUndefined();

      const after = addNote(b.doc, 'still here');
      const watcher = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
      await waitForSynced(watcher.provider);
      await eventually(() => itemTexts(watcher.doc).has(after), 'B’s later card reaches a new client');
      expect(itemTexts(watcher.doc).has(over.id)).toBe(false);
      expect(closesB()).toBe(0);
    });
  });
});

// A stock y-websocket client in a benchmark room, plus the one thing the test helpers lack: a
// round-trip barrier proving the server has taken in everything this client sent.
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import type { BenchServer, Room } from './servers.js';

/** y-websocket message type 0; the provider does not export it from its main entry's types. */
const messageSync = 0;

export async function joinRoom(server: BenchServer, room: Room, timeoutMs = 10_000): Promise<StockClient> {
  const client = stockClient(server.syncUrl, room.name, room.token);
  try {
    await waitForSynced(client.provider, timeoutMs);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return client;
}

/**
 * Resolves once the server has processed every message this client sent before the call.
 * It sends a fresh sync step 1 and waits for the server's step 2: a server handles one
 * connection's messages in order, so its answer comes after the earlier updates were taken in
 * (and, on ours, persisted). Closing right after writing would otherwise leave it unclear
 * whether a board "left" ever held its cards.
 */
export function serverCaughtUp(client: StockClient, timeoutMs = 10_000): Promise<void> {
  const { provider, doc } = client;
  const socket = provider.ws;
  if (socket === null || socket.readyState !== socket.OPEN) return Promise.reject(new Error('client is not connected'));
  return new Promise((resolve, reject) => {
    // The provider flips `synced` back to true, emitting 'sync', when the step 2 arrives.
    const onSync = (synced: boolean): void => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error('server did not answer sync step 1 in time'));
    }, timeoutMs);
    provider.synced = false;
    provider.on('sync', onSync);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, doc);
    socket.send(encoding.toUint8Array(encoder));
  });
}

/** Runs `task(0..count-1)` with at most `concurrency` in flight; returns the failures' messages. */
export async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      try {
        await task(index);
      } catch (error) {
        failures.push(`#${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return failures;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

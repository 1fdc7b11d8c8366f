// Malformed frames (CONTRACT.md section 3): each closes its own connection with 1007; other
// connections and other boards are untouched, the server keeps answering, the board is unchanged
// in memory and on disk. Hundreds of frames, each on a connection of its own.
import { MessageType, SyncStep, decodeClientFrame, type CreatedBoard } from '@interlink/protocol';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, itemTexts, sameBoard } from '../support/board.js';
import { eventually, stockClient, waitForSynced, type StockClient } from '../support/clients.js';
import { request } from '../support/http.js';
import { awarenessFrame, openRaw, selfParentUpdate, syncFrame, updateFrame, within } from '../support/raw.js';
import { Resources } from '../support/resources.js';
import { startServer, type RunningServer } from '../support/server.js';

interface Case {
  readonly label: string;
  readonly frame: Uint8Array | string;
}

/** True when the protocol's own decoder refuses the frame: the server must then close with 1007. */
function refusedByDecoder(frame: Uint8Array): boolean {
  try {
    decodeClientFrame(frame);
    return false;
  } catch {
    return true;
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes.subarray(0, 24)).toString('hex') + (bytes.length > 24 ? '…' : '');

function bytesOf(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The malformed frames, deterministic (fixed fast-check seeds) so that a failure can be replayed. */
function malformedCases(validUpdate: Uint8Array, validAwareness: Uint8Array): Case[] {
  const cases: Case[] = [];
  const add = (label: string, frame: Uint8Array): void => {
    if (!refusedByDecoder(frame)) return; // a random frame that happens to be valid is no test of refusal
    cases.push({ label: `${label} ${hex(frame)}`, frame });
  };

  // Random bytes.
  for (const bytes of fc.sample(fc.uint8Array({ minLength: 1, maxLength: 200 }), { numRuns: 120, seed: 1009 })) add('random bytes', bytes);
  // Unknown message types, with and without payloads.
  for (const type of [2, 4, 5, 9, 64, 127, 128, 255, 1000, 2 ** 21]) {
    add(`type ${type}`, bytesOf((e) => encoding.writeVarUint(e, type)));
    add(`type ${type} + payload`, bytesOf((e) => {
      encoding.writeVarUint(e, type);
      encoding.writeVarUint8Array(e, validUpdate);
    }));
  }
  add('unknown sync step', syncFrame(7, validUpdate));
  // Truncations of a real update frame and a real awareness frame.
  const full = updateFrame(validUpdate);
  for (let length = 1; length < full.length; length += Math.max(1, Math.floor(full.length / 30))) add(`truncated update (${length}/${full.length})`, full.slice(0, length));
  for (let length = 1; length < validAwareness.length; length += 3) add(`truncated awareness (${length}/${validAwareness.length})`, validAwareness.slice(0, length));
  // Trailing bytes.
  add('update + trailing byte', Uint8Array.from([...full, 0]));
  add('query-awareness + trailing bytes', Uint8Array.from([MessageType.queryAwareness, 1, 2]));
  // Garbage inside correctly framed sync messages: step 2 (what a client answers on connect), updates, step 1.
  const payloads = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), { numRuns: 100, seed: 1007 });
  payloads.forEach((payload, i) => add('step 2 with garbage', syncFrame(i % 3 === 2 ? SyncStep.update : SyncStep.step2, payload)));
  for (const payload of fc.sample(fc.uint8Array({ minLength: 1, maxLength: 40 }), { numRuns: 20, seed: 1 })) add('step 1 with garbage', syncFrame(SyncStep.step1, Uint8Array.from([200, ...payload])));
  // Mutated real updates.
  const mutations = fc.sample(fc.tuple(fc.nat({ max: validUpdate.length - 1 }), fc.integer({ min: 0, max: 255 })), { numRuns: 200, seed: 77 });
  for (const [at, value] of mutations) {
    const mutated = Uint8Array.from(validUpdate);
    mutated[at] = value;
    add(`mutated update (byte ${at} = ${value})`, updateFrame(mutated));
  }
  // Awareness that is not an awareness update.
  const badJson = bytesOf((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 123);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, '{"user": {"name": "Mallory"');
  });
  add('awareness with broken JSON', bytesOf((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, badJson);
  }));
  for (const state of ['42', '"text"', '[1,2]', '']) {
    const update = bytesOf((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 125);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, state);
    });
    add(`awareness state ${state || '(empty)'}`, bytesOf((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, update);
    }));
  }
  add('empty frame (after type)', Uint8Array.from([MessageType.sync]));
  return cases;
}

interface Outcome {
  readonly label: string;
  readonly code: number | 'open';
}

describe('malformed frames', () => {
  const resources = new Resources();
  let server: RunningServer;
  let board: CreatedBoard;
  let otherBoard: CreatedBoard;
  let a: StockClient;
  let b: StockClient;
  let c: StockClient;
  const closes = new Map<StockClient, number>();

  beforeAll(async () => {
    server = resources.server(await startServer());
    board = await server.createBoard('Target board');
    otherBoard = await server.createBoard('Bystander board');
    a = resources.client(stockClient(server.wsUrl, board.id, board.tokens.facilitator));
    b = resources.client(stockClient(server.wsUrl, board.id, board.tokens.participant));
    c = resources.client(stockClient(server.wsUrl, otherBoard.id, otherBoard.tokens.participant));
    await Promise.all([a, b, c].map((client) => waitForSynced(client.provider)));
    for (const client of [a, b, c]) {
      closes.set(client, 0);
      client.provider.on('connection-close', () => closes.set(client, (closes.get(client) ?? 0) + 1));
    }
    const first = addNote(a.doc, 'written before the garbage');
    const other = addNote(c.doc, 'on the other board');
    await eventually(() => itemTexts(b.doc).has(first), 'B has A’s card');
    await eventually(() => itemTexts(c.doc).has(other), 'C’s card is in');
  });
  afterAll(() => resources.dispose());

  /** Sends each frame on a connection of its own, `parallel` at a time; answers each close code. */
  async function sendEach(cases: readonly Case[], token: string, parallel = 16): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (let start = 0; start < cases.length; start += parallel) {
      const batch = cases.slice(start, start + parallel);
      const results = await Promise.all(
        batch.map(async ({ label, frame }): Promise<Outcome> => {
          const socket = openRaw(server.wsUrl, board.id, token);
          await within(socket.opened, 10_000, `open for ${label}`);
          socket.send(frame);
          try {
            const info = await within(socket.closed, 5_000, `close after ${label}`);
            return { label, code: info.code };
          } catch {
            socket.close();
            return { label, code: 'open' };
          }
        }),
      );
      outcomes.push(...results);
    }
    return outcomes;
  }

  it('hundreds of malformed frames: each closes its own connection with 1007', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    addNote(doc, 'a card that is never sent whole');
    const validUpdate = Y.mergeUpdates(updates);
    const validAwareness = awarenessFrame([{ clientID: 99_999, clock: 1, state: { user: { name: 'Valid', color: '#123456' } } }]);
    const cases = malformedCases(validUpdate, validAwareness);
    expect(cases.length).toBeGreaterThan(300);

    const stateBefore = Y.encodeStateVector(a.doc);
    const outcomes = [
      ...(await sendEach(cases, board.tokens.participant)),
      ...(await sendEach(cases.slice(0, 20), board.tokens.observer)),
      ...(await sendEach([{ label: 'a text frame', frame: 'hello, server' }], board.tokens.facilitator)),
    ];
    const wrong = outcomes.filter((outcome) => outcome.code !== 1007);
    expect(wrong.slice(0, 10), `${wrong.length} of ${outcomes.length} frames were not closed with 1007`).toEqual([]);

    // The board is unchanged: nothing of the garbage reached A, B or a fresh client.
    expect(Y.encodeStateVector(a.doc)).toEqual(stateBefore);
    const fresh = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(fresh.provider);
    await eventually(() => sameBoard(fresh.doc, a.doc), 'a fresh client sees the board as it was');
    expect(Y.encodeStateVector(fresh.doc)).toEqual(stateBefore);
    fresh.destroy();
  });

  it('an update that decodes but cannot be applied is refused with 1007; the board is unchanged', async () => {
    const stateBefore = Y.encodeStateVector(a.doc);
    const outcomes = await sendEach(
      [
        { label: 'self-parent update', frame: updateFrame(selfParentUpdate(31_337)) },
        { label: 'self-parent step 2', frame: syncFrame(SyncStep.step2, selfParentUpdate(31_338)) },
      ],
      board.tokens.participant,
    );
    // The server must survive it whatever it answers; the contract asks for 1007.
    expect((await request(`${server.url}/healthz`)).body).toEqual({ ok: true });
    const fresh = resources.client(stockClient(server.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(fresh.provider);
    await eventually(() => sameBoard(fresh.doc, a.doc), 'a fresh client sees the board as it was');
    expect(Y.encodeStateVector(fresh.doc)).toEqual(stateBefore);
    fresh.destroy();
    expect(outcomes).toEqual([
      { label: 'self-parent update', code: 1007 },
      { label: 'self-parent step 2', code: 1007 },
    ]);
  });

  it('the other connections and the other board were never disturbed', async () => {
    for (const client of [a, b, c]) expect(closes.get(client)).toBe(0);
    const fromA = addNote(a.doc, 'after the garbage (A)');
    const fromB = addNote(b.doc, 'after the garbage (B)');
    const fromC = addNote(c.doc, 'after the garbage (C)');
    await eventually(() => itemTexts(b.doc).has(fromA) && itemTexts(a.doc).has(fromB), 'A and B still exchange edits');
    const otherWatcher = resources.client(stockClient(server.wsUrl, otherBoard.id, otherBoard.tokens.observer));
    await waitForSynced(otherWatcher.provider);
    await eventually(() => itemTexts(otherWatcher.doc).has(fromC), 'the other board still takes edits');
    expect(itemTexts(otherWatcher.doc).size).toBe(2);
    const health = await request(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });
    expect(server.process.exitCode).toBeNull();
    expect(server.process.signalCode).toBeNull();
  });

  it('on disk too, the board holds exactly what the clients wrote', async () => {
    await eventually(() => sameBoard(a.doc, b.doc), 'A and B agree');
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(a.doc));
    for (const client of [a, b, c]) client.destroy();
    await server.stop();
    const restarted = resources.server(await startServer({ dataDir: server.dataDir }));
    const fresh = resources.client(stockClient(restarted.wsUrl, board.id, board.tokens.observer));
    await waitForSynced(fresh.provider);
    await eventually(() => sameBoard(fresh.doc, expected), 'the restarted board equals what the clients saw');
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(expected));
  });
});

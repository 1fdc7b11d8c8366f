// decodeClientFrame against the stock y-protocols encoders (what the y-websocket client sends)
// and against everything else: truncations, trailing bytes, unknown types, garbage, mutations.
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncStep } from './codes.js';
import {
  MalformedFrameError,
  decodeClientFrame,
  encodeAwarenessFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  type ClientMessage,
} from './frames.js';

// ---------------------------------------------------------------------------------------------
// Frames exactly as the stock client builds them (y-websocket: type varUint, then y-protocols).

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function stockSyncStep1(doc: Y.Doc): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

function stockSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });
}

function stockUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
  });
}

function stockAwareness(awareness: awarenessProtocol.Awareness, clients: number[], states?: Map<number, Record<string, unknown>>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients, states));
  });
}

const stockQueryAwareness = (): Uint8Array => frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness));

/** An awareness frame with hand-written entries: [clientID, clock, json text]. */
function rawAwareness(entries: ReadonlyArray<readonly [number, number, string]>, trailing: readonly number[] = []): Uint8Array {
  const update = frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [clientID, clock, json] of entries) {
      encoding.writeVarUint(e, clientID);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
    for (const byte of trailing) encoding.writeUint8(e, byte);
  });
  return encodeAwarenessFrame(update);
}

/** A sync frame with any step number and payload, framed correctly. */
function rawSync(step: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

function refuses(bytes: Uint8Array): MalformedFrameError {
  let thrown: unknown;
  try {
    decodeClientFrame(bytes);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `frame ${Buffer.from(bytes).toString('hex')} should be refused`).toBeInstanceOf(MalformedFrameError);
  return thrown as MalformedFrameError;
}

/**
 * A hand-built v1 update from `client` whose only struct, (client, 0), names itself as its parent.
 * Y.decodeUpdate parses it; Y.applyUpdate throws halfway through its transaction
 * ("Cannot read properties of undefined (reading 'length')").
 */
function selfParentUpdate(client: number): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1); // one client
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 0); // clock 0
    encoding.writeUint8(e, 0x28); // Item: parentSub present, content ContentAny (8), no origins
    encoding.writeVarUint(e, 0); // parent given as an ID, not a root name
    encoding.writeVarUint(e, client); // parent ID: this very struct
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'x'); // parentSub
    encoding.writeVarUint(e, 1); // one value
    encoding.writeUint8(e, 125); // readAny: integer
    encoding.writeVarInt(e, 1);
    encoding.writeVarUint(e, 0); // empty delete set
  });
}

/** A board-like document with inserts, a delete, nested types and every content kind the model uses. */
function busyDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('schema', 1);
    doc.getMap('meta').set('title', 'Drought in the lowlands');
  });
  const items = doc.getMap<Y.Map<unknown>>('items');
  for (let i = 0; i < 5; i++) {
    const card = new Y.Map<unknown>();
    items.set(`card${i}`, card);
    card.set('kind', 'threat');
    card.set('x', i * 10.5);
    card.set('y', -i);
    card.set('dimensions', ['food', 'economic']);
    card.set('text', new Y.Text(`card ${i} ✓ ünïcödé`));
  }
  items.delete('card3');
  const text = items.get('card1')?.get('text');
  if (text instanceof Y.Text) {
    text.insert(0, 'edited: ');
    text.delete(2, 3);
    text.format(0, 4, { bold: true });
  }
  doc.getArray('order').insert(0, [1, 'two', { three: 3 }, null, true, new Uint8Array([1, 2, 3])]);
  return doc;
}

// ---------------------------------------------------------------------------------------------

describe('decodeClientFrame accepts what the stock client sends', () => {
  let doc: Y.Doc;
  beforeAll(() => {
    doc = busyDoc();
  });

  it('sync step 1 (empty and non-empty state vectors)', () => {
    for (const d of [new Y.Doc(), doc]) {
      const message = decodeClientFrame(stockSyncStep1(d));
      expect(message.type).toBe('sync-step1');
      if (message.type !== 'sync-step1') return;
      expect(message.stateVector).toEqual(Y.encodeStateVector(d));
    }
  });

  it('sync step 2, whole and relative to a state vector', () => {
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    peer.getMap('items').set('late', 'entry');
    for (const bytes of [stockSyncStep2(doc), stockSyncStep2(peer, Y.encodeStateVector(doc)), stockSyncStep2(new Y.Doc())]) {
      const message = decodeClientFrame(bytes);
      expect(message.type).toBe('sync-step2');
    }
    const message = decodeClientFrame(stockSyncStep2(doc));
    if (message.type !== 'sync-step2') throw new Error('expected step 2');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, message.update);
    expect(copy.getMap('items').toJSON()).toEqual(doc.getMap('items').toJSON());
  });

  it('every update a document emits, including deletes and formatting', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const items = source.getMap<Y.Map<unknown>>('items');
    const card = new Y.Map<unknown>();
    items.set('a', card);
    const text = new Y.Text('hello');
    card.set('text', text);
    text.insert(5, ' world');
    text.delete(0, 1);
    text.format(0, 3, { italic: true });
    items.delete('a');
    source.getArray('list').push([new Uint8Array([9]), { nested: [1, 2] }]);
    expect(updates.length).toBeGreaterThan(5);
    const replica = new Y.Doc();
    for (const update of updates) {
      const message = decodeClientFrame(stockUpdate(update));
      expect(message.type).toBe('sync-update');
      if (message.type !== 'sync-update') return;
      expect(message.update).toEqual(update);
      Y.applyUpdate(replica, message.update);
    }
    expect(replica.getArray('list').toJSON()).toEqual(source.getArray('list').toJSON());
  });

  it('awareness: a state, several states, and a removal (null state)', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Amina', color: '#e91e63' }, cursor: { x: 12.5, y: -40 } });
    const own = awareness.clientID;
    const message = decodeClientFrame(stockAwareness(awareness, [own]));
    expect(message.type).toBe('awareness');
    if (message.type !== 'awareness') return;
    expect(message.entries).toHaveLength(1);
    expect(message.entries[0]).toMatchObject({ clientID: own, clock: 1, state: { user: { name: 'Amina', color: '#e91e63' }, cursor: { x: 12.5, y: -40 } } });

    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalState({ user: { name: 'Ben', color: '#00f' } });
    awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), 'test');
    const both = decodeClientFrame(stockAwareness(awareness, [own, other.clientID]));
    if (both.type !== 'awareness') throw new Error('expected awareness');
    expect(both.entries.map((entry) => entry.clientID).sort()).toEqual([own, other.clientID].sort());

    // What the stock client sends when it disconnects: its own entry with a null state.
    const removal = decodeClientFrame(stockAwareness(awareness, [own], new Map()));
    if (removal.type !== 'awareness') throw new Error('expected awareness');
    expect(removal.entries).toEqual([{ clientID: own, clock: expect.any(Number), state: null }]);
    awareness.destroy();
    other.destroy();
  });

  it('query-awareness', () => {
    expect(decodeClientFrame(stockQueryAwareness())).toEqual({ type: 'query-awareness' });
  });

  it('frames that are views into a larger buffer (as ws hands them over) decode the same', () => {
    for (const bytes of [stockSyncStep1(doc), stockSyncStep2(doc), stockQueryAwareness()]) {
      const pooled = Buffer.concat([Buffer.from([7, 7, 7]), Buffer.from(bytes), Buffer.from([9, 9])]);
      const view = pooled.subarray(3, 3 + bytes.length);
      expect(view.byteOffset).toBeGreaterThan(0);
      expect(decodeClientFrame(view)).toEqual(decodeClientFrame(bytes));
    }
  });

  it('the package encoders agree with the stock ones', () => {
    const update = Y.encodeStateAsUpdate(doc);
    const sv = Y.encodeStateVector(doc);
    expect(encodeSyncStep1(sv)).toEqual(stockSyncStep1(doc));
    expect(encodeSyncStep2(update)).toEqual(stockSyncStep2(doc));
    expect(encodeSyncUpdate(update)).toEqual(stockUpdate(update));
  });
});

describe('decodeClientFrame refuses malformed frames with MalformedFrameError', () => {
  let valid: Uint8Array[];
  beforeAll(() => {
    const doc = busyDoc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Amina', color: '#e91e63' } });
    valid = [
      stockSyncStep1(doc),
      stockSyncStep2(doc),
      stockUpdate(Y.encodeStateAsUpdate(doc)),
      stockAwareness(awareness, [awareness.clientID]),
    ];
    awareness.destroy();
  });

  it('an empty frame', () => {
    refuses(new Uint8Array(0));
  });

  it('unknown message types, including auth (2), which only the server sends', () => {
    for (const type of [2, 4, 5, 17, 127, 128, 300, 2 ** 20]) {
      const bytes = frame((e) => {
        encoding.writeVarUint(e, type);
        encoding.writeVarUint8Array(e, new Uint8Array([0]));
      });
      refuses(bytes);
    }
  });

  it('unknown sync steps', () => {
    for (const step of [3, 4, 100, 2 ** 16]) refuses(rawSync(step, new Uint8Array([0, 0])));
  });

  it('every truncation of every valid frame (copies and views on a larger buffer)', () => {
    for (const bytes of valid) {
      for (let length = 0; length < bytes.length; length++) {
        // A copy, and a view whose underlying buffer still holds the rest of the frame: a decoder
        // that reads past the view's end would wrongly accept the second.
        refuses(bytes.slice(0, length));
        refuses(bytes.subarray(0, length));
      }
    }
  });

  it('trailing bytes after a complete message', () => {
    for (const bytes of [...valid, stockQueryAwareness()]) {
      for (const tail of [[0], [1, 2, 3], [255]]) {
        refuses(Uint8Array.from([...bytes, ...tail]));
      }
    }
  });

  it('garbage inside a correctly framed sync update, step 2 and step 1', () => {
    const garbage: number[][] = [
      [255, 255, 255, 255, 255, 255, 255, 255, 255, 255], // a varUint beyond 2^53
      [1, 1, 5, 0, 255], // one client, one struct, then an unknown content ref
      [1, 1, 7, 0, 8, 1, 7, 200, 1, 2, 3], // a struct whose content runs past the end
      [1, 5, 1, 0], // five structs announced, none there
      [0, 3, 1, 1], // a delete set that ends early
      [200, 1, 2],
      [5],
    ];
    for (const payload of garbage) {
      const bytes = Uint8Array.from(payload);
      refuses(rawSync(SyncStep.update, bytes));
      refuses(rawSync(SyncStep.step2, bytes));
    }
    refuses(rawSync(SyncStep.step1, Uint8Array.from([3, 1, 1]))); // a state vector that ends early
    refuses(rawSync(SyncStep.step1, Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255])));
  });

  it('an update that parses but cannot be applied (a struct that is its own parent)', () => {
    // It passes Y.decodeUpdate, yet Y.applyUpdate throws on it halfway through a transaction. The
    // decoder promises that an accepted update applies cleanly, so it must be refused here.
    const update = selfParentUpdate(424242);
    expect(() => Y.applyUpdate(new Y.Doc(), update), 'the fixture itself must be unapplicable').toThrow();
    refuses(rawSync(SyncStep.update, update));
    refuses(rawSync(SyncStep.step2, update));
  });

  it('a sync payload longer than the frame', () => {
    refuses(Uint8Array.from([MessageType.sync, SyncStep.update, 50, 0, 0]));
    refuses(Uint8Array.from([MessageType.awareness, 120, 1, 1, 1]));
  });

  it('bad awareness: invalid JSON, non-object states, wrong counts, trailing bytes', () => {
    refuses(rawAwareness([[1, 1, '{"user": {"name": "Amina"']]));
    refuses(rawAwareness([[1, 1, 'not json at all']]));
    refuses(rawAwareness([[1, 1, '']]));
    refuses(rawAwareness([[1, 1, '42']]));
    refuses(rawAwareness([[1, 1, '"a string"']]));
    refuses(rawAwareness([[1, 1, '[1, 2]']]));
    refuses(rawAwareness([[1, 1, 'true']]));
    refuses(rawAwareness([[1, 1, '{}'], [2, 1, '{']]));
    refuses(rawAwareness([[1, 1, '{}']], [0]));
    // Two entries announced, one present.
    refuses(
      encodeAwarenessFrame(
        frame((e) => {
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, '{}');
        }),
      ),
    );
    // Sanity: the same helper builds frames that are accepted.
    expect(decodeClientFrame(rawAwareness([[1, 1, '{"user":{"name":"A","color":"#000"}}'], [2, 3, 'null']])).type).toBe('awareness');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties. Every decode is timed: the decoder runs on the server's event loop, so a frame
// that takes long to refuse is as bad as one that crashes it.

const MAX_DECODE_MS = 500;

type Outcome = { readonly kind: 'ok'; readonly message: ClientMessage } | { readonly kind: 'refused' };

/** Decodes, failing the property on any throw other than MalformedFrameError or on a slow decode. */
function decodeWithin(bytes: Uint8Array): Outcome {
  const start = performance.now();
  let outcome: Outcome;
  try {
    outcome = { kind: 'ok', message: decodeClientFrame(bytes) };
  } catch (error) {
    if (!(error instanceof MalformedFrameError)) {
      throw new Error(`decodeClientFrame threw ${String(error)} (not a MalformedFrameError)`);
    }
    outcome = { kind: 'refused' };
  }
  const elapsed = performance.now() - start;
  if (elapsed > MAX_DECODE_MS) throw new Error(`decoding ${bytes.length} bytes took ${elapsed.toFixed(0)} ms`);
  return outcome;
}

/** What the server does with an accepted frame must not throw either: the decoder promises that. */
function applyAccepted(message: ClientMessage, target: Y.Doc): void {
  switch (message.type) {
    case 'sync-step1':
      Y.encodeStateAsUpdate(target, message.stateVector);
      break;
    case 'sync-step2':
    case 'sync-update':
      Y.applyUpdate(target, message.update);
      break;
    case 'awareness': {
      const awareness = new awarenessProtocol.Awareness(new Y.Doc());
      awarenessProtocol.applyAwarenessUpdate(awareness, message.update, 'fuzz');
      awareness.destroy();
      break;
    }
    case 'query-awareness':
      break;
  }
}

type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'insert'; readonly at: number; readonly value: number }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'truncate'; readonly at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 2, 3, 4, 127, 128, 255) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  const bytes = Array.from(source);
  for (const m of mutations) {
    if (bytes.length === 0) break;
    const at = m.at % bytes.length;
    switch (m.op) {
      case 'flip':
        bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
        break;
      case 'set':
        bytes[at] = m.value;
        break;
      case 'insert':
        bytes.splice(at, 0, m.value);
        break;
      case 'delete':
        bytes.splice(at, 1);
        break;
      case 'truncate':
        bytes.length = at;
        break;
    }
  }
  return Uint8Array.from(bytes);
}

describe('decodeClientFrame is total', () => {
  let seeds: Uint8Array[];
  let target: Y.Doc;
  beforeAll(() => {
    const doc = busyDoc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Amina', color: '#e91e63' }, cursor: { x: 1, y: 2 } });
    const updates: Uint8Array[] = [];
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => updates.push(update));
    const card = new Y.Map<unknown>();
    source.getMap('items').set('x', card);
    card.set('text', new Y.Text('abc'));
    source.getMap('items').delete('x');
    seeds = [
      stockSyncStep1(doc),
      stockSyncStep2(doc),
      stockSyncStep2(new Y.Doc()),
      stockUpdate(Y.encodeStateAsUpdate(doc)),
      ...updates.map(stockUpdate),
      stockAwareness(awareness, [awareness.clientID]),
      stockAwareness(awareness, [awareness.clientID], new Map()),
      stockQueryAwareness(),
    ];
    awareness.destroy();
    target = busyDoc();
  });

  it('random bytes: returns or throws MalformedFrameError, quickly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        decodeWithin(bytes);
      }),
      { numRuns: 5000 },
    );
  });

  it('random bytes behind each valid type prefix', () => {
    const prefixes = [[0, 0], [0, 1], [0, 2], [1], [3], [0]];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 256 }), (prefix, tail) => {
        decodeWithin(Uint8Array.from([...prefix, ...tail]));
      }),
      { numRuns: 5000 },
    );
  });

  it('random payloads in valid sync framing: refused, or an update that applies cleanly', () => {
    fc.assert(
      fc.property(fc.constantFrom(SyncStep.step1, SyncStep.step2, SyncStep.update), fc.uint8Array({ maxLength: 256 }), (step, payload) => {
        const outcome = decodeWithin(rawSync(step, payload));
        if (outcome.kind === 'ok') applyAccepted(outcome.message, new Y.Doc());
      }),
      { numRuns: 5000 },
    );
  });

  it('mutated valid frames: refused, or accepted and safe to apply', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        const seed = seeds[which % seeds.length];
        if (!seed) throw new Error('no seed frames');
        const bytes = mutate(seed, mutations);
        const outcome = decodeWithin(bytes);
        if (outcome.kind === 'ok') {
          applyAccepted(outcome.message, new Y.Doc());
          // Also against a document that already holds the board, as on the server.
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(target));
          applyAccepted(outcome.message, copy);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('a frame of 1 MiB of noise is refused quickly', () => {
    const noise = new Uint8Array(1024 * 1024);
    for (let i = 0; i < noise.length; i += 65536) globalThis.crypto.getRandomValues(noise.subarray(i, i + 65536));
    for (const prefix of [[0, 2], [0, 1], [1], [9]]) {
      const bytes = new Uint8Array(noise.length + prefix.length);
      bytes.set(prefix);
      bytes.set(noise, prefix.length);
      decodeWithin(bytes);
    }
  });
});

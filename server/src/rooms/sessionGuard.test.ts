// The session guard's decision, on updates made the way clients make them: a room's doc, a
// client's copy of it, one change on the client, and the update that change produced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SESSION_ROOT, rootTouch, touchesRoot } from './sessionGuard.js';

/** A room's doc with a card and a facilitator-set session, and a client in sync with it. */
function setup(): { room: Y.Doc; client: Y.Doc } {
  const facilitator = new Y.Doc();
  facilitator.transact(() => {
    const card = new Y.Map<unknown>();
    facilitator.getMap('items').set('card', card);
    card.set('x', 1);
    card.set('y', 2);
    card.set('text', new Y.Text('hello'));
    const session = facilitator.getMap('session');
    session.set('phase', 'analysis');
    session.set('locked', false);
    const focus = new Y.Map<unknown>();
    session.set('focus', focus);
    focus.set('x', 0);
    focus.set('zoom', 1);
  });
  const room = new Y.Doc();
  Y.applyUpdate(room, Y.encodeStateAsUpdate(facilitator));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  return { room, client };
}

/** The update one change on `doc` produces, as the client sends it in a sync update message. */
function change(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array): void => void updates.push(update);
  doc.on('update', capture);
  doc.transact(() => edit(doc));
  doc.off('update', capture);
  return Y.mergeUpdates(updates);
}

const card = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('items').get('card') as Y.Map<unknown>;
const focus = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('session').get('focus') as Y.Map<unknown>;

describe('touchesRoot(doc, update, "session")', () => {
  it('lets through an edit that raced the deletion of its card (Yjs collects it), and the doc applies it cleanly', () => {
    const { room, client } = setup();
    // Someone else deleted the card, and the room's doc collected its content...
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(room));
    Y.applyUpdate(room, change(deleter, (doc) => doc.getMap('items').delete('card')));
    // ...while this participant gave it a field it did not have yet.
    const update = change(client, (doc) => card(doc).set('color', '#ff0000'));
    expect(rootTouch(room, update, SESSION_ROOT)).toEqual({ touches: false });
    Y.applyUpdate(room, update);
    expect(room.store.pendingStructs).toBeNull();
    expect(room.getMap('items').has('card')).toBe(false);
  });

  it('lets through an edit of a focus map the facilitator deleted meanwhile: it changes nothing', () => {
    const { room, client } = setup();
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(room));
    Y.applyUpdate(room, change(facilitator, (doc) => doc.getMap('session').delete('focus')));
    const update = change(client, (doc) => focus(doc).set('y', 5));
    expect(rootTouch(room, update, SESSION_ROOT)).toEqual({ touches: false });
    Y.applyUpdate(room, update);
    expect(room.getMap('session').has('focus')).toBe(false);
  });

  it('sees a key set in session', () => {
    const { room, client } = setup();
    const update = change(client, (doc) => doc.getMap('session').set('timerEndsAt', 1_700_000_000_000));
    expect(touchesRoot(room, update, SESSION_ROOT)).toBe(true);
    expect(rootTouch(room, update, SESSION_ROOT)).toEqual({ touches: true, reason: 'changes' });
  });

  it('sees a key overwritten in session, whose parent the update leaves to be inferred from the old value (origin)', () => {
    const { room, client } = setup();
    const update = change(client, (doc) => doc.getMap('session').set('phase', 'voting'));
    // The new item's parent is not written: Yjs takes it from its origin, the old value, in the room's doc.
    const [item] = Y.decodeUpdate(update).structs;
    expect(item instanceof Y.Item && item.parent === null && item.origin !== null).toBe(true);
    expect(touchesRoot(room, update, SESSION_ROOT)).toBe(true);
  });

  it('sees a key deleted from session: a delete set naming an item that only the room’s doc has', () => {
    const { room, client } = setup();
    const update = change(client, (doc) => doc.getMap('session').delete('phase'));
    expect(Y.decodeUpdate(update).structs).toHaveLength(0);
    expect(touchesRoot(room, update, SESSION_ROOT)).toBe(true);
  });

  it('sees changes inside a Y.Map nested in session, and a nested map created in the update', () => {
    const { room, client } = setup();
    expect(touchesRoot(room, change(client, () => focus(client).set('zoom', 2)), SESSION_ROOT)).toBe(true);
    expect(touchesRoot(room, change(client, () => focus(client).set('y', 40)), SESSION_ROOT)).toBe(true);
    expect(touchesRoot(room, change(client, () => focus(client).delete('x')), SESSION_ROOT)).toBe(true);
    const fresh = setup();
    const created = change(fresh.client, (doc) => {
      const inner = new Y.Map<unknown>();
      doc.getMap('session').set('breakout', inner);
      inner.set('rooms', 3);
    });
    expect(touchesRoot(fresh.room, created, SESSION_ROOT)).toBe(true);
  });

  it('sees session in an update that mostly edits cards', () => {
    const { room, client } = setup();
    const update = change(client, (doc) => {
      card(doc).set('x', 100);
      (card(doc).get('text') as Y.Text).insert(5, ' world');
      doc.getMap('items').set('another', new Y.Map());
      doc.getMap('session').set('locked', true);
      doc.getMap('links').set('l', new Y.Map());
    });
    expect(touchesRoot(room, update, SESSION_ROOT)).toBe(true);
  });

  it('lets through updates that touch only the board: moves, text, new and deleted cards, links, meta', () => {
    const { room, client } = setup();
    const edits: Array<(doc: Y.Doc) => void> = [
      (doc) => {
        card(doc).set('x', 10);
        card(doc).set('y', 20);
      },
      (doc) => (card(doc).get('text') as Y.Text).insert(0, 'oh, '),
      (doc) => (card(doc).get('text') as Y.Text).delete(0, 3),
      (doc) => {
        const added = new Y.Map<unknown>();
        doc.getMap('items').set('new', added);
        added.set('text', new Y.Text('new card'));
      },
      (doc) => doc.getMap('items').delete('new'),
      (doc) => doc.getMap('links').set('link', new Y.Map()),
      (doc) => doc.getMap('meta').set('title', 'Renamed'),
    ];
    for (const edit of edits) {
      const update = change(client, edit);
      expect(rootTouch(room, update, SESSION_ROOT)).toEqual({ touches: false });
      Y.applyUpdate(room, update);
    }
  });

  it('takes a participant’s sync step 2 for what it is: the facilitator’s old session deletions in it are no change', () => {
    const { room, client } = setup();
    // The facilitator overwrites session values: each overwrite deletes the old item.
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(room));
    Y.applyUpdate(room, change(facilitator, (doc) => doc.getMap('session').set('phase', 'planning')));
    Y.applyUpdate(room, change(facilitator, () => focus(facilitator).set('zoom', 3)));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    // The participant edits offline, then reconnects: its step 2 is the diff against the room's state vector.
    card(client).set('x', 500);
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(rootTouch(room, step2, SESSION_ROOT)).toEqual({ touches: false });
    // The same step 2 with a session change of its own is refused.
    client.getMap('session').set('phase', 'voting');
    expect(touchesRoot(room, Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)), SESSION_ROOT)).toBe(true);
  });

  it('ignores what the room already has: a session change re-sent is no change', () => {
    const { room } = setup();
    expect(touchesRoot(room, Y.encodeStateAsUpdate(room), SESSION_ROOT)).toBe(false);
  });

  it('follows a long chain of origins without recursion (a paragraph typed at both ends)', () => {
    const { room, client } = setup();
    /** Characters typed one transaction each, alternately at the start and the end (a chain of thousands of structs), sent as a step 2. */
    const typed = (text: Y.Text): Uint8Array => {
      for (let i = 0; i < 4_000; i++) text.insert(i % 2 === 0 ? 0 : text.length, 'a');
      return Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    };
    const onCard = typed(card(client).get('text') as Y.Text);
    expect(Y.decodeUpdate(onCard).structs.length).toBeGreaterThan(2_000);
    expect(touchesRoot(room, onCard, SESSION_ROOT)).toBe(false);
    Y.applyUpdate(room, onCard);
    const notes = new Y.Text();
    const created = change(client, (doc) => doc.getMap('session').set('notes', notes));
    Y.applyUpdate(room, created);
    // Only the first character's parent is the new text; every other one's is inferred through its neighbours.
    expect(touchesRoot(room, typed(notes), SESSION_ROOT)).toBe(true);
  });

  it('fails closed on what it cannot decide: a missing origin, a deletion of unknown clocks, garbage', () => {
    const { room, client } = setup();
    // A client whose earlier update the room never got: the later one depends on it.
    const lost = change(client, (doc) => doc.getMap('items').set('lost', 1));
    const dependent = change(client, (doc) => doc.getMap('items').set('lost', 2));
    expect(rootTouch(room, dependent, SESSION_ROOT)).toEqual({ touches: true, reason: 'undecidable' });
    Y.applyUpdate(room, lost);
    expect(touchesRoot(room, dependent, SESSION_ROOT)).toBe(false);
    // Deleting clocks of a client the room has never heard of (they could be a future session item).
    const ds = new Y.Doc();
    ds.clientID = 424242;
    ds.getMap('items').set('a', 1);
    const deleting = change(ds, (doc) => doc.getMap('items').delete('a'));
    expect(rootTouch(room, deleting, SESSION_ROOT)).toEqual({ touches: true, reason: 'undecidable' });
    expect(rootTouch(room, new Uint8Array([1, 2, 3]), SESSION_ROOT)).toEqual({ touches: true, reason: 'undecidable' });
  });

  it('never lets through a change of session (property: when it says no, applying leaves session as it was)', () => {
    type Op = { target: 'session' | 'focus' | 'card' | 'items'; key: string; value: number | null };
    const op = fc.record({
      target: fc.constantFrom<Op['target']>('session', 'focus', 'card', 'items'),
      key: fc.constantFrom('phase', 'x', 'zoom', 'k'),
      value: fc.option(fc.integer({ min: 0, max: 3 })),
    });
    fc.assert(
      fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (transactions) => {
        const { room, client } = setup();
        for (const ops of transactions) {
          const update = change(client, (doc) => {
            for (const { target, key, value } of ops) {
              const map = target === 'session' ? doc.getMap('session') : target === 'focus' ? focus(doc) : target === 'card' ? card(doc) : doc.getMap('items');
              if (value === null) map.delete(key);
              else map.set(key, value);
            }
          });
          const before = JSON.stringify(room.getMap('session').toJSON());
          const touched = touchesRoot(room, update, SESSION_ROOT);
          const touchesSession = ops.some(({ target }) => target === 'session' || target === 'focus');
          Y.applyUpdate(room, update);
          if (!touched) expect(JSON.stringify(room.getMap('session').toJSON())).toBe(before);
          if (JSON.stringify(room.getMap('session').toJSON()) !== before) expect(touched).toBe(true);
          // Only session ops count: a board-only transaction is never refused.
          if (!touchesSession) expect(touched).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// The Redis bus on a real Redis that this file starts: two buses stand for two nodes. What a room
// relies on: nothing published after `subscribed` is missed (it is buffered until the room is
// attached), a node never hears itself, and leaving and joining again (a room unloaded and
// reloaded) keeps the channel working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardChannel, RemoteBoard } from '../../server/src/scaleout/bus.js';
import { RedisBus } from '../../server/src/scaleout/redisBus.js';
import { eventually } from '../support/clients.js';
import { startRedis, type RunningService } from '../support/services.js';

/** A room stand-in that writes down what reaches it. */
function recorder(): RemoteBoard & { readonly heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    applyRemoteUpdate: (update) => heard.push(`update:${[...update].join(',')}`),
    applyRemoteAwareness: (update) => heard.push(`awareness:${[...update].join(',')}`),
    answerAwarenessQuery: () => heard.push('query'),
    catchUp: () => heard.push('catch-up'),
  };
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('RedisBus', () => {
  let redis: RunningService;
  let nodeA: RedisBus;
  let nodeB: RedisBus;

  beforeAll(async () => {
    redis = await startRedis();
    [nodeA, nodeB] = await Promise.all([RedisBus.connect(redis.url, log), RedisBus.connect(redis.url, log)]);
  });
  afterAll(async () => {
    await Promise.allSettled([nodeA?.close(), nodeB?.close()]);
    await redis?.stop();
  });

  it('buffers what arrives between subscribing and attaching, then delivers it in order; never echoes a node to itself', async () => {
    const onA = nodeA.join('board-1');
    const onB = nodeB.join('board-1');
    await Promise.all([onA.subscribed, onB.subscribed]);
    const roomB = recorder();
    const roomA = recorder();
    onA.attach(roomA);
    onA.publishUpdate(new Uint8Array([1]));
    onA.publishAwareness(new Uint8Array([2]));
    onA.queryAwareness();
    // B is still "loading": give the messages time to arrive, then attach.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(roomB.heard).toEqual([]);
    onB.attach(roomB);
    expect(roomB.heard).toEqual(['update:1', 'awareness:2', 'query']);
    onB.publishUpdate(new Uint8Array([3]));
    await eventually(() => roomA.heard.length === 1, 'A hears B');
    expect(roomA.heard).toEqual(['update:3']);
    onA.leave();
    onB.leave();
  });

  it('keeps boards apart, and survives a room leaving and joining again', async () => {
    const other = nodeB.join('board-2');
    const otherRoom = recorder();
    let onB: BoardChannel = nodeB.join('board-3');
    const sender = nodeA.join('board-3');
    await Promise.all([other.subscribed, onB.subscribed, sender.subscribed]);
    other.attach(otherRoom);
    let room = recorder();
    onB.attach(room);
    sender.publishUpdate(new Uint8Array([4]));
    await eventually(() => room.heard.length === 1, 'B hears board-3');

    // Unloaded and loaded again at once: the old membership's UNSUBSCRIBE and the new one's
    // SUBSCRIBE cross on the wire; the new room must still hear everything.
    onB.leave();
    onB = nodeB.join('board-3');
    await onB.subscribed;
    room = recorder();
    onB.attach(room);
    sender.publishUpdate(new Uint8Array([5]));
    await eventually(() => room.heard.length === 1, 'the reloaded room hears board-3');
    expect(room.heard).toEqual(['update:5']);
    expect(otherRoom.heard).toEqual([]);
    for (const channel of [other, onB, sender]) channel.leave();
  });
});

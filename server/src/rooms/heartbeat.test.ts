import { MessageType } from '@interlink/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { KEEP_ALIVE_FRAME, startHeartbeat, type HeartbeatSocket } from './heartbeat.js';

class FakeSocket implements HeartbeatSocket {
  readonly OPEN = 1;
  readyState = 1;
  pings = 0;
  terminated = false;
  readonly sent: Uint8Array[] = [];
  private pongListener: (() => void) | undefined;

  ping(): void {
    this.pings += 1;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  on(_event: 'pong', listener: () => void): void {
    this.pongListener = listener;
  }
  pong(): void {
    this.pongListener?.();
  }
}

describe('startHeartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings and sends a keep-alive every interval while the peer answers', () => {
    const socket = new FakeSocket();
    const stop = startHeartbeat(socket, 1_000);
    for (let beat = 1; beat <= 5; beat++) {
      vi.advanceTimersByTime(1_000);
      expect(socket.pings).toBe(beat);
      expect(socket.sent).toHaveLength(beat);
      socket.pong();
    }
    expect(socket.terminated).toBe(false);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(socket.pings).toBe(5);
  });

  it('terminates a peer that left a ping unanswered for a whole interval (a half-open connection)', () => {
    const socket = new FakeSocket();
    startHeartbeat(socket, 1_000);
    vi.advanceTimersByTime(1_000);
    socket.pong();
    vi.advanceTimersByTime(1_000);
    // No pong this time: the network went away.
    vi.advanceTimersByTime(999);
    expect(socket.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(socket.terminated).toBe(true);
    // Once terminated, it stops beating.
    vi.advanceTimersByTime(5_000);
    expect(socket.pings).toBe(2);
  });

  it('the keep-alive is an awareness frame that changes nothing for the stock client', () => {
    const decoder = decoding.createDecoder(KEEP_ALIVE_FRAME);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
    const update = decoding.readVarUint8Array(decoder);
    const awareness = new Awareness(new Y.Doc());
    const events: unknown[] = [];
    awareness.on('change', (change: unknown) => events.push(change));
    awareness.on('update', (change: unknown) => events.push(change));
    // What y-websocket does with an awareness frame.
    applyAwarenessUpdate(awareness, update, 'server');
    expect(events).toEqual([]);
    expect([...awareness.getStates().keys()]).toEqual([awareness.clientID]);
    awareness.destroy();
  });
});

// JitteredReconnect against the real y-websocket provider, on a fake socket whose opening and
// closing the test controls, so that the provider's own reconnection timer runs too and can be
// seen to open nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { FakeSocket } from '../testing/fakeSocket.js';
import { JitteredReconnect, type LinkState, type NetworkStatus } from './reconnect.js';

class FakeNetwork implements NetworkStatus {
  online = true;
  private listener: ((online: boolean) => void) | undefined;
  subscribe(listener: (online: boolean) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  set(online: boolean): void {
    this.online = online;
    this.listener?.(online);
  }
}

const policy = { baseMs: 500, capMs: 10_000 };

interface Harness {
  provider: WebsocketProvider;
  reconnect: JitteredReconnect;
  states: LinkState[];
  /** The sockets this provider opened, oldest first. */
  sockets(): FakeSocket[];
  latest(): FakeSocket;
}

describe('JitteredReconnect', () => {
  const cleanup: Array<() => void> = [];

  function harness(random: () => number, network?: FakeNetwork): Harness {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://test/sync', `board-${cleanup.length}`, doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    const states: LinkState[] = [];
    const reconnect = new JitteredReconnect(provider, { policy, random, network, onChange: (state) => states.push(state) });
    cleanup.push(() => {
      reconnect.stop();
      provider.destroy();
      doc.destroy();
    });
    const mine = (): FakeSocket[] => FakeSocket.opened.filter((socket) => socket.url.includes(`/${provider.roomname}`));
    return {
      provider,
      reconnect,
      states,
      sockets: mine,
      latest: () => {
        const last = mine().at(-1);
        if (!last) throw new Error('no socket opened');
        return last;
      },
    };
  }

  async function connected(h: Harness): Promise<void> {
    h.reconnect.start();
    h.latest().accept();
    h.latest().sync();
    expect(h.provider.synced).toBe(true);
  }

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
  });
  afterEach(() => {
    for (const dispose of cleanup.splice(0)) dispose();
    vi.useRealTimers();
  });

  it('retries after a random delay within the first window, and the provider’s own 200 ms retry opens nothing', async () => {
    const h = harness(() => 0.9);
    await connected(h);
    h.latest().drop();
    expect(h.reconnect.state).toMatchObject({ phase: 'waiting', attempt: 1, nextAttemptAt: Date.now() + 450 });
    // The stock provider would reconnect after 200 ms.
    vi.advanceTimersByTime(449);
    expect(h.sockets()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(h.sockets()).toHaveLength(2);
    expect(h.reconnect.state.phase).toBe('connecting');
    // And nothing else opens a third one behind it.
    vi.advanceTimersByTime(5_000);
    expect(h.sockets()).toHaveLength(2);
  });

  it('spreads a herd: after one server restart, 20 clients retry at 20 different instants', async () => {
    let draw = 0;
    // Evenly spread "random" draws: each client gets its own.
    const clients = Array.from({ length: 20 }, () => harness(() => (draw++ % 20) / 20 + 0.01));
    for (const client of clients) await connected(client);
    for (const client of clients) client.latest().drop();
    vi.advanceTimersByTime(policy.baseMs);
    const retriedAt = clients.map((client) => client.sockets()[1]?.createdAt);
    expect(retriedAt.every((at) => at !== undefined)).toBe(true);
    expect(new Set(retriedAt).size).toBe(20);
  });

  it('widens the window after each failed attempt, up to the cap, and starts over after a sync', async () => {
    const h = harness(() => 0.999);
    await connected(h);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      h.latest().drop();
      const before = h.sockets().length;
      const delay = (h.reconnect.state.nextAttemptAt ?? Number.NaN) - Date.now();
      delays.push(delay);
      vi.advanceTimersByTime(delay - 1);
      expect(h.sockets()).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(h.sockets()).toHaveLength(before + 1);
    }
    expect(delays).toEqual([500, 999, 1_998, 3_996, 7_992, 9_990, 9_990]);
    // This attempt succeeds; the next loss is a first failure again.
    h.latest().accept();
    h.latest().sync();
    expect(h.reconnect.state).toMatchObject({ phase: 'connected', attempt: 0 });
    h.latest().drop();
    expect(h.reconnect.state.nextAttemptAt).toBe(Date.now() + 500);
  });

  it('a server that accepts and closes at once is backed off as if it refused (reset on sync, not on open)', async () => {
    const h = harness(() => 0.999);
    await connected(h);
    h.latest().drop();
    vi.advanceTimersByTime(500);
    h.latest().accept();
    h.latest().drop();
    expect(h.reconnect.state.attempt).toBe(2);
    expect(h.reconnect.state.nextAttemptAt).toBe(Date.now() + 999);
  });

  it('stops for good on a 44xx close and says so', async () => {
    const h = harness(() => 0.5);
    await connected(h);
    h.latest().drop(4401);
    expect(h.reconnect.state).toMatchObject({ phase: 'refused', closeCode: 4401 });
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(1);
  });

  it('stops when told to, and a disconnect on purpose is not retried', async () => {
    const network = new FakeNetwork();
    const h = harness(() => 0.5, network);
    await connected(h);
    h.provider.disconnect();
    expect(h.reconnect.state.phase).toBe('stopped');
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(1);

    h.reconnect.start();
    expect(h.sockets()).toHaveLength(2);
    h.provider.disconnect();
    // The network coming back does not undo a disconnect on purpose.
    network.set(false);
    network.set(true);
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(2);
    h.reconnect.start();
    expect(h.sockets()).toHaveLength(3);
    h.latest().drop();
    h.reconnect.stop();
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(3);
    expect(h.reconnect.state.phase).toBe('stopped');
  });

  it('offline, it closes the socket at once, tries nothing until the network returns, then retries soon', async () => {
    const network = new FakeNetwork();
    const h = harness(() => 0.5, network);
    await connected(h);
    network.set(false);
    // Not left open until a heartbeat notices: closed now, and said so.
    expect(h.latest().readyState).toBe(FakeSocket.CLOSED);
    expect(h.provider.ws).toBeNull();
    expect(h.reconnect.state).toMatchObject({ phase: 'offline', online: false, nextAttemptAt: undefined });
    vi.advanceTimersByTime(120_000);
    expect(h.sockets()).toHaveLength(1);
    network.set(true);
    // Back online: within the first window (250 ms with this random source).
    expect(h.reconnect.state).toMatchObject({ phase: 'waiting', online: true, nextAttemptAt: Date.now() + 250 });
    vi.advanceTimersByTime(250);
    expect(h.sockets()).toHaveLength(2);
    h.latest().accept();
    expect(h.reconnect.state.phase).toBe('connected');
  });

  it('offline while waiting for a retry, it cancels the retry; a socket that fails while offline is not retried', async () => {
    const network = new FakeNetwork();
    const h = harness(() => 0.5, network);
    await connected(h);
    h.latest().drop();
    expect(h.reconnect.state.phase).toBe('waiting');
    network.set(false);
    expect(h.reconnect.state).toMatchObject({ phase: 'offline', nextAttemptAt: undefined });
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(1);
    network.set(true);
    vi.advanceTimersByTime(250);
    expect(h.sockets()).toHaveLength(2);
    // navigator.onLine said online, but the attempt fails and the browser then reports offline.
    network.online = false;
    h.latest().drop();
    expect(h.reconnect.state).toMatchObject({ phase: 'offline', nextAttemptAt: undefined });
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(2);
  });

  it('started offline (a board reopened from this browser’s copy), it opens no socket until the network returns', () => {
    const network = new FakeNetwork();
    network.online = false;
    const h = harness(() => 0.5, network);
    h.reconnect.start();
    expect(h.sockets()).toHaveLength(0);
    expect(h.reconnect.state).toMatchObject({ phase: 'offline', online: false });
    network.set(true);
    vi.advanceTimersByTime(250);
    expect(h.sockets()).toHaveLength(1);
  });

  it('a refusal stays a refusal when the network comes and goes', async () => {
    const network = new FakeNetwork();
    const h = harness(() => 0.5, network);
    await connected(h);
    h.latest().drop(4401);
    network.set(false);
    network.set(true);
    vi.advanceTimersByTime(60_000);
    expect(h.sockets()).toHaveLength(1);
    expect(h.reconnect.state).toMatchObject({ phase: 'refused', online: true });
  });

  it('on reconnection, sends our presence with a newer clock, which the server and peers accept at once', async () => {
    const h = harness(() => 0.5);
    h.provider.awareness.setLocalState({ user: { name: 'Amina', color: '#e91e63' } });
    await connected(h);
    const clockBefore = h.provider.awareness.meta.get(h.provider.doc.clientID)?.clock ?? 0;
    h.latest().drop();
    vi.advanceTimersByTime(250);
    h.latest().accept();
    // The awareness frames the new socket sent, as [clientID, clock] of each entry.
    const announced = h.latest().awarenessSent().flat();
    expect(announced).toContainEqual([h.provider.doc.clientID, clockBefore + 1]);
  });

  it('reports each step for the status indicator', async () => {
    const h = harness(() => 0.5);
    await connected(h);
    h.latest().drop();
    vi.advanceTimersByTime(250);
    h.latest().accept();
    const phases = h.states.map((state) => state.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['connecting', 'connected', 'waiting', 'connecting', 'connected']);
  });
});

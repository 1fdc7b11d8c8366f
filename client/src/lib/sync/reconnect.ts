// Reconnects a y-websocket provider with jittered backoff (backoff.ts) instead of the provider's
// own lockstep schedule, and says where the link stands, for the status indicator.
//
// How the provider's own reconnection is kept out (y-websocket 3.1, src/y-websocket.js): when a
// socket closes, `closeWebsocketConnection` first emits 'connection-close', synchronously, and
// only then schedules its `setupWS`, which opens nothing unless `provider.shouldConnect` is still
// true when it fires. So the 'connection-close' handler here sets `shouldConnect = false` (the
// provider's scheduled attempt becomes a no-op) and schedules its own, which calls
// `provider.connect()`: that sets `shouldConnect` again and opens the socket synchronously. While
// no socket exists `shouldConnect` stays false, so a leftover timer of the provider's can never
// open a second one. This is the very mechanism the provider's own `disconnect()` and its
// permanent closes (44xx) rely on, through public fields only. The other way, tuning
// `maxBackoffTime`, cannot jitter: the provider waits min(100 ms * 2^n, maxBackoffTime), the same
// instants for every client.
import type { WebsocketProvider } from 'y-websocket';
import { Backoff, type BackoffPolicy, DEFAULT_BACKOFF, type RandomSource } from './backoff.js';

export type LinkPhase =
  /** A socket is opening: the first connection, or a retry. */
  | 'connecting'
  /** The socket is open (the first sync may still be on its way). */
  | 'connected'
  /** The connection was lost; the next attempt starts at `nextAttemptAt`. */
  | 'waiting'
  /**
   * The browser reports no network: no socket, and no attempt until it returns (the 'online'
   * event), as an attempt without any network interface cannot succeed.
   */
  | 'offline'
  /** The server refused us with a 44xx close (bad token, forbidden): retrying cannot help. */
  | 'refused'
  /** Disconnected on purpose (provider.disconnect(), or stop()). */
  | 'stopped';

export interface LinkState {
  readonly phase: LinkPhase;
  /** Failed attempts since the last successful sync. */
  readonly attempt: number;
  /** While waiting: when the next attempt starts (ms since the epoch). */
  readonly nextAttemptAt: number | undefined;
  /** What the browser says (navigator.onLine); true where there is nobody to ask. */
  readonly online: boolean;
  /** While refused: the server's close code. */
  readonly closeCode: number | undefined;
}

/** Whether the device has a network at all, and word when that changes. */
export interface NetworkStatus {
  readonly online: boolean;
  /** Calls `listener` on each change; returns the function that unsubscribes it. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** The slice of a browser window this module reads, without depending on the DOM typings. */
interface BrowserScope {
  readonly navigator?: { readonly onLine?: unknown };
  addEventListener?(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener?(type: 'online' | 'offline', listener: () => void): void;
}

/** navigator.onLine and the window's online/offline events; undefined outside a browser (e.g. Node). */
export function browserNetworkStatus(): NetworkStatus | undefined {
  const scope: BrowserScope = globalThis;
  const { navigator } = scope;
  if (typeof navigator?.onLine !== 'boolean' || !scope.addEventListener || !scope.removeEventListener) return undefined;
  return {
    get online() {
      // onLine false is reliable (no network interface is up); true only means "maybe".
      return navigator.onLine !== false;
    },
    subscribe(listener) {
      const online = (): void => listener(true);
      const offline = (): void => listener(false);
      scope.addEventListener?.('online', online);
      scope.addEventListener?.('offline', offline);
      return () => {
        scope.removeEventListener?.('online', online);
        scope.removeEventListener?.('offline', offline);
      };
    },
  };
}

export interface ReconnectOptions {
  readonly policy?: BackoffPolicy;
  readonly random?: RandomSource;
  /** Defaults to browserNetworkStatus(); undefined (as in Node) means always online. */
  readonly network?: NetworkStatus | undefined;
  /** Called after every change of `state`. */
  readonly onChange?: (state: LinkState) => void;
}

/** What y-websocket hands to 'connection-close': the socket's close event (a DOM CloseEvent). */
type SocketCloseEvent = Parameters<WebsocketProvider['shouldReconnect']>[0];

export class JitteredReconnect {
  #state: LinkState;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  /** True while we close the socket ourselves because the network went away. */
  #closingForOffline = false;
  readonly #backoff: Backoff;
  readonly #network: NetworkStatus | undefined;
  readonly #onChange: ((state: LinkState) => void) | undefined;
  readonly #unsubscribeNetwork: () => void;

  /** Give it a provider made with `connect: false`, then call start(). */
  constructor(
    private readonly provider: WebsocketProvider,
    options: ReconnectOptions = {},
  ) {
    this.#backoff = new Backoff(options.policy ?? DEFAULT_BACKOFF, options.random ?? Math.random);
    this.#network = 'network' in options ? options.network : browserNetworkStatus();
    this.#onChange = options.onChange;
    this.#state = { phase: 'connecting', attempt: 0, nextAttemptAt: undefined, online: this.#network?.online ?? true, closeCode: undefined };
    provider.on('connection-close', this.#onClose);
    provider.on('status', this.#onStatus);
    provider.on('sync', this.#onSync);
    this.#unsubscribeNetwork = this.#network?.subscribe(this.#onNetwork) ?? (() => {});
  }

  get state(): LinkState {
    return this.#state;
  }

  /** Connects now, e.g. at first, or after a refusal once the token was fixed; offline, once the network is back. */
  start(): void {
    this.#stopped = false;
    this.#cancelTimer();
    if (this.#network?.online === false) {
      // E.g. a board reopened offline from this browser's copy: no attempt, no failed socket.
      this.#update({ phase: 'offline', online: false, nextAttemptAt: undefined, closeCode: undefined });
      return;
    }
    this.#update({ phase: 'connecting', nextAttemptAt: undefined, closeCode: undefined });
    this.provider.connect();
  }

  /** Stops retrying and listening. The provider is left as it is: disconnect or destroy it next. */
  stop(): void {
    this.#stopped = true;
    this.#cancelTimer();
    this.provider.off('connection-close', this.#onClose);
    this.provider.off('status', this.#onStatus);
    this.provider.off('sync', this.#onSync);
    this.#unsubscribeNetwork();
    this.#update({ phase: 'stopped', nextAttemptAt: undefined });
  }

  readonly #onClose = (event: SocketCloseEvent | null): void => {
    if (this.#stopped || this.#closingForOffline) return;
    // `provider.disconnect()` clears shouldConnect before it closes: a close on purpose.
    if (!this.provider.shouldConnect) {
      this.#update({ phase: 'stopped', nextAttemptAt: undefined });
      return;
    }
    // The provider's own test (44xx by default): it stops by itself and emits 'closed'.
    if (event !== null && !this.provider.shouldReconnect(event, this.provider)) {
      this.#update({ phase: 'refused', nextAttemptAt: undefined, closeCode: event.code });
      return;
    }
    // A server close, a failed attempt, or the provider's 30 s silence watchdog (event null).
    this.provider.shouldConnect = false;
    this.#schedule(this.#backoff.next());
  };

  readonly #onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    // 'disconnected' follows 'connection-close', which has already said what happens next.
    if (status === 'connecting') this.#update({ phase: 'connecting', nextAttemptAt: undefined });
    else if (status === 'connected') {
      this.#renewPresence();
      this.#update({ phase: 'connected', nextAttemptAt: undefined, closeCode: undefined });
    }
  };

  /**
   * When our connection closed, the server removed our presence, and it and every peer kept
   * the clock of our last state. The provider resends that same state on open, which they
   * ignore as old news (y-protocols applies a state only with a newer clock), so our cursor
   * would stay invisible until the next renewal, up to 15 s later. Setting the state again
   * raises the clock, and the provider sends it at once: 'connected' is emitted with the socket
   * already open.
   */
  #renewPresence(): void {
    const { awareness } = this.provider;
    const state = awareness.getLocalState();
    if (state !== null) awareness.setLocalState(state);
  }

  readonly #onSync = (synced: boolean): void => {
    // Reset on a sync, not on open: a server that accepts and at once closes is backed off too.
    if (!synced) return;
    this.#backoff.reset();
    this.#update({ attempt: 0 });
  };

  readonly #onNetwork = (online: boolean): void => {
    if (this.#stopped) return;
    const { phase } = this.#state;
    // Refused, or disconnected on purpose: the network coming or going changes nothing.
    if (phase === 'refused' || phase === 'stopped') {
      this.#update({ online });
      return;
    }
    if (!online) {
      this.#goOffline();
      return;
    }
    if (phase === 'offline' || phase === 'waiting') {
      // Back online: retry soon, not at the end of a long window; still jittered, because a
      // whole workshop room's wifi comes back at the same moment.
      this.#schedule(this.#backoff.soon(), true);
      return;
    }
    this.#update({ online });
  };

  /**
   * The network went away. A socket may look open for a long time after that (until the
   * provider's 30 s silence watchdog, or TCP gives up), and meanwhile what we send is lost in
   * buffers and the indicator would say "connected": close it at once. Closed the provider's
   * way (disconnect: its 'connection-close' comes synchronously, our handler lets it pass),
   * then other tabs of this board are reconnected, so that they keep in sync offline.
   */
  #goOffline(): void {
    this.#cancelTimer();
    if (this.provider.ws !== null) {
      this.#closingForOffline = true;
      try {
        this.provider.disconnect();
      } finally {
        this.#closingForOffline = false;
      }
      this.provider.connectBc();
    }
    this.#update({ phase: 'offline', online: false, nextAttemptAt: undefined });
  }

  #schedule(delayMs: number, online = this.#network?.online ?? true): void {
    this.#cancelTimer();
    if (!online) {
      // No network at all: the 'online' event retries (see #onNetwork); an attempt now cannot succeed.
      this.#update({ phase: 'offline', online, attempt: this.#backoff.attempt, nextAttemptAt: undefined });
      return;
    }
    const delay = Math.round(delayMs);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#stopped) return;
      this.provider.connect();
    }, delay);
    this.#update({ phase: 'waiting', online, attempt: this.#backoff.attempt, nextAttemptAt: Date.now() + delay });
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #update(change: Partial<LinkState>): void {
    this.#state = { ...this.#state, ...change };
    this.#onChange?.(this.#state);
  }
}

// A board loaded in memory: its Y.Doc, its awareness, and the connections editing it.
// The order that keeps data safe: a client's update is decoded completely, applied to the
// doc, appended to the store, and only then relayed to the other connections (and, in
// scale-out mode, published to the other nodes, which relay it without storing it again).
import { CloseCode, MalformedFrameError, canEdit, hasRole, decodeAwarenessUpdate, decodeClientFrame, encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, type AwarenessEntry, type ClientMessage } from '@interlink/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../persistence/types.js';
import type { BoardChannel, RemoteBoard } from '../scaleout/bus.js';
import { claimsAnotherRole } from './awarenessRole.js';
import { Connection } from './connection.js';
import { SESSION_ROOT, rootTouch } from './sessionGuard.js';

export interface RoomOptions {
  readonly compactAfterUpdates: number;
  readonly compactAfterBytes: number;
  readonly log: FastifyBaseLogger;
  /** Called once when the room can no longer be trusted (e.g. the store failed). */
  readonly onFailure: (room: Room) => void;
  /** Scale-out mode: the board's channel to the other nodes. */
  readonly channel?: BoardChannel;
}

/** Marks the transaction that fills the doc from disk, so it is not appended again. */
const LOAD_ORIGIN = Symbol('load');
/** Marks what another node stored and published: relayed here, never appended again. */
const REMOTE_ORIGIN = Symbol('remote');
/** A remote update that may release local updates held back for a missing dependency. */
const RELEASING_ORIGIN = Symbol('remote, releasing held-back updates');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room implements RemoteBoard {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly connections = new Set<Connection>();
  /** Who may set each clientID's awareness: a connection of ours, or another node's. */
  private readonly awarenessOwners = new Map<number, Connection | typeof REMOTE_ORIGIN>();
  /** Tail of the chain of asynchronous appends (null while nothing is pending). */
  private persisting: Promise<void> | null = null;
  private lastPersistedSeq: number;
  private updatesSinceSnapshot: number;
  private bytesSinceSnapshot: number;
  private compactionScheduled = false;
  private failed = false;
  private closed = false;

  constructor(
    readonly boardId: string,
    private readonly store: DocStore,
    stored: StoredDoc,
    private readonly options: RoomOptions,
  ) {
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.applyStored(stored, LOAD_ORIGIN);
    this.lastPersistedSeq = stored.lastSeq;
    this.updatesSinceSnapshot = stored.updates.length;
    this.bytesSinceSnapshot = stored.logBytes;
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** True once the room can no longer be trusted (see `fail`). */
  get hasFailed(): boolean {
    return this.failed;
  }

  /** Resolves once every update applied so far is on disk, or the room failed trying. */
  async flushed(): Promise<void> {
    while (this.persisting !== null && !this.failed) await this.persisting;
  }

  join(connection: Connection): void {
    if (this.closed || this.failed) {
      connection.close(CloseCode.goingAway, 'board unloaded');
      return;
    }
    this.connections.add(connection);
    // Our state vector tells the client what we hold, and clients take it as what is stored (the
    // count of unconfirmed changes): so it is sent once every update applied so far is on disk.
    this.afterPersisted(() => connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc))));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const owned = [...connection.clientIds].filter((id) => this.awarenessOwners.get(id) === connection);
    for (const id of owned) this.awarenessOwners.delete(id);
    if (owned.length > 0 && !this.closed) removeAwarenessStates(this.awareness, owned, connection);
  }

  /** Handles one frame from a connection. Never throws: a bad frame closes that connection only. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (this.failed || this.closed || connection.closedByServer) return;
    let message: ClientMessage;
    try {
      message = decodeClientFrame(frame);
    } catch (error) {
      const reason = error instanceof MalformedFrameError ? error.message : 'unreadable frame';
      this.options.log.warn({ board: this.boardId, conn: connection.id, reason }, 'malformed frame');
      connection.close(CloseCode.malformed, 'malformed frame');
      return;
    }
    try {
      this.dispatch(connection, message);
    } catch (error) {
      // Decoding succeeded, so this is our bug or a store failure, not the client's: keep the
      // process up and the other connections served.
      this.options.log.error({ board: this.boardId, conn: connection.id, err: error }, 'frame handling failed');
      connection.close(CloseCode.internalError, 'internal error');
    }
  }

  /** Waits for pending appends, then frees the doc. */
  async close(): Promise<void> {
    this.closed = true;
    // Normally empty; anyone still here must reconnect to the board's next room, not talk to a dead one.
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'board unloaded');
    this.options.channel?.leave();
    await this.persisting;
    this.awareness.destroy();
    this.doc.destroy();
    this.store.release(this.boardId);
  }

  /** Scale-out: an update another node has stored already. Applied and relayed, never appended again. */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.failed || this.closed) return;
    try {
      Y.applyUpdate(this.doc, update, this.remoteOrigin());
    } catch (error) {
      this.options.log.error({ board: this.boardId, err: error }, 'remote update could not be applied');
    }
  }

  /**
   * Scale-out: awareness changes of another node's connections. A clientID that one of our
   * connections owns stays its own, so the message is refused whole, as a local frame would be;
   * the others become remote-owned, which no local connection may claim until they leave.
   */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.closed) return;
    let entries: readonly AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (error) {
      this.options.log.warn({ board: this.boardId, err: error }, 'unreadable remote awareness update');
      return;
    }
    const ownedHere = entries.find(({ clientID }) => this.awarenessOwners.get(clientID) instanceof Connection);
    if (ownedHere) {
      this.options.log.warn({ board: this.boardId, clientID: ownedHere.clientID }, 'remote awareness update refused');
      return;
    }
    applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    for (const { clientID } of entries) {
      if (this.awareness.getStates().has(clientID)) this.awarenessOwners.set(clientID, REMOTE_ORIGIN);
    }
  }

  /** Scale-out: a node has just loaded this board; tell it who is connected here. */
  answerAwarenessQuery(): void {
    if (this.closed) return;
    const states = this.awareness.getStates();
    const ours = [...this.awarenessOwners].filter(([id, owner]) => owner !== REMOTE_ORIGIN && states.has(id)).map(([id]) => id);
    if (ours.length > 0) this.options.channel?.publishAwareness(encodeAwarenessUpdate(this.awareness, ours));
  }

  /** Scale-out: the bus may have dropped messages; what the store has and the doc lacks comes in as remote. */
  catchUp(): void {
    void (async () => {
      const stored = await this.store.load(this.boardId);
      if (!this.failed && !this.closed) this.applyStored(stored, this.remoteOrigin());
    })().catch((error: unknown) => this.options.log.error({ board: this.boardId, err: error }, 'catching up from the store failed'));
  }

  /**
   * The origin for applying what another node stored. A local update held back in the doc for
   * a missing dependency would come out in that transaction's event, never appended: then the
   * event is stored like a local one (at worst twice).
   */
  private remoteOrigin(): typeof REMOTE_ORIGIN | typeof RELEASING_ORIGIN {
    const { pendingStructs, pendingDs } = this.doc.store;
    return pendingStructs !== null || pendingDs !== null ? RELEASING_ORIGIN : REMOTE_ORIGIN;
  }

  private dispatch(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1':
        this.afterPersisted(() => connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))));
        return;
      case 'sync-step2':
      case 'sync-update':
        // An observer's edits are never applied, so never relayed or stored.
        if (canEdit(connection.role)) this.applyClientUpdate(connection, message.update);
        return;
      case 'awareness':
        this.applyAwareness(connection, message.update, message.entries);
        return;
      case 'query-awareness':
        connection.send(encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
    }
  }

  /**
   * A connection may set awareness only for clientIDs it introduced itself, so that nobody
   * can put words in another person's cursor. A frame naming someone else's id is refused whole.
   *
   * Except for entries that would change nothing: the stock client re-broadcasts every awareness
   * change it applies, whatever its origin, so each state (and each removal) the room relays
   * comes back as an echo from every peer. An echo is neither a claim nor a spoof. Counted as a
   * claim, the echo of a departed client's removal made the first peer to send it the owner of
   * that clientID, and the client, back after a network drop with the same clientID, was refused
   * and stayed invisible; refused, each echo was a warning in the log, for every peer and every
   * cursor move.
   */
  private applyAwareness(connection: Connection, update: Uint8Array, entries: readonly AwarenessEntry[]): void {
    const claims: number[] = [];
    for (const entry of entries) {
      const { clientID } = entry;
      const owner = this.awarenessOwners.get(clientID);
      if (owner !== connection && this.changesNothing(entry)) continue;
      // A state of its own (or one it claims) may show no role but the connection's, as `user.role`.
      if (claimsAnotherRole(entry.state, connection.role)) {
        this.options.log.warn({ board: this.boardId, conn: connection.id, clientID, role: connection.role }, 'awareness role refused');
        return;
      }
      if (owner === connection) continue;
      if (owner !== undefined || !connection.canIntroduceMoreClientIds()) {
        this.options.log.warn({ board: this.boardId, conn: connection.id, clientID }, 'awareness update refused');
        return;
      }
      claims.push(clientID);
    }
    for (const clientID of claims) {
      this.awarenessOwners.set(clientID, connection);
      connection.clientIds.add(clientID);
    }
    applyAwarenessUpdate(this.awareness, update, connection);
  }

  /** y-protocols' own rule (applyAwarenessUpdate): an entry is applied only if this holds. */
  private changesNothing({ clientID, clock, state }: AwarenessEntry): boolean {
    const knownClock = this.awareness.meta.get(clientID)?.clock ?? 0;
    const applies = knownClock < clock || (knownClock === clock && state === null && this.awareness.getStates().has(clientID));
    return !applies;
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    // Another node's client that left (or timed out) frees its clientID here too.
    for (const id of removed) if (this.awarenessOwners.get(id) === REMOTE_ORIGIN) this.awarenessOwners.delete(id);
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.closed) return;
    const update = encodeAwarenessUpdate(this.awareness, changed);
    const frame = encodeAwarenessFrame(update);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(frame);
    }
    // Only our own connections' changes: each node times out stale states by itself.
    if (origin instanceof Connection) this.options.channel?.publishAwareness(update);
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    if (origin === REMOTE_ORIGIN) {
      this.relay(update, origin);
      return;
    }
    try {
      const appended = this.store.append(this.boardId, update);
      if (appended instanceof Promise) {
        // Handled through the chain below, but only once the appends before it settle: mark it
        // handled now, so that a failure while those are pending is no unhandled rejection.
        appended.catch(() => undefined);
        const previous = this.persisting ?? Promise.resolve();
        const tail: Promise<void> = previous
          .then(() => appended)
          .then((seq) => this.persisted(seq, update, origin))
          .catch((error: unknown) => this.fail(error))
          .finally(() => {
            if (this.persisting === tail) this.persisting = null;
          });
        this.persisting = tail;
      } else {
        this.persisted(appended, update, origin);
      }
    } catch (error) {
      this.fail(error);
    }
  };

  /** The update is on disk: now, and only now, may others see it. */
  private persisted(seq: number, update: Uint8Array, origin: unknown): void {
    // Concurrent async appends may commit (and number) out of application order.
    this.lastPersistedSeq = Math.max(this.lastPersistedSeq, seq);
    this.updatesSinceSnapshot += 1;
    this.bytesSinceSnapshot += update.length;
    this.relay(update, origin);
    this.options.channel?.publishUpdate(update);
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates || this.bytesSinceSnapshot >= this.options.compactAfterBytes) {
      this.scheduleCompaction();
    }
  }

  private relay(update: Uint8Array, origin: unknown): void {
    const frame = encodeSyncUpdate(update);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(frame);
    }
  }

  private afterPersisted(action: () => void): void {
    if (this.persisting === null) {
      action();
      return;
    }
    void this.persisting.then(() => {
      // More may have been applied meanwhile; answer once everything applied is on disk.
      if (!this.failed && !this.closed) this.afterPersisted(action);
    });
  }

  /** Compacts off the relay path: the snapshot is taken after the current frame is handled. */
  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      if (this.failed || this.closed) return;
      // The doc holds every update applied so far, so certainly every one up to the last persisted
      // (a store shared with other nodes builds the snapshot from its rows instead: see DocStore).
      const throughSeq = this.lastPersistedSeq;
      this.updatesSinceSnapshot = 0;
      this.bytesSinceSnapshot = 0;
      try {
        const done = this.store.compact(this.boardId, throughSeq, () => Y.encodeStateAsUpdate(this.doc));
        if (done instanceof Promise) done.catch((error: unknown) => this.fail(error));
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private applyStored(stored: StoredDoc, origin: typeof LOAD_ORIGIN | typeof REMOTE_ORIGIN | typeof RELEASING_ORIGIN): void {
    this.doc.transact(() => {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(this.doc, update, origin);
        } catch (error) {
          // Every stored update was decoded before it was written, so this should not happen;
          // if it does, serve what can be read rather than nothing.
          this.options.log.error({ board: this.boardId, err: error }, 'stored update could not be applied');
        }
      }
    }, origin);
  }

  /**
   * The decoder already test-integrated the update in an empty doc, so this throws only for an
   * update that breaks against this board's state: a malformed frame all the same. Yjs may
   * have integrated part of it before throwing (that part is stored and relayed as usual), but
   * the doc in memory can no longer be trusted, so the room is reloaded from disk.
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    // Only a facilitator may change `session` (CONTRACT.md section 6). The whole update is refused
    // and the connection closed: why not just the session part, see rooms/sessionGuard.ts.
    const touch = hasRole(connection.role, 'facilitator') ? undefined : rootTouch(this.doc, update, SESSION_ROOT);
    if (touch?.touches) {
      this.options.log.warn({ board: this.boardId, conn: connection.id, role: connection.role, reason: touch.reason }, 'session change refused');
      if (touch.reason === 'changes') {
        connection.close(CloseCode.forbidden, 'only a facilitator may change the session');
        return;
      }
      // Undecidable: the update builds on structs this room lacks. In scale-out mode that is
      // usually another node's update still on its way through Redis, so a 4403 (final for the
      // clients) would strand an honest participant: catch up from the store and let the
      // client come back, when its update can be judged.
      if (this.options.channel) this.catchUp();
      connection.close(CloseCode.tryAgainLater, 'the board is catching up; reconnect');
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.options.log.warn({ board: this.boardId, conn: connection.id, err: error }, 'update could not be integrated');
      connection.close(CloseCode.malformed, 'malformed update');
      this.fail(error, 'the document in memory may be inconsistent');
    }
  }

  /**
   * The store failed, or the doc is suspect: what is in memory may not be on disk, so nobody
   * may be served from it. Closes every connection and hands the room back to be unloaded; the
   * next connection reloads it from disk.
   */
  private fail(error: unknown, why = 'persistence failed'): void {
    if (this.failed) return;
    this.failed = true;
    this.options.log.error({ board: this.boardId, err: error }, `${why}; closing the room`);
    for (const connection of this.connections) connection.close(CloseCode.internalError, 'board reloading');
    this.options.onFailure(this);
  }
}

// A board loaded in memory: its Y.Doc, its awareness, and the connections editing it.
// The order that keeps data safe: a client's update is decoded completely, applied to the
// doc, appended to the store, and only then relayed to the other connections.
import { CloseCode, MalformedFrameError, canEdit, decodeClientFrame, encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, type AwarenessEntry, type ClientMessage } from '@interlink/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../persistence/types.js';
import type { Connection } from './connection.js';

export interface RoomOptions {
  readonly compactAfterUpdates: number;
  readonly compactAfterBytes: number;
  readonly log: FastifyBaseLogger;
  /** Called once when the room can no longer be trusted (e.g. the store failed). */
  readonly onFailure: (room: Room) => void;
}

/** Marks the transaction that fills the doc from disk, so it is not appended again. */
const LOAD_ORIGIN = Symbol('load');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly connections = new Set<Connection>();
  private readonly awarenessOwners = new Map<number, Connection>();
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
    this.loadStored(stored);
    this.lastPersistedSeq = stored.lastSeq;
    this.updatesSinceSnapshot = stored.updates.length;
    this.bytesSinceSnapshot = stored.logBytes;
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
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
    if (this.failed || this.closed) return;
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
    await this.persisting;
    this.awareness.destroy();
    this.doc.destroy();
    this.store.release(this.boardId);
  }

  private dispatch(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1':
        this.afterPersisted(() => connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))));
        return;
      case 'sync-step2':
      case 'sync-update':
        // An observer's edits are never applied, so never relayed or stored.
        if (canEdit(connection.role)) Y.applyUpdate(this.doc, message.update, connection);
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
   */
  private applyAwareness(connection: Connection, update: Uint8Array, entries: readonly AwarenessEntry[]): void {
    const claims: number[] = [];
    for (const { clientID } of entries) {
      const owner = this.awarenessOwners.get(clientID);
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

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.closed) return;
    const frame = encodeAwarenessFrame(encodeAwarenessUpdate(this.awareness, changed));
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(frame);
    }
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    try {
      const appended = this.store.append(this.boardId, update);
      if (appended instanceof Promise) {
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
    this.lastPersistedSeq = seq;
    this.updatesSinceSnapshot += 1;
    this.bytesSinceSnapshot += update.length;
    const frame = encodeSyncUpdate(update);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(frame);
    }
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates || this.bytesSinceSnapshot >= this.options.compactAfterBytes) {
      this.scheduleCompaction();
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
      // The doc holds every update applied so far, so certainly every one up to the last persisted.
      const throughSeq = this.lastPersistedSeq;
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      this.updatesSinceSnapshot = 0;
      this.bytesSinceSnapshot = 0;
      try {
        const done = this.store.compact(this.boardId, snapshot, throughSeq);
        if (done instanceof Promise) done.catch((error: unknown) => this.fail(error));
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private loadStored(stored: StoredDoc): void {
    this.doc.transact(() => {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
        } catch (error) {
          // Every stored update was decoded before it was written, so this should not happen;
          // if it does, serve what can be read rather than nothing.
          this.options.log.error({ board: this.boardId, err: error }, 'stored update could not be applied');
        }
      }
    }, LOAD_ORIGIN);
  }

  /** The store failed: what is in memory may not be on disk, so nobody may be served from it. */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.log.error({ board: this.boardId, err: error }, 'persistence failed; closing the room');
    for (const connection of this.connections) connection.close(CloseCode.internalError, 'storage failure');
    this.options.onFailure(this);
  }
}

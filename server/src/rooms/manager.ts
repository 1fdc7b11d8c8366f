// Keeps the rooms that have connections in memory, loads each once (concurrent first
// connections share one load), and unloads a room ROOM_IDLE_MS after its last connection left,
// so that memory follows the boards in use, not every board ever opened.
import type { FastifyBaseLogger } from 'fastify';
import type { DocStore } from '../persistence/types.js';
import { IdleReclaimer } from '../memory/idleReclaim.js';
import type { Bus } from '../scaleout/bus.js';
import type { Connection } from './connection.js';
import { migrateLoadedRoom } from './migration.js';
import { Room } from './room.js';

export interface RoomManagerOptions {
  readonly idleMs: number;
  readonly compactAfterUpdates: number;
  readonly compactAfterBytes: number;
  readonly log: FastifyBaseLogger;
  /** Scale-out mode: shares each loaded board's updates and awareness with the other nodes. */
  readonly bus?: Bus | undefined;
}

/** Quiet time after the last unload before memory is collected with one full GC. */
const RECLAIM_SETTLE_MS = 3_000;

export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  /** Rooms being unloaded: a new load of the same board waits until their appends are done. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Unloading frees a board's doc; this makes sure the process actually gives the memory back. */
  private readonly reclaimer = new IdleReclaimer(RECLAIM_SETTLE_MS);

  constructor(
    private readonly store: DocStore,
    private readonly options: RoomManagerOptions,
  ) {}

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The board's room, loaded if needed; the caller must `join` a connection or call `released`. */
  async acquire(boardId: string): Promise<Room> {
    const loaded = this.rooms.get(boardId);
    if (loaded) {
      this.cancelIdle(loaded);
      return loaded;
    }
    return this.loading.get(boardId) ?? this.load(boardId);
  }

  /**
   * Adds a connection to a room it acquired. Cancels an idle countdown that another
   * connection, abandoned while the room loaded, may have started meanwhile.
   */
  join(room: Room, connection: Connection): void {
    this.cancelIdle(room);
    room.join(connection);
  }

  /** Call after a connection left (or an acquire was abandoned): starts the idle countdown. */
  released(room: Room): void {
    if (room.connectionCount > 0 || this.rooms.get(room.boardId) !== room || this.idleTimers.has(room)) return;
    const timer = setTimeout(() => {
      if (room.connectionCount === 0) void this.unload(room);
      else this.idleTimers.delete(room);
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)));
    this.reclaimer.stop();
  }

  private async load(boardId: string): Promise<Room> {
    const loading = (async () => {
      try {
        await this.closing.get(boardId);
        // Subscribed before reading the store: what another node publishes during the read is
        // buffered and applied after it (twice is harmless), never missed.
        const channel = this.options.bus?.join(boardId);
        let room: Room;
        try {
          await channel?.subscribed;
          const stored = await this.store.load(boardId);
          room = new Room(boardId, this.store, stored, {
            compactAfterUpdates: this.options.compactAfterUpdates,
            compactAfterBytes: this.options.compactAfterBytes,
            log: this.options.log,
            onFailure: (failed) => void this.unload(failed),
            channel,
          });
        } catch (error) {
          channel?.leave();
          throw error;
        }
        try {
          // Before the room is attached or listed: no client may see the board unmigrated.
          await migrateLoadedRoom(room, this.options.log);
        } catch (error) {
          this.options.log.error({ board: boardId, err: error }, 'board could not be migrated');
          await room.close();
          throw error;
        }
        channel?.attach(room);
        channel?.queryAwareness();
        this.rooms.set(boardId, room);
        this.options.log.info({ board: boardId, rooms: this.rooms.size }, 'room loaded');
        return room;
      } finally {
        this.loading.delete(boardId);
      }
    })();
    this.loading.set(boardId, loading);
    return loading;
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private async unload(room: Room): Promise<void> {
    this.cancelIdle(room);
    if (this.rooms.get(room.boardId) !== room) return;
    // Removed first, so that a connection arriving now loads a fresh room from disk.
    this.rooms.delete(room.boardId);
    const closed = room.close();
    this.closing.set(room.boardId, closed);
    try {
      await closed;
    } finally {
      if (this.closing.get(room.boardId) === closed) this.closing.delete(room.boardId);
    }
    this.options.log.info({ board: room.boardId, rooms: this.rooms.size }, 'room unloaded');
    this.reclaimer.noteUnload();
  }
}

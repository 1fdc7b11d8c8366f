// What the rooms need from the bus between nodes (scale-out mode), independent of Redis: a
// channel per board on which a node publishes what it stored and hears what the others stored.

/** What a loaded board does with what the other nodes publish on its channel. */
export interface RemoteBoard {
  /** An update another node has already stored: apply and relay it, never store it again. */
  applyRemoteUpdate(update: Uint8Array): void;
  /** Awareness changes of the people connected to another node. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** A node has just loaded the board and asks who is connected elsewhere. */
  answerAwarenessQuery(): void;
  /** Messages may have been lost (the bus reconnected): catch up from the store. */
  catchUp(): void;
}

/** One room's membership of its board's channel. */
export interface BoardChannel {
  /** Resolves once every message published from now on will reach this member. */
  readonly subscribed: Promise<void>;
  /** Delivers what arrived since joining (buffered meanwhile), then every later message, to `board`. */
  attach(board: RemoteBoard): void;
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  queryAwareness(): void;
  /** Stops delivery (publishing still works, so that appends still pending at unload go out). */
  leave(): void;
}

export interface Bus {
  /** Joins a board's channel; join before reading the board from the store, so nothing falls in between. */
  join(boardId: string): BoardChannel;
  close(): Promise<void>;
}

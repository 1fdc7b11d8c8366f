// The bus between nodes on Redis pub/sub: one channel per board, subscribed by every node that
// has the board loaded. Pub/sub keeps nothing, and it need not: a message only ever announces
// what is already stored in PostgreSQL, and a node whose subscription dropped (Redis restarted,
// the network hiccuped) catches up from the store once it is subscribed again.
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { BoardChannel, Bus, RemoteBoard } from './bus.js';
import { MessageKind, decodeBusMessage, encodeBusMessage, type BusMessage } from './wire.js';

export interface BusLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const channelName = (boardId: string): string => `interlink:board:${boardId}`;

/** How long close() lets QUIT finish before dropping the connections (Redis may be gone). */
const QUIT_TIMEOUT_MS = 1_000;

function deliver(board: RemoteBoard, message: BusMessage): void {
  switch (message.kind) {
    case MessageKind.update:
      board.applyRemoteUpdate(message.payload);
      return;
    case MessageKind.awareness:
      board.applyRemoteAwareness(message.payload);
      return;
    case MessageKind.awarenessQuery:
      board.answerAwarenessQuery();
      return;
  }
}

/** A room's membership: buffers what arrives until the room is loaded and attached. */
class Member implements BoardChannel {
  private board: RemoteBoard | undefined;
  private buffered: BusMessage[] = [];
  private mayHaveMissed = false;

  constructor(
    readonly subscribed: Promise<void>,
    private readonly send: (kind: MessageKind, payload: Uint8Array) => void,
    private readonly remove: (member: Member) => void,
  ) {}

  attach(board: RemoteBoard): void {
    this.board = board;
    for (const message of this.buffered.splice(0)) deliver(board, message);
    if (this.mayHaveMissed) board.catchUp();
  }

  receive(message: BusMessage): void {
    if (this.board) deliver(this.board, message);
    else this.buffered.push(message);
  }

  /** The subscription was re-established after a drop. */
  resubscribed(): void {
    if (this.board) this.board.catchUp();
    else this.mayHaveMissed = true;
  }

  publishUpdate(update: Uint8Array): void {
    this.send(MessageKind.update, update);
  }

  publishAwareness(update: Uint8Array): void {
    this.send(MessageKind.awareness, update);
  }

  queryAwareness(): void {
    this.send(MessageKind.awarenessQuery, new Uint8Array(0));
  }

  leave(): void {
    this.buffered = [];
    this.remove(this);
  }
}

interface Channel {
  readonly members: Set<Member>;
  readonly subscribed: Promise<void>;
}

export class RedisBus implements Bus {
  /** Tells this node's own messages apart: Redis delivers them back to its subscriber too. */
  private readonly nodeId = randomBytes(9).toString('base64url');
  private readonly channels = new Map<string, Channel>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly log: BusLog,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) => this.onMessage(channel.toString(), data));
    // Registered after the first connection was ready: 'ready' from now on means a reconnection.
    subscriber.on('ready', () => void this.resubscribe());
  }

  /** Connects both connections (a subscribed connection cannot publish); fails fast if Redis is unreachable. */
  static async connect(url: string, log: BusLog): Promise<RedisBus> {
    // Resubscribing is ours to do (see resubscribe), so that catching up follows it.
    const options: RedisOptions = { lazyConnect: true, autoResubscribe: false };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    // connect() itself only says "Connection is closed."; the cause comes as an 'error' event.
    let cause: unknown;
    for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      client.on('error', (error: unknown) => {
        cause = error;
        log.warn({ err: error, role }, 'Redis connection error');
      });
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw cause ?? error;
    }
    return new RedisBus(publisher, subscriber, log);
  }

  join(boardId: string): BoardChannel {
    const name = channelName(boardId);
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { members: new Set(), subscribed: this.subscriber.subscribe(name).then(() => undefined) };
      this.channels.set(name, channel);
    }
    const joined = channel;
    const member: Member = new Member(
      joined.subscribed,
      (kind, payload) => this.publish(boardId, kind, payload),
      (leaving) => this.leave(name, joined, leaving),
    );
    joined.members.add(member);
    return member;
  }

  async close(): Promise<void> {
    this.channels.clear();
    const quit = Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_TIMEOUT_MS).unref());
    await Promise.race([quit, timeout]);
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private publish(boardId: string, kind: MessageKind, payload: Uint8Array): void {
    const data = encodeBusMessage({ kind, sender: this.nodeId, payload });
    // Nothing to undo on failure: the update is stored, and nodes that missed it catch up from
    // the store when their own subscription comes back (see resubscribe).
    this.publisher.publish(channelName(boardId), data).catch((error: unknown) => {
      this.log.error({ board: boardId, err: error }, 'could not publish to the other nodes');
    });
  }

  private leave(name: string, channel: Channel, member: Member): void {
    if (!channel.members.delete(member) || channel.members.size > 0) return;
    if (this.channels.get(name) === channel) this.channels.delete(name);
    this.subscriber.unsubscribe(name).catch((error: unknown) => this.log.warn({ channel: name, err: error }, 'could not unsubscribe'));
  }

  private onMessage(name: string, data: Buffer): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    let message: BusMessage;
    try {
      message = decodeBusMessage(data);
    } catch (error) {
      this.log.warn({ channel: name, err: error }, 'unreadable message on the bus');
      return;
    }
    if (message.sender === this.nodeId) return;
    for (const member of channel.members) {
      try {
        member.receive(message);
      } catch (error) {
        this.log.error({ channel: name, err: error }, 'bus message handling failed');
      }
    }
  }

  /** After a reconnection: subscribe again, then have every room catch up on what it missed. */
  private async resubscribe(): Promise<void> {
    const names = [...this.channels.keys()];
    if (names.length === 0) return;
    try {
      await this.subscriber.subscribe(...names);
    } catch (error) {
      // The next reconnection tries again.
      this.log.error({ err: error }, 'could not resubscribe to the board channels');
      return;
    }
    this.log.info({ channels: names.length }, 'resubscribed to the board channels; catching up from the store');
    for (const name of names) {
      for (const member of this.channels.get(name)?.members ?? []) member.resubscribed();
    }
  }
}

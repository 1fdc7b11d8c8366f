// The storage interfaces. The SQLite store answers synchronously (better-sqlite3); the
// scale-out store (PostgreSQL) answers with promises, so the hot path accepts either.
import type { Role } from '@interlink/protocol';

export type MaybePromise<T> = T | Promise<T>;

export interface BoardRecord {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  /** SHA-256 of each role's token; tokens themselves are never stored. */
  readonly tokenHashes: { readonly [R in Role]: Uint8Array };
}

/**
 * A person's identity on a board (CONTRACT.md section 6): a personal token with the role of the
 * token that created it. No name: the display name stays in the browser and in awareness, so
 * the server holds no personal data it does not need (DOMAIN.md, "Safety of participants").
 */
export interface MemberRecord {
  /** Random, 96 bits, base64url; not a secret (the token is). */
  readonly id: string;
  readonly boardId: string;
  readonly role: Role;
  /** SHA-256 of the member's token; the token itself is never stored. */
  readonly tokenHash: Uint8Array;
  readonly createdAt: number;
}

export interface BoardStore {
  /** Stores a new board with its document's first update, atomically. */
  createBoard(board: BoardRecord, initialUpdate: Uint8Array): MaybePromise<void>;
  getBoard(id: string): MaybePromise<BoardRecord | undefined>;
  /**
   * Stores a member unless its board already has `maxMembers` of them; answers whether it did.
   * The count and the insert are one atomic step, so concurrent calls never exceed the cap.
   */
  addMember(member: MemberRecord, maxMembers: number): MaybePromise<boolean>;
  /** The member of board `boardId` whose token hashes to `tokenHash`, if there is one. */
  findMember(boardId: string, tokenHash: Uint8Array): MaybePromise<MemberRecord | undefined>;
}

/** A board's document as stored: the latest snapshot and the updates appended after it. */
export interface StoredDoc {
  readonly snapshot: Uint8Array | undefined;
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last update in the log (0 when empty). */
  readonly lastSeq: number;
  /** Bytes of updates in the log since the snapshot, to decide when to compact. */
  readonly logBytes: number;
}

export interface DocStore {
  load(boardId: string): MaybePromise<StoredDoc>;
  /** Appends one update durably; answers its sequence number once it is on disk. */
  append(boardId: string, update: Uint8Array): MaybePromise<number>;
  /**
   * Folds the snapshot and every update up to `throughSeq` into a new snapshot, atomically.
   * `localState` encodes the caller's doc, which holds every update that it appended or applied
   * up to `throughSeq`. A store that is the only writer of its log (SQLite) may take that as the
   * snapshot, which is cheap. A store that other nodes append to (PostgreSQL) must build the
   * snapshot from its own rows: the caller's doc may still lack another node's update that is
   * already in the log below `throughSeq`.
   */
  compact(boardId: string, throughSeq: number, localState: () => Uint8Array): MaybePromise<void>;
  /** The board's room was unloaded: drop whatever the store cached for it. */
  release(boardId: string): void;
}

export interface Store extends BoardStore, DocStore {
  close(): MaybePromise<void>;
}

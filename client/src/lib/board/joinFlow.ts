// Who this person is on a board, from a share link: the member this browser already holds for
// the link (opened at once, even offline, and checked with the server behind), or a new member
// (CONTRACT.md section 6) under the link's `?name=`, the name typed in the dialog, or none at all
// (anonymous). Plain logic with the HTTP calls and storage passed in; the page (boardPage.svelte.ts)
// turns its answers into what is on screen.
import type { BoardInfo, MemberCreated } from '@interlink/protocol';
import { ApiError } from '../api/errors.js';
import { forgetMember, loadMember, saveMember, type StoredMember } from '../sync/memberStore.js';

export interface JoinApi {
  getBoard(boardId: string, token: string): Promise<BoardInfo>;
  createMember(boardId: string, token: string, name?: string): Promise<MemberCreated>;
}

/** What checking a stored member with the server found. */
export type VerifyOutcome =
  /** Still valid; `member` holds the server's current title and role (and is stored). */
  | { readonly kind: 'valid'; readonly member: StoredMember }
  /** The server no longer knows this member's token (401): forgotten; join again. */
  | { readonly kind: 'gone' }
  /** The board is gone (404): forgotten. */
  | { readonly kind: 'notFound' }
  /** No answer (offline, server down) or an unexpected one: keep going, ask again later. */
  | { readonly kind: 'unreachable' };

export class JoinFlow {
  /** Set once the board is forgotten on this device: nothing is stored from then on. */
  #closed = false;

  constructor(
    private readonly boardId: string,
    /** The share link's token: what a new member is created with. */
    private readonly linkToken: string,
    /** The share link's `?name=`, already cleaned. */
    private readonly linkName: string | undefined,
    private readonly api: JoinApi,
    private readonly storage: Storage | undefined,
  ) {}

  /** The name the link gives, if any: a new member joins under it without being asked. */
  get nameFromLink(): string | undefined {
    return this.linkName;
  }

  /**
   * The member stored for this link. A `?name=` on the link is a facilitator's personal
   * invitation: it renames a person who had joined under another name. It never names someone
   * who chose to stay anonymous on this device: that choice protects them (DOMAIN.md), and a
   * link that anyone could have forwarded must not undo it.
   */
  stored(): StoredMember | undefined {
    const member = loadMember(this.storage, this.boardId, this.linkToken);
    if (!member || member.name === undefined || this.linkName === undefined || member.name === this.linkName) return member;
    const renamed = { ...member, name: this.linkName };
    saveMember(this.storage, this.boardId, this.linkToken, renamed);
    return renamed;
  }

  /** The board as the share link sees it (title, role); throws ApiError like getBoard. */
  boardInfo(): Promise<BoardInfo> {
    return this.api.getBoard(this.boardId, this.linkToken);
  }

  /** Creates the member (`name` undefined: anonymous) and stores it; throws ApiError. */
  async join(info: BoardInfo, name: string | undefined): Promise<StoredMember> {
    const created = await this.api.createMember(this.boardId, this.linkToken, name);
    const member: StoredMember = { memberId: created.memberId, token: created.token, role: created.role, title: info.title, name };
    if (!this.#closed) saveMember(this.storage, this.boardId, this.linkToken, member);
    return member;
  }

  async verify(member: StoredMember): Promise<VerifyOutcome> {
    let info: BoardInfo;
    try {
      info = await this.api.getBoard(this.boardId, member.token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.forget();
        return { kind: 'gone' };
      }
      if (error instanceof ApiError && error.status === 404) {
        this.forget();
        return { kind: 'notFound' };
      }
      return { kind: 'unreachable' };
    }
    const current: StoredMember = { ...member, title: info.title, role: info.role };
    if (!this.#closed && (current.title !== member.title || current.role !== member.role)) saveMember(this.storage, this.boardId, this.linkToken, current);
    return { kind: 'valid', member: current };
  }

  forget(): void {
    forgetMember(this.storage, this.boardId, this.linkToken);
  }

  /**
   * The board was forgotten on this device: a join or a check still on its way when that
   * happened must not store the member again when its answer comes.
   */
  close(): void {
    this.#closed = true;
  }
}

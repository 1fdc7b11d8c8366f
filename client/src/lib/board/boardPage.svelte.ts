// The board page's life: read the share link; open the board at once as the member this browser
// holds for the link (also offline), checking it with the server behind; or join as a new
// member, under the link's `?name=`, a typed name, or anonymously (joinFlow.ts), then open the
// live session. "Forget this board on this device" ends here too: the page then shows only that.
import type { BoardInfo } from '@interlink/protocol';
import { createMember, getBoard } from '../api/boards.js';
import { describeApiError } from '../api/describe.js';
import { ApiError } from '../api/errors.js';
import { t } from '../i18n/index.js';
import { cleanName, parseShareParams } from '../share/shareLink.js';
import { pendingStorageKey, savePendingChanges } from '../sync/confirmStore.js';
import { forgetBoard, forgottenCompletely, onForgottenElsewhere } from '../sync/forgetBoard.js';
import { colorForMember, pseudonymNumber, rememberName, rememberedName } from '../sync/identity.js';
import type { StoredMember } from '../sync/memberStore.js';
import { browserNetworkStatus, type NetworkStatus } from '../sync/reconnect.js';
import { BoardSession } from './boardSession.svelte.js';
import { JoinFlow } from './joinFlow.js';
import { describeLoadError, type PageMessage } from './loadError.js';

export type BoardPhase =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: PageMessage; readonly status?: number }
  | {
      readonly kind: 'needName';
      readonly info: BoardInfo;
      /** The name last typed in this browser, offered again. */
      readonly suggested: string | undefined;
      /** True while the member is being created. */
      readonly joining: boolean;
      /** Why the last attempt to join failed. */
      readonly failure?: PageMessage;
    }
  | { readonly kind: 'ready'; readonly session: BoardSession }
  /** The board is being removed from this browser (forgetBoard.ts). */
  | { readonly kind: 'forgetting' }
  /** Removed: nothing of the board is on the page. `complete` false: something could not be removed yet. */
  | { readonly kind: 'forgotten'; readonly complete: boolean };

/**
 * The page shown once a board is forgotten: no board id, token or name in its address, so the
 * address bar and the Back button lead nowhere near the board.
 */
export function forgottenPagePath(complete: boolean): string {
  return complete ? '/forgotten' : '/forgotten?unfinished';
}

export interface PageEnvironment {
  readonly location: { readonly protocol: string; readonly host: string };
  readonly storage: Storage | undefined;
  /** navigator.onLine and its events; by default the browser's. */
  readonly network?: NetworkStatus | undefined;
}

/** Name, author and colour of a member as the session shows them. */
export function sessionIdentity(member: StoredMember): { name: string; author: string | undefined; color: string } {
  return {
    name: member.name ?? t('identity.pseudonym', { number: pseudonymNumber(member.memberId) }),
    author: member.name,
    color: colorForMember(member.memberId),
  };
}

export class BoardPageState {
  phase = $state.raw<BoardPhase>({ kind: 'loading' });
  readonly #boardId: string;
  readonly #search: string;
  readonly #env: PageEnvironment;
  readonly #network: NetworkStatus | undefined;
  #flow: JoinFlow | undefined;
  #destroyed = false;
  /** Cancels waiting for the network to check the stored member again. */
  #stopWaiting: (() => void) | undefined;
  /** Stops listening for another tab forgetting this board. */
  #stopListening: (() => void) | undefined;

  constructor(boardId: string, search: string, env: PageEnvironment) {
    this.#boardId = boardId;
    this.#search = search;
    this.#env = env;
    this.#network = 'network' in env ? env.network : browserNetworkStatus();
  }

  async start(): Promise<void> {
    // Whatever this page shows of the board (even the name dialog), it goes when another tab forgets it.
    this.#stopListening = onForgottenElsewhere(this.#boardId, () => void this.#forget(false));
    const { token, name } = parseShareParams(this.#search);
    if (!token) {
      this.phase = { kind: 'error', message: { key: 'board.error.noToken' } };
      return;
    }
    this.#flow = new JoinFlow(this.#boardId, token, name, { getBoard, createMember }, this.#env.storage);
    const stored = this.#flow.stored();
    if (stored) {
      this.#open(stored);
      this.#verify(stored);
      return;
    }
    await this.#joinAnew();
  }

  /**
   * The dialog's answer: a name (typed; remembered for the next board's dialog), or undefined
   * to stay anonymous. False when the name is empty.
   */
  join(raw: string | undefined): boolean {
    const name = raw === undefined ? undefined : cleanName(raw);
    if (raw !== undefined && !name) return false;
    const phase = this.phase;
    if (phase.kind !== 'needName' || phase.joining) return true;
    if (name) rememberName(this.#env.storage, name);
    this.phase = { kind: 'needName', info: phase.info, suggested: phase.suggested, joining: true };
    void this.#createMember(phase.info, name).catch((error: unknown) => {
      if (this.#destroyed) return;
      const reason = describeApiError(error);
      // The dialog stays, with what went wrong; the person may try again.
      this.phase = { ...phase, joining: false, failure: { key: 'join.failed', params: { reason: t(reason.key, reason.params) } } };
    });
    return true;
  }

  destroy(): void {
    this.#destroyed = true;
    this.#stopWaiting?.();
    this.#stopListening?.();
    if (this.phase.kind === 'ready') void this.phase.session.destroy();
  }

  /** "Forget this board on this device", asked on this page: the other tabs are told. */
  forget(): Promise<void> {
    return this.#forget(true);
  }

  async #forget(announce: boolean): Promise<void> {
    const phase = this.phase;
    if (phase.kind === 'forgetting' || phase.kind === 'forgotten') return;
    // From here nothing may open a session or store a member again: not the check of the stored
    // member still on its way, nor a join, nor the wait for the network.
    this.#destroyed = true;
    this.#stopWaiting?.();
    this.#stopListening?.();
    this.#flow?.close();
    this.phase = { kind: 'forgetting' };
    const outcome = await forgetBoard({
      boardId: this.#boardId,
      storage: this.#env.storage,
      endSession: () => (phase.kind === 'ready' ? phase.session.destroy() : Promise.resolve()),
      announce,
    });
    this.phase = { kind: 'forgotten', complete: forgottenCompletely(outcome) };
  }

  /** No member for this link yet: the link's name joins at once, otherwise the dialog asks. */
  async #joinAnew(): Promise<void> {
    const flow = this.#flow;
    if (!flow) return;
    this.phase = { kind: 'loading' };
    try {
      const info = await flow.boardInfo();
      if (this.#destroyed) return;
      const name = flow.nameFromLink;
      if (name !== undefined) await this.#createMember(info, name);
      else this.phase = { kind: 'needName', info, suggested: rememberedName(this.#env.storage), joining: false };
    } catch (error) {
      if (this.#destroyed) return;
      const status = error instanceof ApiError ? error.status : undefined;
      this.phase = { kind: 'error', message: describeLoadError(error), ...(status ? { status } : {}) };
    }
  }

  async #createMember(info: BoardInfo, name: string | undefined): Promise<void> {
    const member = await this.#flow?.join(info, name);
    if (member && !this.#destroyed) this.#open(member);
  }

  #open(member: StoredMember): void {
    if (this.#destroyed) return;
    if (this.phase.kind === 'ready') void this.phase.session.destroy();
    this.phase = {
      kind: 'ready',
      session: new BoardSession({
        info: { id: this.#boardId, title: member.title, role: member.role, memberId: member.memberId },
        token: member.token,
        memberId: member.memberId,
        ...sessionIdentity(member),
        location: this.#env.location,
        storage: this.#env.storage,
      }),
    };
  }

  /**
   * Checks the stored member with the server, without holding up the board: offline, once the
   * network is back; when the server did not answer, at its next sign of life.
   */
  #verify(member: StoredMember): void {
    this.#stopWaiting?.();
    this.#stopWaiting = undefined;
    if (this.#destroyed) return;
    if (this.#network?.online === false) {
      const unsubscribe = this.#network.subscribe((online) => {
        if (!online) return;
        unsubscribe();
        this.#verify(member);
      });
      this.#stopWaiting = unsubscribe;
      return;
    }
    void this.#flow?.verify(member).then((outcome) => {
      if (this.#destroyed) return;
      switch (outcome.kind) {
        case 'valid':
          // A changed role changes what the page offers: reopen with it.
          if (outcome.member.role !== member.role) this.#open(outcome.member);
          return;
        case 'gone':
          // The server forgot this member: a new one, asked for as on a first visit.
          this.#closeSession(member);
          void this.#joinAnew();
          return;
        case 'notFound':
          this.#closeSession(member);
          this.phase = { kind: 'error', message: { key: 'board.error.notFound' }, status: 404 };
          return;
        case 'unreachable': {
          if (this.phase.kind !== 'ready') return;
          this.#stopWaiting = this.phase.session.connection.onNextContact(() => this.#verify(member));
          return;
        }
      }
    });
  }

  /** Ends a session whose member is no more; its list of unconfirmed changes goes with it. */
  #closeSession(member: StoredMember): void {
    if (this.phase.kind === 'ready') void this.phase.session.destroy();
    this.phase = { kind: 'loading' };
    savePendingChanges(this.#env.storage, pendingStorageKey(this.#boardId, member.memberId), []);
  }
}

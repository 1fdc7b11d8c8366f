// The board page's life: read the share link, ask the server who we are on this board, get a
// display name (from the link, memory, or by asking), then open the live session.
import type { BoardInfo } from '@interlink/protocol';
import { getBoard } from '../api/boards.js';
import { ApiError } from '../api/errors.js';
import { cleanName, parseShareParams } from '../share/shareLink.js';
import { rememberName, rememberedName } from '../sync/identity.js';
import { BoardSession } from './boardSession.svelte.js';
import { describeLoadError, type PageMessage } from './loadError.js';

export type BoardPhase =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: PageMessage; readonly status?: number }
  | { readonly kind: 'needName'; readonly info: BoardInfo }
  | { readonly kind: 'ready'; readonly session: BoardSession };

export interface PageEnvironment {
  readonly location: { readonly protocol: string; readonly host: string };
  readonly storage: Storage | undefined;
}

export class BoardPageState {
  phase = $state.raw<BoardPhase>({ kind: 'loading' });
  readonly #boardId: string;
  readonly #search: string;
  readonly #env: PageEnvironment;
  #token: string | undefined;
  #destroyed = false;

  constructor(boardId: string, search: string, env: PageEnvironment) {
    this.#boardId = boardId;
    this.#search = search;
    this.#env = env;
  }

  async start(): Promise<void> {
    const { token, name } = parseShareParams(this.#search);
    if (!token) {
      this.phase = { kind: 'error', message: { key: 'board.error.noToken' } };
      return;
    }
    this.#token = token;
    let info: BoardInfo;
    try {
      info = await getBoard(this.#boardId, token);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : undefined;
      this.phase = { kind: 'error', message: describeLoadError(error), ...(status ? { status } : {}) };
      return;
    }
    if (this.#destroyed) return;
    // A name in the link wins (a facilitator's personal invitation); otherwise the one this
    // browser remembers; otherwise we ask.
    const known = name ?? rememberedName(this.#env.storage);
    if (known) this.#open(info, known);
    else this.phase = { kind: 'needName', info };
  }

  /** The name typed into the dialog; remembered for the next board. */
  chooseName(raw: string): boolean {
    const name = cleanName(raw);
    if (!name || this.phase.kind !== 'needName') return false;
    rememberName(this.#env.storage, name);
    this.#open(this.phase.info, name);
    return true;
  }

  destroy(): void {
    this.#destroyed = true;
    if (this.phase.kind === 'ready') this.phase.session.destroy();
  }

  #open(info: BoardInfo, name: string): void {
    if (this.#destroyed || !this.#token) return;
    this.phase = {
      kind: 'ready',
      session: new BoardSession({ info, token: this.#token, name, location: this.#env.location }),
    };
  }
}

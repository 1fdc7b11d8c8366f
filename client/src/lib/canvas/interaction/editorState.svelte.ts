// What the canvas editor holds for this person besides the card selection: the link that is
// selected (its editor is open), the last notice about a selection command (what a copy left
// out, why a paste was refused), and where the pointer is on the board (where a paste lands).
// Local to this browser, never part of the shared document.
import type { LinkId } from '@interlink/model';
import type { MessageKey, MessageParams } from '@interlink/i18n';
import type { Point } from '../viewport.js';

export type NoticeTone = 'info' | 'error';

export interface Notice {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly tone: NoticeTone;
  /** Distinguishes two equal notices in a row, so the second is announced too. */
  readonly serial: number;
}

/** Long enough to read a sentence; the status region keeps it for screen readers meanwhile. */
const NOTICE_MS = 8000;

export class CanvasEditorState {
  /** The selected link, whose editor is open. */
  linkId = $state<LinkId | undefined>();
  notice = $state.raw<Notice | undefined>();
  /** The pointer over the board in canvas units; undefined when it is elsewhere. */
  pointer: Point | undefined;
  #serial = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  selectLink(id: LinkId | undefined): void {
    this.linkId = id;
  }

  notify(key: MessageKey, params?: MessageParams, tone: NoticeTone = 'info'): void {
    this.notice = { key, tone, serial: ++this.#serial, ...(params ? { params } : {}) };
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.dismiss(), NOTICE_MS);
  }

  dismiss(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.notice = undefined;
  }

  destroy(): void {
    this.dismiss();
  }
}

// Copy, cut and paste of the selected cards, within a board and between boards: the clipboard
// carries the model's JSON (clipboard.ts in @interlink/model). Two rules on top of the model's:
// confidential cards leave the board only in a facilitator's copy (copyPolicy.ts), and a paste
// too big for one update on the wire is refused rather than split (pasteSize.ts).
import {
  CLIPBOARD_LIMITS,
  copySelection,
  deleteItems,
  dragSet,
  isClipboardError,
  parseClipboard,
  pasteClipboard,
  serializeClipboard,
  type ItemId,
} from '@interlink/model';
import { asStep, selectedCards, type CommandHost } from '../board/commandHost.js';
import { copyableIds } from './copyPolicy.js';
import { fitsOneUpdate } from './pasteSize.js';
import { pasteTopLeft } from './placement.js';
import { readClipboardText, writeClipboardText } from './systemClipboard.js';

export interface ClipboardIo {
  write(text: string): Promise<boolean>;
  read(): Promise<string | undefined>;
}

const SYSTEM_CLIPBOARD: ClipboardIo = { write: writeClipboardText, read: readClipboardText };

/** Clipboard error codes that mean "too much", worded as such. */
const TOO_BIG: ReadonlySet<string> = new Set(['too-large', 'too-many-items', 'too-many-links', 'text-too-long', 'too-deep']);

interface PreparedCopy {
  readonly text: string;
  readonly ids: readonly ItemId[];
}

export class ClipboardCommands {
  readonly #host: CommandHost;
  readonly #io: ClipboardIo;

  constructor(host: CommandHost, io: ClipboardIo = SYSTEM_CLIPBOARD) {
    this.#host = host;
    this.#io = io;
  }

  /** The clipboard text for the selection (for the copy event); undefined when nothing may be copied. */
  copyText(): string | undefined {
    return this.#prepareCopy()?.text;
  }

  /** Copy, then delete what was copied (confidential cards a copy left out stay on the board). */
  cutText(): string | undefined {
    const prepared = this.#prepareCopy();
    if (prepared && this.#host.editable && prepared.ids.length > 0) {
      asStep(this.#host, () => deleteItems(this.#host.doc, prepared.ids, this.#host.origin));
      this.#host.selection.clear();
    }
    return prepared?.text;
  }

  /** Copies from a button, where there is no copy event to answer. */
  async copySelection(): Promise<boolean> {
    const prepared = this.#prepareCopy();
    return prepared !== undefined && (await this.#write(prepared.text));
  }

  /** Cuts from a button: as cutText, deleting only once the text is on the clipboard. */
  async cutSelection(): Promise<boolean> {
    const prepared = this.#prepareCopy();
    if (!prepared || !this.#host.editable || !(await this.#write(prepared.text))) return false;
    asStep(this.#host, () => deleteItems(this.#host.doc, prepared.ids, this.#host.origin));
    this.#host.selection.clear();
    return true;
  }

  /** Pastes from a menu; the keyboard's paste goes through the paste event instead. */
  async pasteFromClipboard(): Promise<boolean> {
    const text = await this.#io.read();
    if (text === undefined) {
      this.#host.editor.notify('clipboard.readFailed', undefined, 'error');
      return false;
    }
    return this.pasteText(text);
  }

  /** True when the text was taken: pasted, or refused with a notice. */
  pasteText(text: string): boolean {
    const { doc, origin, editable, editor, selection, author } = this.#host;
    if (!editable) return false;
    const payload = parseClipboard(text);
    if (isClipboardError(payload)) {
      // Plain text pasted on the board (not into a card) is most likely a mistake: say why
      // nothing happened. An empty clipboard says nothing at all.
      if (text.trim() === '') return false;
      const tooBig = TOO_BIG.has(payload.code);
      const notCards = payload.code === 'not-json' || payload.code === 'not-clipboard';
      editor.notify(tooBig ? 'clipboard.tooLargeToPaste' : notCards ? 'clipboard.notCards' : 'clipboard.unreadable', undefined, 'error');
      return true;
    }
    if (payload.items.length === 0) return true;
    if (!fitsOneUpdate(payload)) {
      editor.notify('clipboard.tooLargeToPaste', undefined, 'error');
      return true;
    }
    const area = this.#host.visibleArea();
    const at = editor.pointer ?? { x: area.x + area.w / 2, y: area.y + area.h / 2 };
    const pasted = asStep(this.#host, () => pasteClipboard(doc, payload, pasteTopLeft(payload, at), origin, author === undefined ? {} : { author }));
    editor.selectLink(undefined);
    selection.select(pasted.values());
    editor.notify('clipboard.pasted', { count: pasted.size });
    return true;
  }

  #prepareCopy(): PreparedCopy | undefined {
    const { doc, mirror, editor, mayCopyConfidential } = this.#host;
    const ids = selectedCards(this.#host);
    if (ids.length === 0) return undefined;
    const choice = copyableIds(mirror.items, dragSet(mirror, ids), mayCopyConfidential);
    if (choice.ids.length === 0) {
      editor.notify('clipboard.onlyConfidential', { count: choice.leftOut }, 'error');
      return undefined;
    }
    const payload = copySelection(doc, choice.ids);
    const text = serializeClipboard(payload);
    if (payload.items.length > CLIPBOARD_LIMITS.maxItems || payload.links.length > CLIPBOARD_LIMITS.maxLinks || text.length > CLIPBOARD_LIMITS.maxChars) {
      editor.notify('clipboard.tooLargeToCopy', { max: CLIPBOARD_LIMITS.maxItems }, 'error');
      return undefined;
    }
    if (choice.leftOut > 0) editor.notify('clipboard.copiedLeftOut', { count: payload.items.length, leftOut: choice.leftOut });
    else editor.notify('clipboard.copied', { count: payload.items.length });
    return { text, ids: choice.ids };
  }

  async #write(text: string): Promise<boolean> {
    const written = await this.#io.write(text);
    if (!written) this.#host.editor.notify('clipboard.copyFailed', undefined, 'error');
    return written;
  }
}

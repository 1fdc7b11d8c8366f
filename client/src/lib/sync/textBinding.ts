// Binds a textarea to a card's Y.Text: local typing becomes minimal inserts and deletes (so
// two people typing in one card merge), and remote edits appear live with the caret kept in
// place relative to the text around it.
import * as Y from 'yjs';
import { SHARED_TEXT_ATTRIBUTE } from '../keyboard/focusContext.js';
import { diffText, transformIndex } from '../text/textDiff.js';

export class TextBinding {
  readonly #text: Y.Text;
  readonly #element: HTMLTextAreaElement;
  readonly #origin: unknown;
  /** What the Y.Text and the textarea agreed on last. */
  #value: string;

  constructor(text: Y.Text, element: HTMLTextAreaElement, origin: unknown) {
    this.#text = text;
    this.#element = element;
    this.#origin = origin;
    this.#value = text.toString();
    element.value = this.#value;
    // Undo in this field is the board's undo (see keyboard/focusContext.ts).
    element.setAttribute(SHARED_TEXT_ATTRIBUTE, '');
    element.addEventListener('input', this.#onInput);
    text.observe(this.#onText);
  }

  destroy(): void {
    this.#element.removeEventListener('input', this.#onInput);
    this.#element.removeAttribute(SHARED_TEXT_ATTRIBUTE);
    this.#text.unobserve(this.#onText);
  }

  #onInput = (): void => {
    const after = this.#element.value;
    const change = diffText(this.#value, after, this.#element.selectionEnd);
    this.#value = after;
    if (!change) return;
    const doc = this.#text.doc;
    const apply = (): void => {
      if (change.remove > 0) this.#text.delete(change.index, change.remove);
      if (change.insert !== '') this.#text.insert(change.index, change.insert);
    };
    if (doc) doc.transact(apply, this.#origin);
    else apply();
  };

  #onText = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin === this.#origin) return;
    const next = this.#text.toString();
    if (next === this.#element.value) {
      this.#value = next;
      return;
    }
    const { selectionStart, selectionEnd, selectionDirection } = this.#element;
    const start = transformIndex(selectionStart, event.delta);
    const end = transformIndex(selectionEnd, event.delta);
    this.#element.value = next;
    this.#value = next;
    if (document.activeElement === this.#element) this.#element.setSelectionRange(start, end, selectionDirection);
  };
}

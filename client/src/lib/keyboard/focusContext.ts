// Where a keystroke lands decides whether a board shortcut may take it: typing in a field keeps
// its keys (N types an "n", Ctrl+Z undoes the field's own text), and a modal dialog keeps the
// board's shortcuts away from what is behind it. Duck-typed so that tests need no DOM.

interface ElementLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  closest(selector: string): unknown;
}

/** Input types that take no typed text: shortcuts stay live on a focused checkbox or button. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

export function asElement(target: unknown): ElementLike | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const candidate = target as Partial<ElementLike>;
  return typeof candidate.tagName === 'string' && typeof candidate.getAttribute === 'function' && typeof candidate.closest === 'function'
    ? (candidate as ElementLike)
    : undefined;
}

/** A field the person types into: text inputs, textareas, selects (type-ahead) and rich text. */
export function isTextEntry(target: unknown): boolean {
  const element = asElement(target);
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !NON_TEXT_INPUTS.has((element.getAttribute('type') ?? 'text').toLowerCase());
}

/**
 * Marks a text field bound to a card's shared Y.Text (see TextBinding). Undo there goes to the
 * person's board history, which holds that typing too, instead of the browser's field history,
 * which remote edits written into the field would corrupt.
 */
export const SHARED_TEXT_ATTRIBUTE = 'data-shared-text';

export function isSharedTextEntry(target: unknown): boolean {
  const element = asElement(target);
  return element !== undefined && element.getAttribute(SHARED_TEXT_ATTRIBUTE) !== null;
}

/** Inside an open modal dialog: the board behind it must not react to keys. */
export function isInsideModal(target: unknown): boolean {
  const element = asElement(target);
  return element !== undefined && element.closest('dialog[open], [aria-modal="true"]') !== null;
}

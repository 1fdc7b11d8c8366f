// The system clipboard, through the document's copy, cut and paste events: they need no
// permission (navigator.clipboard.readText asks for one, and headless browsers refuse it) and
// they carry text between tabs and boards. The board takes these events only when they are not
// meant for something else: a text field, or text the person selected on the page.

export interface ClipboardHandler {
  /** The clipboard text for the selected cards; undefined leaves the event to the browser. */
  copy(): string | undefined;
  /** As copy, and the cards are then deleted. */
  cut(): string | undefined;
  /** True when the text was taken (pasted, or refused with a notice). */
  paste(text: string): boolean;
  /** Whether the board may take an event aimed at `target`, e.g. not inside an open dialog. */
  accepts?(target: EventTarget | null): boolean;
}

const MIME = 'text/plain';

/** Text fields keep their own copy and paste. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type);
}

function hasTextSelection(doc: Document): boolean {
  const selection = doc.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

export function attachClipboardEvents(doc: Document, handler: ClipboardHandler): () => void {
  const mine = (event: ClipboardEvent): boolean =>
    event.clipboardData !== null && !isEditableTarget(event.target) && (handler.accepts?.(event.target) ?? true);
  const onCopyOrCut = (event: ClipboardEvent): void => {
    if (!mine(event) || hasTextSelection(doc)) return;
    const text = event.type === 'cut' ? handler.cut() : handler.copy();
    if (text === undefined) return;
    event.clipboardData?.setData(MIME, text);
    event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent): void => {
    if (!mine(event)) return;
    if (handler.paste(event.clipboardData?.getData(MIME) ?? '')) event.preventDefault();
  };
  doc.addEventListener('copy', onCopyOrCut);
  doc.addEventListener('cut', onCopyOrCut);
  doc.addEventListener('paste', onPaste);
  return () => {
    doc.removeEventListener('copy', onCopyOrCut);
    doc.removeEventListener('cut', onCopyOrCut);
    doc.removeEventListener('paste', onPaste);
  };
}

/**
 * Writes text from a button or a menu, where there is no copy event to answer: the async
 * clipboard first, then a copy command whose event carries the text (works where the async
 * clipboard is refused, e.g. without focus). False when neither could write.
 */
export async function writeClipboardText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused or unavailable: fall through to the copy event.
  }
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData(MIME, text);
    event.preventDefault();
    // The board's own listener would answer with the selection again: this write is done.
    event.stopImmediatePropagation();
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
}

/** Reads text for a menu's Paste (keyboard paste uses the paste event); undefined when refused. */
export async function readClipboardText(): Promise<string | undefined> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return undefined;
  }
}

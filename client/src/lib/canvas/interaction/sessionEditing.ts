// Attaches the canvas editor's page-wide parts for one session: its keys in the shortcut
// registry, and the document's copy, cut and paste events. The answer detaches both.
import type { BoardSession } from '../../board/boardSession.svelte.js';
import { attachClipboardEvents } from '../../clipboard/systemClipboard.js';
import { isInsideModal } from '../../keyboard/focusContext.js';
import { selectionShortcuts } from './selectionShortcuts.js';

export function attachSessionEditing(session: BoardSession): () => void {
  const { commands, selection, editor } = session;
  const unregister = session.shortcuts.registerAll(
    selectionShortcuts({
      hasCards: () => selection.size > 0,
      hasLink: () => editor.linkId !== undefined,
      deleteSelection: () => commands.deleteSelection(),
      duplicateSelection: () => commands.duplicateSelection(),
      selectAll: () => commands.selectAll(),
      closeLink: () => editor.selectLink(undefined),
    }),
  );
  const detachClipboard = attachClipboardEvents(document, {
    copy: () => commands.clipboard.copyText(),
    cut: () => commands.clipboard.cutText(),
    paste: (text) => commands.clipboard.pasteText(text),
    // A dialog over the board (the shortcut help, the outline's link dialog) keeps the keys.
    accepts: (target) => !isInsideModal(target),
  });
  return () => {
    unregister();
    detachClipboard();
  };
}

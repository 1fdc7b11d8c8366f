// The board page's own shortcuts bound to a session (see boardShortcuts.ts for the keys).
import type { BoardSession } from '../board/boardSession.svelte.js';
import { t } from '../i18n/index.js';
import { boardShortcuts } from './boardShortcuts.js';

/** Registers them; the answer removes them (call it when the page goes away). */
export function registerSessionShortcuts(session: BoardSession, openHelp: () => void): () => void {
  const definitions = boardShortcuts({
    undo: () => session.undo.undo(),
    redo: () => session.undo.redo(),
    zoomIn: () => session.viewport.zoomIn(),
    zoomOut: () => session.viewport.zoomOut(),
    resetView: () => session.viewport.reset(),
    openHelp,
    clearSelection: () => {
      if (session.selection.size === 0) return false;
      session.selection.clear();
      return true;
    },
    announce: (key) => session.announcer.say(t(key)),
  });
  return session.shortcuts.registerAll(definitions);
}

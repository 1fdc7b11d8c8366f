// The board page's own shortcuts: undo and redo, the help, zoom, Escape. Other features register
// theirs next to the code they drive (the outline its keys, the selection Delete and copy...).
import type { MessageKey } from '@interlink/i18n';
import type { ShortcutDefinition } from './registry.js';

/** What these shortcuts act on; the board page passes the session's pieces. */
export interface BoardShortcutTarget {
  undo(): boolean;
  redo(): boolean;
  zoomIn(): void;
  zoomOut(): void;
  resetView(): void;
  openHelp(): void;
  /** Clears the selection; false when nothing was selected (Escape then does nothing). */
  clearSelection(): boolean;
  /** Something to read out after undo/redo, e.g. through the page's live region. */
  announce(key: MessageKey): void;
}

export const UNDO_KEYS = ['mod+z'] as const;
export const REDO_KEYS = ['mod+shift+z', 'mod+y'] as const;
export const HELP_KEYS = ['?'] as const;

export function boardShortcuts(target: BoardShortcutTarget): ShortcutDefinition[] {
  return [
    { id: 'help', keys: HELP_KEYS, description: 'shortcuts.help', category: 'general', run: () => target.openHelp() },
    {
      id: 'escape',
      keys: ['escape'],
      description: 'shortcuts.escape',
      category: 'selection',
      run: () => target.clearSelection(),
    },
    // In a card's text editor (a field bound to the shared text) undo is the board's undo: the
    // typing is part of this person's history, and the browser's own field history breaks as
    // soon as a peer's typing is written into the field. In other fields the browser's applies.
    {
      id: 'undo',
      keys: UNDO_KEYS,
      description: 'shortcuts.undo',
      category: 'edit',
      editableOnly: true,
      inText: 'shared',
      run: () => target.announce(target.undo() ? 'undo.undone' : 'undo.nothingToUndo'),
    },
    {
      id: 'redo',
      keys: REDO_KEYS,
      description: 'shortcuts.redo',
      category: 'edit',
      editableOnly: true,
      inText: 'shared',
      run: () => target.announce(target.redo() ? 'undo.redone' : 'undo.nothingToRedo'),
    },
    // "=" is "+" without Shift on many layouts; both zoom in, as in browsers.
    { id: 'view.zoomIn', keys: ['+', '='], description: 'shortcuts.zoomIn', category: 'view', run: () => target.zoomIn() },
    { id: 'view.zoomOut', keys: ['-'], description: 'shortcuts.zoomOut', category: 'view', run: () => target.zoomOut() },
    { id: 'view.reset', keys: ['0'], description: 'shortcuts.zoomReset', category: 'view', run: () => target.resetView() },
  ];
}

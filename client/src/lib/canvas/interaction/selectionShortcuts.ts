// The selection's keys in the page's shortcut registry (keyboard/registry.ts), so that the
// help lists them. Copy, cut and paste are listed without a `run`: the registry then leaves
// the keys to the browser, whose copy, cut and paste events carry the clipboard without any
// permission (see clipboard/systemClipboard.ts).
import type { ShortcutDefinition } from '../../keyboard/registry.js';

export interface SelectionShortcutTarget {
  hasCards(): boolean;
  hasLink(): boolean;
  deleteSelection(): boolean;
  duplicateSelection(): boolean;
  selectAll(): void;
  closeLink(): void;
}

export function selectionShortcuts(target: SelectionShortcutTarget): ShortcutDefinition[] {
  return [
    {
      id: 'selection.delete',
      keys: ['delete', 'backspace'],
      description: 'selection.shortcut.delete',
      category: 'selection',
      editableOnly: true,
      when: () => target.hasCards() || target.hasLink(),
      run: () => target.deleteSelection(),
    },
    {
      id: 'selection.duplicate',
      keys: ['mod+d'],
      description: 'selection.shortcut.duplicate',
      category: 'selection',
      editableOnly: true,
      when: () => target.hasCards(),
      // Ctrl + D would otherwise bookmark the page: taken even when nothing could be duplicated.
      run: () => void target.duplicateSelection(),
    },
    { id: 'selection.selectAll', keys: ['mod+a'], description: 'selection.shortcut.selectAll', category: 'selection', run: () => target.selectAll() },
    // Escape also clears the card selection (the page's own Escape): this one closes the link editor.
    {
      id: 'selection.closeLink',
      keys: ['escape'],
      description: 'selection.shortcut.closeLink',
      category: 'selection',
      when: () => target.hasLink(),
      run: () => target.closeLink(),
    },
    { id: 'clipboard.copy', keys: ['mod+c'], description: 'clipboard.shortcut.copy', category: 'clipboard' },
    { id: 'clipboard.cut', keys: ['mod+x'], description: 'clipboard.shortcut.cut', category: 'clipboard', editableOnly: true },
    { id: 'clipboard.paste', keys: ['mod+v'], description: 'clipboard.shortcut.paste', category: 'clipboard', editableOnly: true },
  ];
}

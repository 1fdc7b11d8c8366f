// The outline's keys. N and O work anywhere on the page; the entry keys are handled by the
// focused entry itself and registered only so that the shortcut help lists them.
import type { ShortcutDefinition } from '../keyboard/registry.js';

export const OUTLINE_ENTRY_KEYS = {
  link: ['l'],
  inspect: ['i'],
  delete: ['delete', 'backspace'],
} as const;

export interface OutlineShortcutTarget {
  /** Focuses the outline's current entry; false when it lists nothing. */
  focusOutline(): boolean;
  /** Focuses the "add a card" form. */
  newCard(): void;
  /** Focuses the Inspector's first field; false when it has none. */
  focusInspector(): boolean;
}

export function outlineShortcuts(target: OutlineShortcutTarget): ShortcutDefinition[] {
  return [
    { id: 'outline.focus', keys: ['o'], description: 'shortcuts.focusOutline', category: 'general', run: () => target.focusOutline() },
    {
      id: 'outline.newCard',
      keys: ['n'],
      description: 'shortcuts.newCard',
      category: 'edit',
      editableOnly: true,
      run: () => target.newCard(),
    },
    // On an outline entry the entry handles I itself: it selects its card first.
    {
      id: 'outline.inspect',
      keys: OUTLINE_ENTRY_KEYS.inspect,
      description: 'shortcuts.inspector',
      category: 'edit',
      editableOnly: true,
      run: () => target.focusInspector(),
    },
    { id: 'outline.move', keys: ['arrowdown', 'arrowup', 'home', 'end'], description: 'outline.key.move', category: 'outline' },
    { id: 'outline.show', keys: ['space'], description: 'outline.key.show', category: 'outline' },
    { id: 'outline.edit', keys: ['enter'], description: 'outline.key.edit', category: 'outline', editableOnly: true },
    { id: 'outline.link', keys: OUTLINE_ENTRY_KEYS.link, description: 'outline.key.link', category: 'outline', editableOnly: true },
    { id: 'outline.delete', keys: OUTLINE_ENTRY_KEYS.delete, description: 'outline.key.delete', category: 'outline', editableOnly: true },
  ];
}

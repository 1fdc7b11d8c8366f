// Escape stops following someone. Registered after the page's own Escape (which clears the
// selection), so that it is asked first: while following, the first Escape stops that, the
// next one clears the selection.
import type { ShortcutRegistry } from '../keyboard/registry.js';

export function registerFollowShortcut(shortcuts: ShortcutRegistry, follow: { readonly target: unknown; stop(): boolean }): () => void {
  return shortcuts.register({
    id: 'follow.stop',
    keys: ['escape'],
    description: 'follow.shortcut',
    category: 'view',
    when: () => follow.target !== undefined,
    run: () => follow.stop(),
  });
}

// What this person shares of themselves besides the pointer: the cards they selected and where
// they look. Call during a component's initialisation; the effects end with the component.
import type { BoardSession } from '../board/boardSession.svelte.js';

export function sharePresence(getSession: () => BoardSession): void {
  $effect(() => {
    const session = getSession();
    session.presence.setSelection(session.selection.ids);
  });
  $effect(() => {
    const { presence, viewport } = getSession();
    // Before the canvas has a size there is no centre to share.
    if (viewport.width > 0 && viewport.height > 0) presence.setView(viewport.centre);
  });
}

// Navigation bound to a board session: the fit commands the zoom buttons and the shortcuts run,
// and the pan gestures and keys attached to the canvas (see panGestures, navigationShortcuts).
import type Konva from 'konva';
import type { BoardSession } from '../board/boardSession.svelte.js';
import { registerNavigationShortcuts } from './navigationShortcuts.js';
import { attachPanGestures } from './panGestures.js';

/** Shows every card (or nothing happens on an empty board). */
export function fitAll(session: BoardSession): void {
  session.showItems(session.mirror.items.keys());
}

/** Shows the selected cards; false when nothing is selected. */
export function fitSelection(session: BoardSession): boolean {
  if (session.selection.size === 0) return false;
  session.showItems(session.selection.ids);
  return true;
}

/** Attaches the pan gestures to the canvas and registers the fit keys; the answer undoes both. */
export function attachNavigation(surface: HTMLElement, stage: Konva.Stage, session: BoardSession): () => void {
  const detachPan = attachPanGestures(surface, stage, {
    getView: () => session.viewport.view,
    setView: (view) => (session.viewport.view = view),
  });
  const unregister = registerNavigationShortcuts(session.shortcuts, {
    fitAll: () => fitAll(session),
    fitSelection: () => fitSelection(session),
  });
  return () => {
    unregister();
    detachPan();
  };
}

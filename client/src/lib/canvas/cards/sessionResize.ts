// Connects the resize handles to a board page: the renderer previews, the session commits.
import type { ItemId } from '@interlink/model';
import type { BoardSession } from '../../board/boardSession.svelte.js';
import type { BoardRenderer } from '../BoardRenderer.js';
import { ResizeHandles } from './resizeHandles.js';

/** Handles for people who may edit; observers get none. */
export function attachResizeHandles(
  renderer: BoardRenderer,
  session: Pick<BoardSession, 'editable' | 'mirror' | 'resizeItem'>,
): ResizeHandles | undefined {
  if (!session.editable) return undefined;
  return new ResizeHandles({
    stage: renderer.stage,
    item: (id) => session.mirror.items.get(id),
    preview: (id, rect) => renderer.previewRect(id, rect),
    commit: (id, size) => session.resizeItem(id, size),
  });
}

/** The card that shows handles: the selected one, when exactly one is selected. */
export function resizeTarget(selected: ReadonlySet<ItemId>): ItemId | undefined {
  if (selected.size !== 1) return undefined;
  for (const id of selected) return id;
  return undefined;
}

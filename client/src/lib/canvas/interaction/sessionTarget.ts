// The gestures' target for the board page: the session's view, selection and commands.
import type { BoardSession } from '../../board/boardSession.svelte.js';
import type { GestureTarget } from '../gestures.js';

export function sessionGestureTarget(session: BoardSession): GestureTarget {
  const { commands, viewport, selection, editor } = session;
  return {
    editable: session.editable,
    board: session.mirror,
    getView: () => viewport.view,
    setView: (view) => (viewport.view = view),
    createAt: (point) => session.createNoteAt(point),
    edit: (id) => session.startEditing(id),
    pointer: (point) => {
      editor.pointer = point;
      session.presence.setCursor(point);
    },
    getSelection: () => selection.ids,
    select: (ids) => {
      editor.selectLink(undefined);
      selection.select(ids);
    },
    selectLink: (id) => commands.selectLink(id),
    clearSelection: () => commands.clearSelection(),
    moveBy: (ids, delta) => commands.moveBy(ids, delta),
    holdStep: () => session.undo.hold(),
    link: (source, target) => {
      commands.linkCards(source, target);
    },
  };
}

// The "Arrange" button's state: lays out the selection (two cards or more) or else the whole
// board, as one command (one undo step of this person), then shows what moved. ELK runs on the
// page's thread and a large board takes seconds, so the button reports that it is working and
// refuses a second click meanwhile.
import { readBoard, type ItemId } from '@interlink/model';
import type { BoardSession } from '../board/boardSession.svelte.js';
import { t } from '../i18n/index.js';
import { applyAutoLayout } from './autoLayout.js';

/** Below this, a selection is a click on one card rather than a choice of what to arrange. */
const MIN_SELECTION = 2;

export class AutoLayoutAction {
  running = $state(false);

  constructor(private readonly session: BoardSession) {}

  /** What the button will arrange, for its label. */
  get scope(): 'selection' | 'board' {
    return this.session.selection.size >= MIN_SELECTION ? 'selection' : 'board';
  }

  async run(): Promise<void> {
    const { session } = this;
    if (this.running || !session.editable) return;
    this.running = true;
    const ids: ReadonlySet<ItemId> | undefined = this.scope === 'selection' ? new Set(session.selection.ids) : undefined;
    try {
      session.undo.checkpoint();
      const result = await applyAutoLayout(session.doc, readBoard(session.doc), session.origin, ids ? { ids } : {});
      session.undo.checkpoint();
      const moved = result.moves.map((move) => move.id);
      if (moved.length > 0) session.showItems(ids ?? moved);
      session.announcer.say(
        result.truncated > 0
          ? t('layout.doneTruncated', { count: moved.length, left: result.truncated })
          : t('layout.done', { count: moved.length }),
      );
    } catch {
      session.announcer.say(t('layout.failed'));
    } finally {
      this.running = false;
    }
  }
}

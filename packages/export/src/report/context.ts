// What every report section reads: the (already sensitivity-filtered) board, its analysis and
// the words of one language. Card texts are looked up here, so that every section names a
// card the same way and no section can print a card the filter left out.
import type { BoardAnalysis, BoardView, ItemId } from '@interlink/model';
import type { Translator } from '@interlink/i18n';
import { inlineText } from '../markdown/escape.js';

export interface ReportContext extends Translator {
  readonly view: BoardView;
  readonly analysis: BoardAnalysis;
  /** A card's text as inline Markdown, verbatim; "(no text)" for an empty card. */
  readonly card: (id: ItemId) => string;
  /** Several cards, comma-separated. */
  readonly cards: (ids: readonly ItemId[]) => string;
}

export function reportContext(view: BoardView, analysis: BoardAnalysis, translator: Translator): ReportContext {
  const card = (id: ItemId): string => {
    const text = view.items.get(id)?.text.trim() ?? '';
    return text === '' ? translator.t('analysis.noText') : inlineText(text);
  };
  return {
    ...translator,
    view,
    analysis,
    card,
    cards: (ids) => ids.map(card).join(', '),
  };
}

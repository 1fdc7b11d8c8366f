// The canvas's view of the kind style table. The table itself (colours, icons, label keys) is
// pure data in @interlink/model, so that the exports draw a threat exactly as the canvas does;
// this module only adds what is the canvas's own (selection and focus colours, the font).
import {
  ITEM_KIND_STYLES,
  LINK_KIND_STYLES,
  UNKNOWN_KIND_STYLE,
  UNKNOWN_LINK_STYLE as UNKNOWN_LINK_KIND_STYLE,
  isOneOf,
  ITEM_KINDS,
  LINK_KINDS,
  type ItemKindStyle,
  type LinkKindStyle,
} from '@interlink/model';

export type KindStyle = ItemKindStyle;
export type LinkStyle = LinkKindStyle;

export const ITEM_STYLES = ITEM_KIND_STYLES;
export const UNKNOWN_ITEM_STYLE: KindStyle = UNKNOWN_KIND_STYLE;

export function itemStyle(kind: string): KindStyle {
  return isOneOf(ITEM_KINDS, kind) ? ITEM_KIND_STYLES[kind] : UNKNOWN_KIND_STYLE;
}

export const LINK_STYLES = LINK_KIND_STYLES;
export const UNKNOWN_LINK_STYLE: LinkStyle = UNKNOWN_LINK_KIND_STYLE;

export function linkStyle(kind: string): LinkStyle {
  return isOneOf(LINK_KINDS, kind) ? LINK_KIND_STYLES[kind] : UNKNOWN_LINK_KIND_STYLE;
}

export { PROBLEM_INK } from '@interlink/model';

/** The outline of the card that has keyboard focus or is being edited. */
export const HIGHLIGHT_STROKE = '#1a56db';
/** The ring around selected cards: outside the card's own border, so focus and selection both show. */
export const SELECTION_STROKE = '#1a56db';
export const CARD_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

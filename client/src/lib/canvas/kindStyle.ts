// One colour table per kind, the single source for the canvas (and later the exports), so a
// threat looks the same everywhere. Labels are i18n keys, never literal words. Fills are
// light and inks dark so that card text keeps at least 7:1 contrast.
import { isOneOf, ITEM_KINDS, LINK_KINDS, type ItemKind, type LinkKind } from '@interlink/model';

export interface KindStyle {
  readonly fill: string;
  readonly stroke: string;
  /** Text colour on `fill`. */
  readonly ink: string;
  /** Frames are drawn as dashed areas behind cards. */
  readonly dash?: readonly number[];
}

export const ITEM_STYLES: { readonly [K in ItemKind]: KindStyle } = {
  threat: { fill: '#fde2e1', stroke: '#c0392b', ink: '#5c1a14' },
  'root-cause': { fill: '#fdebd3', stroke: '#c25400', ink: '#552600' },
  group: { fill: '#e4ecfb', stroke: '#2e5aac', ink: '#15305e' },
  capacity: { fill: '#e2f4e6', stroke: '#2e8b57', ink: '#123d24' },
  actor: { fill: '#efe4f7', stroke: '#7b3fa0', ink: '#3b1752' },
  response: { fill: '#dff3f1', stroke: '#138a7e', ink: '#0b3f3a' },
  indicator: { fill: '#fbe3f0', stroke: '#b03a7a', ink: '#4f1436' },
  note: { fill: '#fff3b0', stroke: '#c9a227', ink: '#3d3200' },
  frame: { fill: '#f3f5f8', stroke: '#8a94a6', ink: '#3a4250', dash: [8, 6] },
};

/** A kind this version does not know (from a newer peer) is drawn plainly, never dropped. */
export const UNKNOWN_ITEM_STYLE: KindStyle = { fill: '#eeeeee', stroke: '#888888', ink: '#333333' };

export function itemStyle(kind: string): KindStyle {
  return isOneOf(ITEM_KINDS, kind) ? ITEM_STYLES[kind] : UNKNOWN_ITEM_STYLE;
}

export interface LinkStyle {
  readonly stroke: string;
  readonly dash?: readonly number[];
}

export const LINK_STYLES: { readonly [K in LinkKind]: LinkStyle } = {
  causes: { stroke: '#c0392b' },
  amplifies: { stroke: '#c25400', dash: [10, 5] },
  affects: { stroke: '#2e5aac' },
  addresses: { stroke: '#138a7e' },
  responsible: { stroke: '#7b3fa0' },
  strengthens: { stroke: '#2e8b57' },
  monitors: { stroke: '#b03a7a', dash: [4, 4] },
  relates: { stroke: '#666666', dash: [2, 4] },
};

export const UNKNOWN_LINK_STYLE: LinkStyle = { stroke: '#999999', dash: [2, 2] };

export function linkStyle(kind: string): LinkStyle {
  return isOneOf(LINK_KINDS, kind) ? LINK_STYLES[kind] : UNKNOWN_LINK_STYLE;
}

/** The outline of the card that has keyboard focus or is being edited. */
export const HIGHLIGHT_STROKE = '#1a56db';
/** The ring around selected cards: outside the card's own border, so focus and selection both show. */
export const SELECTION_STROKE = '#1a56db';
export const PROBLEM_INK = '#b00020';
export const CARD_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

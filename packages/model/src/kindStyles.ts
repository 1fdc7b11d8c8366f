// How each kind of item and link looks, as pure data: colours, an icon and the i18n key of its
// label. The canvas draws from this table and the SVG/PDF/PNG exports will too, so that a threat
// looks the same on screen and on paper. No drawing library here (exports must not load Konva).
//
// Colours: fills are light and inks dark (card text at least 7:1 on its fill); strokes, which
// also colour the icon, keep at least 3:1 on the fill (WCAG 1.4.11 for graphics). The fills
// are spread around the hue circle so that no two kinds are confused (see kindStyles.test.ts).
//
// Icons: SVG path data in a 24 x 24 box, drawn as strokes only (no fill) 2 units wide with round
// caps and joins. In SVG: <path d="…" fill="none" stroke="…" stroke-width="2"
// stroke-linecap="round" stroke-linejoin="round"/>, scaled to the size wanted.
import type { Dimension, ItemKind, LinkKind, Sensitivity, Strategy } from './vocabulary.js';

export const ICON_BOX = 24;
export const ICON_STROKE_WIDTH = 2;

export interface ItemKindStyle {
  readonly fill: string;
  /** The border, and the icon's colour. */
  readonly stroke: string;
  /** Text on `fill`. */
  readonly ink: string;
  /** SVG path data, see ICON_BOX. */
  readonly icon: string;
  /** The i18n key of the kind's name. */
  readonly labelKey: `kind.${string}`;
  /** A dashed border (frames: an area, not a card). */
  readonly dash?: readonly number[];
}

export const ITEM_KIND_STYLES: { readonly [K in ItemKind]: ItemKindStyle & { readonly labelKey: `kind.${K}` } } = {
  threat: {
    fill: '#fbd3cf',
    stroke: '#b3261e',
    ink: '#5c1a14',
    // A warning triangle.
    icon: 'M12 3L22 20H2Z M12 9.5V14 M12 17V17.5',
    labelKey: 'kind.threat',
  },
  'root-cause': {
    fill: '#fddbb8',
    stroke: '#a04800',
    ink: '#4f2400',
    // A trunk going into the ground, with roots.
    icon: 'M12 3V12 M4 12H20 M12 12C12 15 10 17 7 20 M12 12V21 M12 12C12 15 14 17 17 20',
    labelKey: 'kind.root-cause',
  },
  group: {
    fill: '#d2e2fb',
    stroke: '#2e5aac',
    ink: '#15305e',
    // Two people.
    icon: 'M6 7A3 3 0 1 0 12 7A3 3 0 1 0 6 7Z M3 20V19A5 5 0 0 1 8 14H10A5 5 0 0 1 15 19V20 M14.5 8A2.5 2.5 0 1 0 19.5 8A2.5 2.5 0 1 0 14.5 8Z M17 14A4 4 0 0 1 21 18V20',
    labelKey: 'kind.group',
  },
  capacity: {
    fill: '#d7f0c8',
    stroke: '#25784a',
    ink: '#123d24',
    // A seedling: what people already grow.
    icon: 'M12 21V12 M12 12C12 8 9 6 4 6C4 10 7 12 12 12Z M12 14C12 10 15 8 20 8C20 12 17 14 12 14Z',
    labelKey: 'kind.capacity',
  },
  actor: {
    fill: '#e2d5f8',
    stroke: '#7b3fa0',
    ink: '#3b1752',
    // An institution: a pediment on columns.
    icon: 'M12 3L20 8H4Z M4 10H20 M6 10V18 M10 10V18 M14 10V18 M18 10V18 M3 21H21',
    labelKey: 'kind.actor',
  },
  response: {
    fill: '#c5ecf1',
    stroke: '#0f766c',
    ink: '#0b3f3a',
    // A shield with a tick.
    icon: 'M12 3L19 6V11C19 16 16 19.5 12 21C8 19.5 5 16 5 11V6Z M9 12L11 14L15 10',
    labelKey: 'kind.response',
  },
  indicator: {
    fill: '#fcd0e2',
    stroke: '#a8306f',
    ink: '#4f1436',
    // A bell: an early warning.
    icon: 'M6 17V11A6 6 0 0 1 18 11V17L20 19H4Z M10 21.5H14',
    labelKey: 'kind.indicator',
  },
  note: {
    fill: '#fff3b0',
    stroke: '#8a6d00',
    ink: '#3d3200',
    // A sticky note with a folded corner.
    icon: 'M5 4H19V15L14 20H5Z M14 20V15H19 M8 9H16 M8 12.5H12',
    labelKey: 'kind.note',
  },
  frame: {
    fill: '#f1f3f6',
    stroke: '#6b7587',
    ink: '#3a4250',
    // The corners of an area.
    icon: 'M3 8V3H8 M16 3H21V8 M21 16V21H16 M8 21H3V16',
    labelKey: 'kind.frame',
    dash: [8, 6],
  },
};

/** A kind this version does not know (from a newer peer) is drawn plainly, never dropped. */
export const UNKNOWN_KIND_STYLE: ItemKindStyle = {
  fill: '#eeeeee',
  stroke: '#666666',
  ink: '#333333',
  // A question mark in a circle.
  icon: 'M3 12A9 9 0 1 0 21 12A9 9 0 1 0 3 12Z M9.5 9.5A2.5 2.5 0 1 1 13 11.8C12.4 12.1 12 12.6 12 13.3V14 M12 17V17.5',
  labelKey: 'kind.unknown',
};

/** Small marks drawn on a card, in the same icon format. */
export const MARKER_ICONS = {
  /** The card is restricted or confidential. */
  lock: 'M7 11V8A5 5 0 0 1 17 8V11 M5 11H19V21H5Z M12 15V17',
  /** The tolerant reader found a problem in the card. */
  problem: 'M3 12A9 9 0 1 0 21 12A9 9 0 1 0 3 12Z M12 7V13 M12 16.5V17',
} as const;

/** The lock's colour per marking; a public card has no lock. */
export const SENSITIVITY_INK: { readonly [S in Exclude<Sensitivity, 'public'>]: string } = {
  restricted: '#8a5a00',
  confidential: '#b00020',
};

export const PROBLEM_INK = '#b00020';

/**
 * Chip colours of the seven dimensions, for white text (at least 4.5:1): a threat's dimensions
 * read at a glance, and the same colour names a dimension in every chart of an export.
 */
export const DIMENSION_COLORS: { readonly [D in Dimension]: string } = {
  economic: '#7a5300',
  food: '#a84300',
  health: '#b00020',
  environmental: '#2e7d32',
  personal: '#6a1b9a',
  community: '#00695c',
  political: '#1f4e9c',
};

/** Badge colours of the two strategies, for white text. */
export const STRATEGY_COLORS: { readonly [S in Strategy]: string } = {
  protection: '#2e5aac',
  empowerment: '#25784a',
};

export const RISK_LEVELS = ['low', 'moderate', 'high', 'severe'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Badge colours of a risk score, for white text; the bands of a 5 x 5 risk matrix. */
export const RISK_COLORS: { readonly [R in RiskLevel]: string } = {
  low: '#2e7d32',
  moderate: '#7a5f00',
  high: '#b34700',
  severe: '#b00020',
};

/** The band of a risk score (severity x likelihood, 1..25). */
export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return 'severe';
  if (score >= 10) return 'high';
  if (score >= 5) return 'moderate';
  return 'low';
}

export interface LinkKindStyle {
  readonly stroke: string;
  readonly dash?: readonly number[];
  /** The i18n key of the link kind's verb. */
  readonly labelKey: `link.${string}`;
}

export const LINK_KIND_STYLES: { readonly [K in LinkKind]: LinkKindStyle & { readonly labelKey: `link.${K}` } } = {
  causes: { stroke: '#c0392b', labelKey: 'link.causes' },
  amplifies: { stroke: '#c25400', dash: [10, 5], labelKey: 'link.amplifies' },
  affects: { stroke: '#2e5aac', labelKey: 'link.affects' },
  addresses: { stroke: '#138a7e', labelKey: 'link.addresses' },
  responsible: { stroke: '#7b3fa0', labelKey: 'link.responsible' },
  strengthens: { stroke: '#2e8b57', labelKey: 'link.strengthens' },
  monitors: { stroke: '#b03a7a', dash: [4, 4], labelKey: 'link.monitors' },
  relates: { stroke: '#666666', dash: [2, 4], labelKey: 'link.relates' },
};

export const UNKNOWN_LINK_STYLE: LinkKindStyle = { stroke: '#999999', dash: [2, 2], labelKey: 'link.unknown' };

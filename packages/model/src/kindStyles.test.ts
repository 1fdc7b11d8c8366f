// The style table is what makes kinds tell apart on the canvas and in exports: every kind has
// a colour, an icon and a label key; colours are distinct and readable.
import { describe, expect, it } from 'vitest';
import {
  DIMENSION_COLORS,
  ICON_BOX,
  ITEM_KIND_STYLES,
  LINK_KIND_STYLES,
  MARKER_ICONS,
  RISK_COLORS,
  SENSITIVITY_INK,
  STRATEGY_COLORS,
  UNKNOWN_KIND_STYLE,
  riskLevel,
} from './kindStyles.js';
import { DIMENSIONS, ITEM_KINDS, LINK_KINDS } from './vocabulary.js';

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb {
  expect(hex).toMatch(/^#[0-9a-f]{6}$/);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(linear) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE L*a*b* (D65), for a perceptual distance between colours. */
function lab(hex: string): Rgb {
  const [r, g, b] = rgb(hex).map(linear) as unknown as Rgb;
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 delta E: about 2 is a just noticeable difference, over 10 reads as another colour. */
function deltaE(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

function pairs<T>(values: readonly T[]): [T, T][] {
  return values.flatMap((a, i) => values.slice(i + 1).map((b): [T, T] => [a, b]));
}

/** Every number in a path lies in the icon box, and it only uses the commands we draw. */
function expectIcon(path: string): void {
  expect(path).toMatch(/^[MLHVCAZ0-9 .\-]+$/i);
  const numbers = path.match(/-?\d*\.?\d+/g)?.map(Number) ?? [];
  expect(numbers.length).toBeGreaterThan(0);
  for (const n of numbers) expect(n >= -ICON_BOX && n <= ICON_BOX).toBe(true);
}

describe('item kind styles', () => {
  it('give every kind a colour, an icon and its label key', () => {
    expect(Object.keys(ITEM_KIND_STYLES).sort()).toEqual([...ITEM_KINDS].sort());
    for (const kind of ITEM_KINDS) {
      const style = ITEM_KIND_STYLES[kind];
      expect(style.labelKey).toBe(`kind.${kind}`);
      for (const colour of [style.fill, style.stroke, style.ink]) rgb(colour);
      expectIcon(style.icon);
    }
    expectIcon(UNKNOWN_KIND_STYLE.icon);
  });

  it('keep card text readable (7:1) and the border and icon visible (3:1) on the fill', () => {
    for (const style of [...Object.values(ITEM_KIND_STYLES), UNKNOWN_KIND_STYLE]) {
      expect(contrast(style.ink, style.fill)).toBeGreaterThanOrEqual(7);
      expect(contrast(style.stroke, style.fill)).toBeGreaterThanOrEqual(3);
    }
  });

  it('are distinct from kind to kind, in fill, border and icon', () => {
    for (const [a, b] of pairs(ITEM_KINDS)) {
      const [sa, sb] = [ITEM_KIND_STYLES[a], ITEM_KIND_STYLES[b]];
      expect(deltaE(sa.fill, sb.fill), `${a} / ${b} fill`).toBeGreaterThan(10);
      expect(deltaE(sa.stroke, sb.stroke), `${a} / ${b} stroke`).toBeGreaterThan(15);
      expect(sa.icon).not.toBe(sb.icon);
    }
  });

  it('draw only frames dashed', () => {
    for (const kind of ITEM_KINDS) expect(ITEM_KIND_STYLES[kind].dash !== undefined).toBe(kind === 'frame');
  });
});

describe('badge and marker colours', () => {
  it('carry white text at 4.5:1 and are distinct', () => {
    const groups = [DIMENSION_COLORS, STRATEGY_COLORS, RISK_COLORS];
    for (const group of groups) {
      for (const colour of Object.values(group)) expect(contrast('#ffffff', colour)).toBeGreaterThanOrEqual(4.5);
      for (const [a, b] of pairs(Object.values(group))) expect(deltaE(a, b)).toBeGreaterThan(10);
    }
    expect(Object.keys(DIMENSION_COLORS).sort()).toEqual([...DIMENSIONS].sort());
  });

  it('mark restricted and confidential cards visibly on any kind', () => {
    for (const ink of Object.values(SENSITIVITY_INK)) {
      for (const style of Object.values(ITEM_KIND_STYLES)) expect(contrast(ink, style.fill)).toBeGreaterThanOrEqual(3);
    }
    for (const icon of Object.values(MARKER_ICONS)) expectIcon(icon);
  });

  it('band risk scores like a 5 x 5 matrix', () => {
    expect([1, 4, 5, 9, 10, 14, 15, 25].map(riskLevel)).toEqual(['low', 'low', 'moderate', 'moderate', 'high', 'high', 'severe', 'severe']);
  });
});

describe('link kind styles', () => {
  it('cover every link kind with a colour and its label key', () => {
    expect(Object.keys(LINK_KIND_STYLES).sort()).toEqual([...LINK_KINDS].sort());
    for (const kind of LINK_KINDS) {
      rgb(LINK_KIND_STYLES[kind].stroke);
      expect(LINK_KIND_STYLES[kind].labelKey).toBe(`link.${kind}`);
    }
  });
});

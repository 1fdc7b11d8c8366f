import { ITEM_KIND_STYLES } from '@interlink/model';
import { en } from '@interlink/i18n';
import { describe, expect, it } from 'vitest';
import { SWATCHES } from './colors.js';

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('card colour swatches', () => {
  it('keep every kind’s text readable (7:1) and are named in the catalog', () => {
    for (const swatch of SWATCHES) {
      expect(swatch.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(en[swatch.nameKey]).toBeTruthy();
      for (const style of Object.values(ITEM_KIND_STYLES)) expect(contrast(style.ink, swatch.color)).toBeGreaterThanOrEqual(7);
    }
    expect(new Set(SWATCHES.map((s) => s.color)).size).toBe(SWATCHES.length);
  });
});

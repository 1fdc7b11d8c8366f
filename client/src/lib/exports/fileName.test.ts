import { describe, expect, it } from 'vitest';
import { exportFileName, isoDay, titleSlug } from './fileName.js';

const DAY = new Date(2025, 2, 4, 23, 30);

describe('export file names', () => {
  it('slugs the title, dates it by the local day, and keeps the format’s extension', () => {
    expect(exportFileName('Water security, Turkana 2025!', 'b1', 'png', DAY)).toBe('water-security-turkana-2025-2025-03-04.png');
    expect(exportFileName('Risk map', 'b1', 'items.csv', DAY)).toBe('risk-map-2025-03-04.items.csv');
    expect(exportFileName('Risk map', 'b1', 'report.pdf', DAY)).toBe('risk-map-2025-03-04.report.pdf');
  });

  it('drops accents and spells out Latin letters that have none', () => {
    expect(titleSlug('Sécurité humaine — Côte d’Ivoire')).toBe('securite-humaine-cote-d-ivoire');
    expect(titleSlug('Straße Æsir Łódź')).toBe('strasse-aesir-lodz');
  });

  it('falls back to the board id when the title is not Latin, or has nothing to slug', () => {
    expect(exportFileName('الأمن البشري', 'abc123', 'json', DAY)).toBe('abc123-2025-03-04.json');
    expect(exportFileName('人类安全 2025', 'abc123', 'md', DAY)).toBe('abc123-2025-03-04.md');
    expect(exportFileName('  --- !!! ', 'abc123', 'svg', DAY)).toBe('abc123-2025-03-04.svg');
    expect(exportFileName('', 'abc123', 'pdf', DAY)).toBe('abc123-2025-03-04.pdf');
  });

  it('ignores emoji and punctuation rather than giving up on the title', () => {
    expect(titleSlug('🌍 Climate & conflict 🔥')).toBe('climate-conflict');
  });

  it('keeps names short, without a trailing hyphen', () => {
    const slug = titleSlug('a'.repeat(59) + ' b' + 'c'.repeat(40));
    expect(slug).toBe('a'.repeat(59));
  });

  it('dates by the local calendar, padded', () => {
    expect(isoDay(new Date(2024, 0, 9))).toBe('2024-01-09');
  });
});

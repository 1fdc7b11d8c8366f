import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_CHOICE, EXPORT_FORMATS, exportPath, exportQuery, formatOptions, sensitivityChoices, type ExportChoice } from './exportOptions.js';

const choose = (changes: Partial<ExportChoice>): ExportChoice => ({ ...DEFAULT_EXPORT_CHOICE, ...changes });
const query = (changes: Partial<ExportChoice>): Record<string, string> => Object.fromEntries(exportQuery(choose(changes)));

describe('the export request', () => {
  it('asks for restricted cards by default, as the server does', () => {
    expect(DEFAULT_EXPORT_CHOICE.maxSensitivity).toBe('restricted');
    expect(query({ format: 'json' })).toEqual({ maxSensitivity: 'restricted' });
  });

  it('sends only the options the format reads', () => {
    const everything: Partial<ExportChoice> = { scale: 2, page: 'a3', orientation: 'landscape', fit: 'tiles' };
    expect(query({ ...everything, format: 'png' })).toEqual({ maxSensitivity: 'restricted', scale: '2' });
    expect(query({ ...everything, format: 'pdf' })).toEqual({ maxSensitivity: 'restricted', page: 'a3', orientation: 'landscape', fit: 'tiles' });
    expect(query({ ...everything, format: 'report.pdf' })).toEqual({ maxSensitivity: 'restricted', page: 'a3' });
    for (const format of ['svg', 'md', 'json', 'items.csv', 'links.csv'] as const) {
      expect(query({ ...everything, format, maxSensitivity: 'public' })).toEqual({ maxSensitivity: 'public' });
    }
  });

  it('leaves the orientation to the server when it is automatic', () => {
    expect(query({ format: 'pdf', orientation: 'auto' })).toEqual({ maxSensitivity: 'restricted', page: 'a4', fit: 'page' });
  });

  it('builds the path without the token, the board id escaped', () => {
    const path = exportPath('board/1?x', choose({ format: 'items.csv', maxSensitivity: 'confidential' }));
    expect(path).toBe('/api/boards/board%2F1%3Fx/export/items.csv?maxSensitivity=confidential');
    expect(path).not.toMatch(/token/);
  });

  it('shows options only for the formats that have them', () => {
    expect(EXPORT_FORMATS.filter((format) => Object.values(formatOptions(format)).some(Boolean))).toEqual(['png', 'pdf', 'report.pdf']);
  });

  it('offers confidential cards to facilitators only', () => {
    expect(sensitivityChoices('facilitator')).toEqual(['public', 'restricted', 'confidential']);
    expect(sensitivityChoices('participant')).toEqual(['public', 'restricted']);
    expect(sensitivityChoices('observer')).toEqual(['public', 'restricted']);
  });
});

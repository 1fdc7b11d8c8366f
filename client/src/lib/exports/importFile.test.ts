import { describe, expect, it } from 'vitest';
import { checkImportFile, importFormatOf, MAX_IMPORT_BYTES, mebibytes } from './importFile.js';

describe('choosing a file to import', () => {
  it('knows the format by the extension first, whatever type the OS gave', () => {
    expect(importFormatOf({ name: 'board.JSON', type: '' })).toBe('json');
    expect(importFormatOf({ name: 'items.csv', type: 'application/vnd.ms-excel' })).toBe('csv');
    expect(importFormatOf({ name: 'export', type: 'application/json' })).toBe('json');
    expect(importFormatOf({ name: 'export', type: 'text/csv; charset=utf-8' })).toBe('csv');
    expect(importFormatOf({ name: 'board.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBeUndefined();
  });

  it('refuses a file over the server’s limit before reading it, and a file of another type', () => {
    expect(checkImportFile({ name: 'a.json', size: MAX_IMPORT_BYTES, type: '' })).toEqual({ ok: true, format: 'json' });
    expect(checkImportFile({ name: 'a.json', size: MAX_IMPORT_BYTES + 1, type: '' })).toEqual({ ok: false, reason: 'too-large' });
    expect(checkImportFile({ name: 'a.txt', size: 10, type: 'text/plain' })).toEqual({ ok: false, reason: 'wrong-type' });
  });

  it('states sizes in MiB', () => {
    expect(mebibytes(MAX_IMPORT_BYTES)).toBe('20.0');
    expect(mebibytes(21.5 * 1024 * 1024)).toBe('21.5');
  });
});

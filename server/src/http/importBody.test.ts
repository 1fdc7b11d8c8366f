import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiError } from './errors.js';
import { importFormat, prepareImport } from './importBody.js';

describe('importFormat', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['text/csv', 'csv'],
    ['Text/CSV; charset="UTF-8"; header=present', 'csv'],
  ])('reads %s as %s', (contentType, format) => {
    expect(importFormat(contentType)).toBe(format);
  });

  it.each([['text/csv; charset=windows-1252'], ['text/plain'], [undefined]])('refuses %s with 415', (contentType) => {
    expect(() => importFormat(contentType)).toThrow(ApiError);
    try {
      importFormat(contentType);
    } catch (error) {
      expect(error instanceof ApiError && error.statusCode).toBe(415);
    }
  });
});

describe('prepareImport', () => {
  it('refuses a faulty body with a 400 that names the field, before any doc is touched', () => {
    const body = JSON.stringify({ schema: 1, items: [{ id: 'a', kind: 'note', x: 'left', y: 0, w: 1, h: 1 }], links: [] });
    expect(() => prepareImport('json', body)).toThrow('items[0].x must be a finite number');
    expect(() => prepareImport('csv', 'kind\r\nthret\r\n')).toThrow('row 2: unknown kind "thret"');
    expect(() => prepareImport('json', undefined)).toThrow('the body is not JSON');
  });

  it('writes a checked body into a doc', () => {
    const doc = new Y.Doc();
    const prepared = prepareImport('csv', 'kind,text\r\nnote,Hello\r\n');
    expect(prepared.write(doc).added.items).toBe(1);
  });
});

// The table of formats that the API and the CLI share: every entry renders, text formats as text
// and the others as the bytes their content type announces, and only its own keys are formats.
import { addItem, initBoard } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, exportFormat, isExportFormatName } from './formats.js';

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Formats');
  addItem(doc, { kind: 'threat', x: 0, y: 0, text: 'Drought' });
  addItem(doc, { kind: 'actor', x: 0, y: 200, text: 'Informant', sensitivity: 'confidential' });
  return doc;
}

const SIGNATURES: Readonly<Record<string, string>> = { 'image/png': '\x89PNG', 'application/pdf': '%PDF' };

describe('EXPORT_FORMATS', () => {
  it('offers the formats of CONTRACT.md section 5 and the report as PDF', () => {
    expect([...EXPORT_FORMAT_NAMES].sort()).toEqual(['items.csv', 'json', 'links.csv', 'md', 'pdf', 'png', 'report.pdf', 'svg']);
  });

  it('knows only its own keys as formats', () => {
    expect(isExportFormatName('md')).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'MD', '']) expect(isExportFormatName(name), name).toBe(false);
  });

  it.each(EXPORT_FORMAT_NAMES)('%s renders a board, leaving confidential cards out by the option', async (name) => {
    const format = exportFormat(name);
    const body = await format.render(board(), { maxSensitivity: 'restricted', generatedAt: 0, ...(name === 'png' ? { scale: 0.25 } : {}) });
    const signature = SIGNATURES[format.contentType];
    if (signature === undefined) {
      expect(typeof body, format.contentType).toBe('string');
      expect(body).not.toContain('Informant');
    } else {
      expect(body).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(body).subarray(0, signature.length).toString('latin1')).toBe(signature);
    }
    expect(EXPORT_FORMATS[name].extension).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { SECRET_TEXT, sampleBoard } from '../svg/testing/sampleBoard.js';
import { boardPdf } from './render.js';

const generatedAt = Date.UTC(2025, 10, 28, 9, 30);
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
/** Page objects (not the /Pages tree); pdfkit writes object dictionaries uncompressed. */
const pageCount = (pdf: string): number => pdf.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('boardPdf', () => {
  const doc = sampleBoard();

  it('prints the map on one page with the bundled font embedded as a subset', async () => {
    const pdf = latin1(await boardPdf(doc, { maxSensitivity: 'restricted', generatedAt }));
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pageCount(pdf)).toBe(1);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(pdf).toContain('/FontFile2');
    // The paper asked for: A3 portrait.
    const a3 = latin1(await boardPdf(doc, { maxSensitivity: 'restricted', generatedAt, page: 'a3', orientation: 'portrait' }));
    expect(a3).toMatch(/\/MediaBox \[0 0 841\.89 1190\.55\]/);
  });

  it('adds the parts after the overview with fit=tiles', async () => {
    const pdf = latin1(await boardPdf(doc, { maxSensitivity: 'restricted', generatedAt, fit: 'tiles', page: 'a4', orientation: 'portrait' }));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
  });

  it('does not hold the secret card unless asked, even in its metadata', async () => {
    const pdf = latin1(await boardPdf(doc, { maxSensitivity: 'restricted', generatedAt }));
    expect(pdf).not.toContain(SECRET_TEXT);
  });
});

describe('boardReportPdf', () => {
  const doc = sampleBoard();

  it('sets the analysis report as a PDF in the bundled font', async () => {
    const { boardReportPdf } = await import('./reportPdf.js');
    const pdf = latin1(await boardReportPdf(doc, { maxSensitivity: 'restricted', generatedAt }));
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdf).not.toContain(SECRET_TEXT);
  });
});

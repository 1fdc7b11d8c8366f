// The analysis report as a PDF (`report.pdf`): the Markdown report's structure (headings, lists,
// tables) set with pdfkit in the bundled font, so that a workshop can print or mail the report
// as it reads on screen. Text is real text, wrapped and paginated by pdfkit.
import type * as Y from 'yjs';
import { boardReport, type ReportOptions } from '../report/render.js';
import { fontFiles } from '../svg/font.js';
import { stripInvalidXml } from '../svg/xml.js';
import { inlineRuns, markdownBlocks, plainText, type Block } from './markdownBlocks.js';
import { PAGE_SIZES, type PageSize } from './pages.js';
import { loadPdfKit } from './loadPdfKit.js';

export interface ReportPdfOptions extends ReportOptions {
  readonly page?: PageSize;
}

type Doc = PDFKit.PDFDocument;

const FONTS = { regular: 'Report', bold: 'Report Bold', italic: 'Report Italic', boldItalic: 'Report Bold Italic' } as const;
const HEADING_SIZE: Readonly<Record<number, number>> = { 1: 20, 2: 15, 3: 12 };
const BODY_SIZE = 10;
const MARGIN = 56;
const INK = '#1f2933';

function fontFor(bold: boolean, italic: boolean): string {
  if (bold) return italic ? FONTS.boldItalic : FONTS.bold;
  return italic ? FONTS.italic : FONTS.regular;
}

/** One paragraph of inline Markdown, its runs set one after another and wrapped by pdfkit. */
function writeRuns(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}, prefix = ''): void {
  const parsed = inlineRuns(text);
  const runs = (prefix === '' ? parsed : [{ text: prefix, bold: false, italic: false }, ...parsed]).map((run) => ({ ...run, text: stripInvalidXml(run.text) }));
  if (runs.length === 0) return;
  runs.forEach((run, index) => {
    doc.font(fontFor(run.bold, run.italic)).text(run.text, { ...options, continued: index < runs.length - 1 });
  });
}

function writeBlock(doc: Doc, block: Block): void {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.type) {
    case 'heading':
      // A heading is never the last line of a page: what it heads starts on the next page with it.
      if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
      doc.moveDown(block.level === 1 ? 0 : 0.6);
      doc.fontSize(HEADING_SIZE[block.level] ?? BODY_SIZE + 1).fillColor(INK);
      writeRuns(doc, `**${block.text}**`);
      doc.fontSize(BODY_SIZE).moveDown(0.3);
      break;
    case 'paragraph':
      writeRuns(doc, block.text, { width });
      doc.moveDown(0.5);
      break;
    case 'list':
      block.items.forEach((item, index) => {
        doc.x = MARGIN + 10;
        writeRuns(doc, item, { width: width - 10 }, block.ordered ? `${index + 1}. ` : '• ');
      });
      doc.x = MARGIN;
      doc.moveDown(0.5);
      break;
    case 'table':
      doc.font(FONTS.regular).fontSize(BODY_SIZE - 1);
      doc.table({
        position: { x: MARGIN },
        maxWidth: width,
        rowStyles: (row) => (row === 0 ? { font: FONTS.bold, backgroundColor: '#eef1f5' } : undefined),
        defaultStyle: { padding: 3, border: 0.5, borderColor: '#c5ccd6' },
        data: [block.header.map(plainText), ...block.rows.map((row) => row.map(plainText))].map((row) => row.map(stripInvalidXml)),
      });
      doc.fontSize(BODY_SIZE).moveDown(0.5);
      doc.x = MARGIN;
      break;
  }
}

function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The report's Markdown set as a PDF. */
export async function markdownReportToPdf(markdown: string, options: { readonly generatedAt: number; readonly page?: PageSize }): Promise<Uint8Array> {
  const blocks = markdownBlocks(markdown);
  const first = blocks[0];
  const title = first?.type === 'heading' ? stripInvalidXml(plainText(first.text)) : 'Report';
  const created = new Date(options.generatedAt);
  const { w, h } = PAGE_SIZES[options.page ?? 'a4'];
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: [w, h],
    margin: MARGIN,
    bufferPages: false,
    info: { Title: title, Producer: 'Interlink', Creator: 'Interlink', CreationDate: created, ModDate: created },
    displayTitle: true,
    lang: 'en',
  });
  const done = collect(doc);
  const files = fontFiles();
  doc.registerFont(FONTS.regular, files.normal);
  doc.registerFont(FONTS.bold, files.bold);
  doc.registerFont(FONTS.italic, files.oblique);
  doc.registerFont(FONTS.boldItalic, files.boldOblique);
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(INK);
  for (const block of blocks) writeBlock(doc, block);
  doc.end();
  return done;
}

/** Reads a board, leaves out what is above `maxSensitivity`, and sets its analysis report as PDF. */
export function boardReportPdf(doc: Y.Doc, options: ReportPdfOptions): Promise<Uint8Array> {
  return markdownReportToPdf(boardReport(doc, options), options);
}

// The whole board as a PDF (CONTRACT.md section 5, `pdf`), on A4, A3 or Letter: either the
// whole map shrunk onto one page, or an overview page followed by the map in overlapping parts
// at a readable size. Drawn by the PdfPainter from the same scene as the SVG.
import { readBoard, restrictView, type BoardView, type Box } from '@interlink/model';
import { loadPdfKit } from './loadPdfKit.js';
import type * as Y from 'yjs';
import { fontFiles } from '../svg/font.js';
import { growBox } from '../svg/geometry.js';
import { paintScene } from '../svg/paint.js';
import { boardScene, englishTranslator, type VisualOptions } from '../svg/render.js';
import { MARGIN, type Scene } from '../svg/scene.js';
import { stripInvalidXml } from '../svg/xml.js';
import { PDF_FONTS, PdfPainter } from './pdfPainter.js';
import { PAGE_MARGIN, TILE_HEADER, fitScale, paperFor, planTiles, type Fit, type Orientation, type PageSize, type Paper, type TilePlan } from './pages.js';

export interface PdfOptions extends VisualOptions {
  readonly page?: PageSize;
  /** Without one, the orientation that suits the map's shape. */
  readonly orientation?: Orientation;
  readonly fit?: Fit;
}

type Doc = PDFKit.PDFDocument;

const GRID_INK = '#6b7587';

const sizeOf = (box: Box): { w: number; h: number } => ({ w: box.right - box.left, h: box.bottom - box.top });

/** Paints `region` of the scene (all of it when absent) scaled into the box at (x, y). */
function paintInto(doc: Doc, scene: Scene, area: { x: number; y: number; w: number; h: number }, scale: number, region?: Box): void {
  const source = region ?? scene.extent;
  doc.save();
  doc.rect(area.x, area.y, area.w, area.h).clip();
  doc.translate(area.x, area.y).scale(scale).translate(-source.left, -source.top);
  paintScene(scene, new PdfPainter(doc), region ? { region } : {});
  doc.restore();
}

/** The whole scene centred on one page; answers where it went, for the tile grid drawn over it. */
function overviewPage(doc: Doc, scene: Scene, paper: Paper): { x: number; y: number; scale: number } {
  doc.addPage({ size: [paper.w, paper.h], margin: 0 });
  const room = { w: paper.w - 2 * PAGE_MARGIN, h: paper.h - 2 * PAGE_MARGIN };
  const content = sizeOf(scene.extent);
  const scale = fitScale(content, room);
  const x = PAGE_MARGIN + (room.w - content.w * scale) / 2;
  const y = PAGE_MARGIN + (room.h - content.h * scale) / 2;
  paintInto(doc, scene, { x, y, w: content.w * scale, h: content.h * scale }, scale);
  return { x, y, scale };
}

/** Outlines and numbers the parts on the overview, so that a reader finds part 2–3 on the wall. */
function drawGrid(doc: Doc, scene: Scene, plan: TilePlan, at: { x: number; y: number; scale: number }): void {
  doc.save();
  doc.translate(at.x, at.y).scale(at.scale).translate(-scene.extent.left, -scene.extent.top);
  const { left, top, right, bottom } = scene.extent;
  doc.rect(left, top, right - left, bottom - top).clip();
  const width = 1 / at.scale;
  for (const tile of plan.tiles) {
    const { left, top, right, bottom } = tile.region;
    doc.rect(left, top, right - left, bottom - top).lineWidth(width).dash(4 * width, { space: 3 * width }).stroke(GRID_INK);
    doc.undash();
    doc.font(PDF_FONTS.bold).fontSize(9 * width).fillColor(GRID_INK);
    doc.text(`${tile.row}–${tile.column}`, left + 4 * width, top + 12 * width, { lineBreak: false, baseline: 'alphabetic' });
  }
  doc.restore();
}

function tilePages(doc: Doc, scene: Scene, paper: Paper, options: PdfOptions, plan: TilePlan): void {
  const translator = options.translator ?? englishTranslator;
  const title = stripInvalidXml(scene.titleLines.join(' '));
  const room = { w: paper.w - 2 * PAGE_MARGIN, h: paper.h - 2 * PAGE_MARGIN - TILE_HEADER };
  const pages = plan.tiles.length + 1;
  plan.tiles.forEach((tile, index) => {
    doc.addPage({ size: [paper.w, paper.h], margin: 0 });
    const words = { title, row: tile.row, column: tile.column, page: index + 2, pages };
    doc.font(PDF_FONTS.normal).fontSize(9).fillColor('#52606d');
    doc.text(translator.t('export.pdf.part', words), PAGE_MARGIN, PAGE_MARGIN + 10, { lineBreak: false, baseline: 'alphabetic' });
    paintInto(doc, scene, { x: PAGE_MARGIN, y: PAGE_MARGIN + TILE_HEADER, w: room.w, h: room.h }, plan.scale, tile.region);
  });
}

function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The PDF of a view that has already been filtered to `maxSensitivity`. */
export async function boardToPdf(view: BoardView, options: PdfOptions): Promise<Uint8Array> {
  const scene = boardScene(view, options);
  const fit = options.fit ?? 'page';
  const paper = paperFor(options.page ?? 'a4', options.orientation, sizeOf(scene.extent));
  const created = new Date(options.generatedAt);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    // Fixed dates: the same board exported at the same moment gives the same file.
    info: { Title: stripInvalidXml(scene.titleLines.join(' ')), Producer: 'Interlink', Creator: 'Interlink', CreationDate: created, ModDate: created },
    displayTitle: true,
    lang: 'en',
  });
  const done = collect(doc);
  const files = fontFiles();
  doc.registerFont(PDF_FONTS.normal, files.normal);
  doc.registerFont(PDF_FONTS.bold, files.bold);
  const overview = overviewPage(doc, scene, paper);
  if (fit === 'tiles') {
    const room = { w: paper.w - 2 * PAGE_MARGIN, h: paper.h - 2 * PAGE_MARGIN - TILE_HEADER };
    const plan = planTiles(growBox(scene.map, MARGIN / 2), room);
    drawGrid(doc, scene, plan, overview);
    const note = (options.translator ?? englishTranslator).t('export.pdf.overview', { rows: plan.rows, columns: plan.columns });
    doc.font(PDF_FONTS.normal).fontSize(9).fillColor('#52606d');
    doc.text(note, PAGE_MARGIN, paper.h - PAGE_MARGIN / 2, { lineBreak: false, baseline: 'alphabetic' });
    tilePages(doc, scene, paper, options, plan);
  }
  doc.end();
  return done;
}

/** Reads a board, leaves out what is above `maxSensitivity`, and prints it as PDF. */
export function boardPdf(doc: Y.Doc, options: PdfOptions): Promise<Uint8Array> {
  return boardToPdf(restrictView(readBoard(doc), options.maxSensitivity), options);
}

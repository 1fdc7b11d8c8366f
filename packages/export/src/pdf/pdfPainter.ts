// The PDF painter: the scene drawn with pdfkit's own operators, through the same paintScene as
// the SVG, so the PDF shows what the SVG shows. Text is real text in the embedded DejaVu Sans
// (pdfkit subsets it), so that it can be selected, searched and read aloud.
//
// Why not convert the SVG: svg-to-pdfkit took 9-14 s for a 1,000-card map (about 10 ms a card,
// most of it parsing and garbage collection) and jsPDF + svg2pdf.js 14 s and 2.9 MB (no font
// subsetting) besides needing a DOM (jsdom, getBBox) in Node; painting directly takes well under
// a second for the same map.
import { iconPath, type IconName } from '../svg/cardPlan.js';
import { BASELINE_BELOW_MIDDLE, FONT_FAMILY, type FontWeight } from '../svg/font.js';
import type { Segment } from '../svg/geometry.js';
import { LINK_WIDTH, linkStyleOf, type ArrowHead, type Painter, type ShapeStyle, type TextPaint } from '../svg/paint.js';
import { arrowHeadPolygon, arrowShaft } from '../svg/geometry.js';
import { stripInvalidXml } from '../svg/xml.js';

export const PDF_FONTS: Readonly<Record<FontWeight, string>> = { normal: FONT_FAMILY, bold: `${FONT_FAMILY} Bold` };

type Doc = PDFKit.PDFDocument;

function applyDash(doc: Doc, dash: readonly number[] | undefined): void {
  const [on, off] = dash ?? [];
  if (on !== undefined && on > 0) doc.dash(on, { space: off !== undefined && off > 0 ? off : on });
  else doc.undash();
}

export class PdfPainter implements Painter {
  constructor(private readonly doc: Doc) {}

  begin(dx: number, dy: number): void {
    this.doc.save();
    this.doc.translate(dx, dy);
  }

  end(): void {
    this.doc.restore();
  }

  rect(x: number, y: number, w: number, h: number, style: ShapeStyle): void {
    const { doc } = this;
    if (style.radius) doc.roundedRect(x, y, w, h, Math.min(style.radius, w / 2, h / 2));
    else doc.rect(x, y, w, h);
    if (style.stroke) {
      doc.lineWidth(style.strokeWidth ?? 1);
      applyDash(doc, style.dash);
      if (style.fill) doc.fillAndStroke(style.fill, style.stroke);
      else doc.stroke(style.stroke);
      doc.undash();
    } else if (style.fill) {
      doc.fill(style.fill);
    }
  }

  arrow(points: Segment, stroke: string, dash: readonly number[] | undefined, head: ArrowHead): void {
    const { doc } = this;
    const [x1, y1, x2, y2] = arrowShaft(points);
    doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(LINK_WIDTH);
    applyDash(doc, dash);
    doc.stroke(stroke);
    doc.undash();
    const [tip, left, right] = arrowHeadPolygon(points);
    doc.polygon([tip.x, tip.y], [left.x, left.y], [right.x, right.y]).fill(linkStyleOf(head).stroke);
  }

  icon(name: IconName, x: number, y: number, size: number, color: string): void {
    const { doc } = this;
    doc.save();
    doc.translate(x, y).scale(size / 24);
    doc.path(iconPath(name)).lineWidth(2).lineCap('round').lineJoin('round').stroke(color);
    doc.restore();
  }

  text(x: number, middle: number, content: string, paint: TextPaint): void {
    const { doc } = this;
    const clean = stripInvalidXml(content);
    if (clean === '') return;
    const y = middle + paint.size * BASELINE_BELOW_MIDDLE;
    doc.font(PDF_FONTS[paint.weight]).fontSize(paint.size);
    const options = { lineBreak: false, baseline: 'alphabetic' } as const;
    if (paint.halo) {
      doc.save();
      doc.lineWidth(3).lineJoin('round').fillColor('#ffffff').strokeColor('#ffffff');
      doc.text(clean, x, y, { ...options, fill: true, stroke: true });
      doc.restore();
    }
    doc.fillColor(paint.fill).text(clean, x, y, options);
  }
}

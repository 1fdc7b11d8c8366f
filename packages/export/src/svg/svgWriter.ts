// The SVG painter: the scene as SVG markup. Every user string goes through xmlEscape and every
// number through num(), so that no card adds markup and the same board gives the same bytes.
// Icons and arrowheads are defined once and referenced. Only plain SVG 1.1 that any viewer and
// resvg (the PNG) draw alike: presentation attributes rather than CSS, text placed by its
// baseline, halos drawn as a second text underneath rather than with paint-order.
import { ICON_STROKE_WIDTH } from '@interlink/model';
import { ICON_NAMES, iconPath, type IconName } from './cardPlan.js';
import { BASELINE_BELOW_MIDDLE, SVG_FONT_FAMILY } from './font.js';
import { ARROW_HEAD, arrowShaft, type Segment } from './geometry.js';
import { LINK_WIDTH, linkStyleOf, paintScene, type ArrowHead, type PaintOptions, type Painter, type ShapeStyle, type TextPaint } from './paint.js';
import type { Scene } from './scene.js';
import { num, xmlEscape } from './xml.js';

const dashAttr = (dash: readonly number[] | undefined): string => (dash && dash.length > 0 ? ` stroke-dasharray="${dash.map(num).join(' ')}"` : '');

class SvgPainter implements Painter {
  readonly out: string[] = [];
  readonly heads = new Set<ArrowHead>();

  begin(dx: number, dy: number): void {
    this.out.push(`<g transform="translate(${num(dx)} ${num(dy)})">`);
  }

  end(): void {
    this.out.push('</g>');
  }

  rect(x: number, y: number, w: number, h: number, style: ShapeStyle): void {
    const position = `${x === 0 ? '' : ` x="${num(x)}"`}${y === 0 ? '' : ` y="${num(y)}"`}`;
    const radius = style.radius ? ` rx="${num(style.radius)}"` : '';
    const fill = ` fill="${style.fill === undefined ? 'none' : xmlEscape(style.fill)}"`;
    const stroke = style.stroke ? ` stroke="${style.stroke}" stroke-width="${num(style.strokeWidth ?? 1)}"${dashAttr(style.dash)}` : '';
    this.out.push(`<rect${position} width="${num(w)}" height="${num(h)}"${radius}${fill}${stroke}/>`);
  }

  arrow(points: Segment, stroke: string, dash: readonly number[] | undefined, head: ArrowHead): void {
    this.heads.add(head);
    const [x1, y1, x2, y2] = arrowShaft(points);
    this.out.push(
      `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}" stroke-width="${LINK_WIDTH}"${dashAttr(dash)} marker-end="url(#arrow-${head})"/>`,
    );
  }

  icon(name: IconName, x: number, y: number, size: number, color: string): void {
    this.out.push(`<use xlink:href="#icon-${name}" transform="translate(${num(x)} ${num(y)}) scale(${num(size / 24)})" stroke="${color}"/>`);
  }

  text(x: number, middle: number, content: string, paint: TextPaint): void {
    const position = `x="${num(x)}" y="${num(middle + paint.size * BASELINE_BELOW_MIDDLE)}" font-size="${num(paint.size)}"${paint.weight === 'bold' ? ' font-weight="bold"' : ''}`;
    const escaped = xmlEscape(content);
    if (paint.halo) this.out.push(`<text ${position} fill="#ffffff" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">${escaped}</text>`);
    this.out.push(`<text ${position} fill="${paint.fill}">${escaped}</text>`);
  }
}

function defs(heads: ReadonlySet<ArrowHead>): string[] {
  const out = ['<defs>'];
  for (const name of ICON_NAMES) {
    out.push(`<path id="icon-${name}" d="${iconPath(name)}" fill="none" stroke-width="${ICON_STROKE_WIDTH}" stroke-linecap="round" stroke-linejoin="round"/>`);
  }
  const { length, width } = ARROW_HEAD;
  for (const head of [...heads].sort()) {
    // refX 0: the marker starts where the shaft stops (see arrowShaft), its tip `length` further.
    out.push(
      `<marker id="arrow-${head}" viewBox="0 0 ${length} ${width}" refX="0" refY="${width / 2}" markerWidth="${length}" markerHeight="${width}" ` +
        `markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L${length} ${width / 2}L0 ${width}Z" fill="${linkStyleOf(head).stroke}"/></marker>`,
    );
  }
  out.push('</defs>');
  return out;
}

/** The scene as an SVG document: the whole of it, or only its map inside `options.region`. */
export function writeSvg(scene: Scene, options: PaintOptions = {}): string {
  const extent = options.region ?? scene.extent;
  const width = extent.right - extent.left;
  const height = extent.bottom - extent.top;
  const painter = new SvgPainter();
  paintScene(scene, painter, options);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ` +
      `width="${num(width)}" height="${num(height)}" viewBox="${num(extent.left)} ${num(extent.top)} ${num(width)} ${num(height)}" ` +
      `font-family="${xmlEscape(SVG_FONT_FAMILY)}">`,
    `<title>${xmlEscape(scene.titleLines.join(' '))}</title>`,
    ...defs(painter.heads),
    `<rect x="${num(extent.left)}" y="${num(extent.top)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    ...painter.out,
    '</svg>',
    '',
  ].join('\n');
}

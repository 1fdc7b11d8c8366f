// The one typeface of the visual exports: DejaVu Sans, from the `dejavu-fonts-ttf` npm package,
// so that the server never depends on the fonts of the machine it runs on. The SVG names it;
// the PNG and PDF renderers load exactly these files; and text is wrapped with the advance
// widths read from the same files, so that a line that fits in the layout fits on the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as fontkit from 'fontkit';

export type FontWeight = 'normal' | 'bold';

/** The family as the font files name it (what resvg and pdfkit match). */
export const FONT_FAMILY = 'DejaVu Sans';
/** What the SVG asks for: the bundled font first, then look-alikes for a viewer without it. */
export const SVG_FONT_FAMILY = `'${FONT_FAMILY}', Verdana, 'Bitstream Vera Sans', sans-serif`;

/** Width in canvas units of `text` set in the export font at `size`. */
export type TextMeasure = (text: string, size: number, weight: FontWeight) => number;

// Resolved from this module, not from the current directory: the server bundle sits elsewhere,
// and whoever depends on the font package (the export package, or the server bundling it) has
// it in its own node_modules.
const require = createRequire(import.meta.url);

/** Absolute paths of the font files: regular and bold, and the obliques the PDF report sets emphasis in. */
export function fontFiles(): Readonly<Record<FontWeight | 'oblique' | 'boldOblique', string>> {
  return {
    normal: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    oblique: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
    boldOblique: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
  };
}

/** Advance widths per code point in em, read once per glyph from one font file. */
class AdvanceWidths {
  readonly #font: fontkit.Font;
  readonly #perEm = new Map<number, number>();

  constructor(file: string) {
    // Required here, not imported at the top: fontkit is only needed once an SVG, PNG or PDF is
    // made, and loading it at start-up cost every server restart ~150 ms.
    const { create } = require('fontkit') as typeof fontkit;
    const opened = create(readFileSync(file));
    if (!('glyphForCodePoint' in opened)) throw new Error(`${file} is a font collection, not a font`);
    this.#font = opened;
  }

  of(codePoint: number): number {
    let width = this.#perEm.get(codePoint);
    if (width === undefined) {
      width = this.#font.glyphForCodePoint(codePoint).advanceWidth / this.#font.unitsPerEm;
      this.#perEm.set(codePoint, width);
    }
    return width;
  }

  /**
   * The sum of the advances. Kerning is left out: DejaVu's pairs mostly pull letters together,
   * so the sum errs on the wide side, and a line measured this way never overflows its card.
   */
  width(text: string): number {
    let em = 0;
    for (const char of text) em += this.of(char.codePointAt(0) ?? 0);
    return em;
  }
}

let shared: TextMeasure | undefined;

/** Measures with the bundled font's own metrics; the files are read on first use. */
export function fontMeasure(): TextMeasure {
  if (shared) return shared;
  const files = fontFiles();
  const widths = { normal: new AdvanceWidths(files.normal), bold: new AdvanceWidths(files.bold) };
  shared = (text, size, weight) => widths[weight].width(text) * size;
  return shared;
}

/**
 * How far below the middle of a line its baseline sits, in em: (ascent + descent) / 2 of DejaVu
 * Sans (0.928 and -0.236). SVG text is placed by its baseline; the canvas centres it vertically.
 */
export const BASELINE_BELOW_MIDDLE = 0.35;

// The whole board as a PNG (CONTRACT.md section 5, `png`): the SVG export rasterised by resvg,
// with the bundled font files and no system fonts, so that the picture is the same on every
// machine. Rendering runs on libuv's thread pool (renderAsync), not on the server's event loop.
import { readBoard, restrictView, type BoardView } from '@interlink/model';
import { renderAsync } from '@resvg/resvg-js';
import type * as Y from 'yjs';
import { fontFiles, FONT_FAMILY } from '../svg/font.js';
import { CARD_TEXT_MIN_SCALE } from '../svg/paint.js';
import { boardScene, type VisualOptions } from '../svg/render.js';
import { writeSvg } from '../svg/svgWriter.js';

/** Pixels per canvas unit a caller may ask for. */
export const PNG_SCALE = { min: 0.25, max: 4, default: 1 } as const;
/**
 * The largest picture made. A bigger map is drawn at a smaller scale rather than refused: a
 * 10,000-card board still exports (at a quarter of a pixel per unit, without card text). 25
 * megapixels (100 MB while drawn) keep a 1,000-card board readable (card text at 11 px) while
 * bounding what one request holds in memory and the seconds it takes to draw and compress.
 */
export const PNG_LIMITS = { maxSide: 16_384, maxPixels: 25_000_000 } as const;

export interface PngOptions extends VisualOptions {
  /** Pixels per canvas unit (1 by default); lowered when the picture would exceed PNG_LIMITS. */
  readonly scale?: number;
}

/** The scale actually used for a `width` x `height` SVG: the one asked for, or less to stay within PNG_LIMITS. */
export function pngScale(width: number, height: number, requested: number = PNG_SCALE.default): number {
  const asked = Math.min(Math.max(requested, PNG_SCALE.min), PNG_SCALE.max);
  const bySide = PNG_LIMITS.maxSide / Math.max(width, height, 1);
  const byPixels = Math.sqrt(PNG_LIMITS.maxPixels / Math.max(width * height, 1));
  // A little under the limit: resvg rounds the pixel size up.
  return Math.min(asked, bySide * 0.999, byPixels * 0.999);
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

/** Rasterises an SVG made by boardToSvg. */
export async function svgToPng(svg: string, scale: number = PNG_SCALE.default): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  const files = fontFiles();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: pngScale(width, height, scale) },
    font: { loadSystemFonts: false, fontFiles: [files.normal, files.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: '#ffffff',
    logLevel: 'off',
  });
  return new Uint8Array(image.asPng());
}

/**
 * The PNG of a view that has already been filtered to `maxSensitivity`: the SVG export, without
 * card text when the picture is too small for it to be read (see CARD_TEXT_MIN_SCALE).
 */
export function boardToPng(view: BoardView, options: PngOptions): Promise<Uint8Array> {
  const scene = boardScene(view, options);
  const { left, top, right, bottom } = scene.extent;
  const scale = pngScale(right - left, bottom - top, options.scale);
  return svgToPng(writeSvg(scene, { cardText: scale >= CARD_TEXT_MIN_SCALE }), scale);
}

/** Reads a board, leaves out what is above `maxSensitivity`, and draws it as PNG. */
export function boardPng(doc: Y.Doc, options: PngOptions): Promise<Uint8Array> {
  return boardToPng(restrictView(readBoard(doc), options.maxSensitivity), options);
}

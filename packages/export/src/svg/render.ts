// The whole board as an SVG picture (CONTRACT.md section 5, `svg`): the one renderer of the
// visual exports. PNG and PDF are drawn from this SVG, so the three show exactly the same map.
import { readBoard, restrictView, type BoardView, type Sensitivity } from '@interlink/model';
import { createTranslator, en, type Translator } from '@interlink/i18n';
import type * as Y from 'yjs';
import { fontMeasure, type TextMeasure } from './font.js';
import { buildScene, type Scene } from './scene.js';
import { writeSvg } from './svgWriter.js';

export interface VisualOptions {
  /** The most sensitive cards the picture may show; the view must already be filtered to it. */
  readonly maxSensitivity: Sensitivity;
  /** When the export was made (ms epoch); printed under the title. */
  readonly generatedAt: number;
  readonly translator?: Translator;
  /** Text widths; the bundled font's metrics by default. */
  readonly measure?: TextMeasure;
}

export const englishTranslator = createTranslator(() => en);

/** The laid-out map of an already filtered view, for the renderers that draw it in parts. */
export function boardScene(view: BoardView, options: VisualOptions): Scene {
  return buildScene(view, {
    maxSensitivity: options.maxSensitivity,
    generatedAt: options.generatedAt,
    translator: options.translator ?? englishTranslator,
    measure: options.measure ?? fontMeasure(),
  });
}

/** The SVG of a view that has already been filtered to `maxSensitivity`. */
export function boardToSvg(view: BoardView, options: VisualOptions): string {
  return writeSvg(boardScene(view, options));
}

/** Reads a board, leaves out what is above `maxSensitivity`, and draws it as SVG. */
export function boardSvg(doc: Y.Doc, options: VisualOptions): string {
  return boardToSvg(restrictView(readBoard(doc), options.maxSensitivity), options);
}

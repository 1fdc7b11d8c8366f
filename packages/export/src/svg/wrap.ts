// Word wrapping by measured width, as the canvas's text does (Konva wraps by word and ends an
// overflowing text with an ellipsis): the exported card shows the same lines as the screen.
import type { FontWeight, TextMeasure } from './font.js';

export const ELLIPSIS = '…';

export interface TextStyle {
  readonly size: number;
  readonly weight: FontWeight;
}

export interface WrapOptions extends TextStyle {
  readonly maxWidth: number;
  /** Lines beyond this are cut and the last one kept ends with an ellipsis. */
  readonly maxLines: number;
}

/**
 * The longest start of `text` that fits `maxWidth` with an ellipsis after it: the whole text when
 * it fits, '' when not even the ellipsis does. Binary search over the code points.
 */
export function fitText(measure: TextMeasure, text: string, style: TextStyle, maxWidth: number): string {
  if (maxWidth <= 0 || text === '') return '';
  if (measure(text, style.size, style.weight) <= maxWidth) return text;
  return withEllipsis(measure, Array.from(text), style, maxWidth);
}

/** As much of `chars` as fits before an ellipsis (at least the ellipsis alone, if that fits). */
function withEllipsis(measure: TextMeasure, chars: readonly string[], style: TextStyle, maxWidth: number): string {
  if (measure(ELLIPSIS, style.size, style.weight) > maxWidth) return '';
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('') + ELLIPSIS, style.size, style.weight) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/** Splits a word wider than the line into pieces that each fit (at least one character each). */
function breakWord(measure: TextMeasure, word: string, style: TextStyle, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && measure(piece + char, style.size, style.weight) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Every line of `text` wrapped to `maxWidth`, with no limit on their number. */
function allLines(measure: TextMeasure, text: string, style: TextStyle, maxWidth: number, stopAfter: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    // Runs of spaces collapse, as they do on the canvas and in SVG text.
    const words = paragraph.split(/[ \t\f\v\u00a0]+/).filter((word) => word !== '');
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, style.size, style.weight) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const piece of breakWord(measure, word, style, maxWidth)) {
        if (line !== '') lines.push(line);
        line = piece;
      }
      // Enough to know the text overflows: a 10,000-word card costs no more than a full one.
      if (lines.length > stopAfter) return lines;
    }
    lines.push(line);
    if (lines.length > stopAfter) return lines;
  }
  return lines;
}

/**
 * `text` as lines no wider than `maxWidth` (line breaks kept, spaces collapsed, words too long
 * for a line broken between characters), at most `maxLines` of them; when the text does not fit,
 * the last line shown ends with an ellipsis. Trailing empty lines are dropped.
 */
export function wrapText(measure: TextMeasure, text: string, options: WrapOptions): string[] {
  const { maxWidth, maxLines } = options;
  if (maxWidth <= 0 || maxLines < 1) return [];
  const lines = allLines(measure, text, options, maxWidth, maxLines);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxLines) return lines;
  const shown = lines.slice(0, maxLines);
  const last = shown[maxLines - 1] ?? '';
  shown[maxLines - 1] = withEllipsis(measure, Array.from(last), options, maxWidth);
  return shown;
}

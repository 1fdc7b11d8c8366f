// Text widths for the card decorations, measured once and remembered: ten thousand cards share
// a handful of labels ("THREAT", "Food", "Local · Government"), so after the first card almost
// every measurement is a map look-up instead of a canvas call.

/** Width in pixels of `text` drawn in the CSS `font`. */
export type Measure = (font: string, text: string) => number;

/** A bound on each cache: enough for every label of a board, small enough to never matter. */
const MAX_ENTRIES = 4000;

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  // Clearing all at once is crude but cheap, and only happens on boards with unusual variety.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** Wraps a raw measuring function with a cache. */
export function cachedMeasure(raw: Measure): Measure {
  const cache = new Map<string, number>();
  return (font, text) => remember(cache, `${font}\n${text}`, () => raw(font, text));
}

let shared: Measure | undefined;

/** The browser's measurement through one offscreen 2D context, cached; created on first use. */
export function canvasMeasure(): Measure {
  if (shared) return shared;
  const context = document.createElement('canvas').getContext('2d');
  shared = cachedMeasure((font, text) => {
    if (!context) return text.length * 7;
    context.font = font;
    return context.measureText(text).width;
  });
  return shared;
}

export const ELLIPSIS = '…';

/**
 * The longest start of `text` that fits `maxWidth` with an ellipsis after it (the whole text when
 * it fits; '' when not even the ellipsis does). Binary search over the length: a handful of
 * measurements, each cached.
 */
export function fitText(measure: Measure, font: string, text: string, maxWidth: number): string {
  if (maxWidth <= 0 || text === '') return '';
  if (measure(font, text) <= maxWidth) return text;
  if (measure(font, ELLIPSIS) > maxWidth) return '';
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(font, chars.slice(0, mid).join('') + ELLIPSIS) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

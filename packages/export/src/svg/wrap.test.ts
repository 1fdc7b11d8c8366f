import { describe, expect, it } from 'vitest';
import { fontMeasure, type TextMeasure } from './font.js';
import { ELLIPSIS, fitText, wrapText } from './wrap.js';

/** Every character (the ellipsis too) is half the font size wide: widths are easy to reason about. */
const mono: TextMeasure = (text, size) => Array.from(text).length * size * 0.5;
const style = { size: 10, weight: 'normal' } as const;

describe('wrapText', () => {
  it('fills each line with as many words as fit', () => {
    // 10 characters a line at 5 units each.
    expect(wrapText(mono, 'the quick brown fox jumps', { ...style, maxWidth: 50, maxLines: 10 })).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('keeps line breaks, collapses runs of spaces and drops trailing empty lines', () => {
    expect(wrapText(mono, 'one   two\n\nthree\n\n', { ...style, maxWidth: 100, maxLines: 10 })).toEqual(['one two', '', 'three']);
  });

  it('breaks a word longer than a line between characters', () => {
    expect(wrapText(mono, 'abcdefghijklmnopqrstuvwxyz', { ...style, maxWidth: 50, maxLines: 10 })).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
  });

  it('ends the last line shown with an ellipsis when the text does not fit', () => {
    const lines = wrapText(mono, 'aaa bbb ccc ddd eee fff', { ...style, maxWidth: 40, maxLines: 2 });
    expect(lines).toEqual(['aaa bbb', `ccc ddd${ELLIPSIS}`]);
    const tight = wrapText(mono, 'aaaaaaaa bbbbbbbb cc', { ...style, maxWidth: 40, maxLines: 1 });
    expect(tight).toEqual([`aaaaaaa${ELLIPSIS}`]);
    for (const line of [...lines, ...tight]) expect(mono(line, 10, 'normal')).toBeLessThanOrEqual(40);
  });

  it('shows nothing where there is no room', () => {
    expect(wrapText(mono, 'text', { ...style, maxWidth: 0, maxLines: 3 })).toEqual([]);
    expect(wrapText(mono, 'text', { ...style, maxWidth: 100, maxLines: 0 })).toEqual([]);
  });

  it('stops once the card is full on a huge text', () => {
    const huge = 'word '.repeat(50_000);
    expect(wrapText(mono, huge, { ...style, maxWidth: 100, maxLines: 3 })).toHaveLength(3);
  });
});

describe('fitText', () => {
  it('keeps a text that fits and cuts one that does not', () => {
    expect(fitText(mono, 'short', style, 100)).toBe('short');
    expect(fitText(mono, 'a much longer label', style, 40)).toBe(`a much${ELLIPSIS}`);
    expect(fitText(mono, 'anything', style, 2)).toBe('');
  });
});

describe('fontMeasure', () => {
  it('reads the bundled font: proportional widths that scale with the size', () => {
    const measure = fontMeasure();
    expect(measure('WWWW', 10, 'normal')).toBeGreaterThan(measure('iiii', 10, 'normal'));
    expect(measure('Threat', 20, 'normal')).toBeCloseTo(2 * measure('Threat', 10, 'normal'), 6);
    expect(measure('Threat', 10, 'bold')).toBeGreaterThan(measure('Threat', 10, 'normal'));
    // DejaVu Sans: "M" is 0.863 em wide.
    expect(measure('M', 100, 'normal')).toBeCloseTo(86.3, 0);
  });
});

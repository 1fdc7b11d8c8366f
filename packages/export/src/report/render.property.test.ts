// Property: the report renders any board the tolerant reader accepts, at every sensitivity,
// keeps its eight sections, and never shows a card above the sensitivity asked for.
import { SENSITIVITIES, readBoard, restrictView, type BoardView } from '@interlink/model';
import { buildJunkBoard, junkBoardSpec } from '@interlink/model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../markdown/escape.js';
import { renderReport } from './render.js';

const SECTION_COUNT = 8;

/** Texts only the cards above `max` hold: none of them may appear in a report restricted to `max`. */
function textsAbove(full: BoardView, restricted: BoardView): string[] {
  const kept = new Set([...restricted.items.values()].map((item) => item.text));
  // A text that a kept card also has (or that is too short to be told apart) proves nothing.
  return [...full.items.values()].map((item) => item.text).filter((text) => text.length >= 6 && !kept.has(text));
}

describe('the report on any board', () => {
  it('never throws, keeps every section and leaves out what is above the sensitivity', () => {
    fc.assert(
      fc.property(junkBoardSpec, fc.constantFrom(...SENSITIVITIES), (spec, maxSensitivity) => {
        const full = readBoard(buildJunkBoard(spec));
        const view = restrictView(full, maxSensitivity);
        const report = renderReport(view, { maxSensitivity, generatedAt: 0 });
        expect(report.split('\n').filter((line) => line.startsWith('## '))).toHaveLength(SECTION_COUNT);
        for (const text of textsAbove(full, view)) {
          expect(report).not.toContain(text);
          expect(report).not.toContain(inlineText(text));
        }
      }),
      { numRuns: 300 },
    );
  });
});

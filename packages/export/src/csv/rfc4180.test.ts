import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, csvDocument, neutralizeFormula, restoreNeutralized } from './rfc4180.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1', "'+1"],
    ['-120', "'-120"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
    ["'=already", "'=already"],
  ])('%j becomes %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it('is undone by restoreNeutralized, for every cell but one that a person began with the prefix itself', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', "'", '=', '-', '+', '@', '\t', '\r', ' ') });
    fc.assert(
      fc.property(cell, (text) => {
        fc.pre(!/^'[=+\-@\t\r]/.test(text));
        expect(restoreNeutralized(neutralizeFormula(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
    // The one ambiguity, documented: a cell typed as '=x reads back as =x (a formula no more
    // harmful on the board than any text, and neutralised again by the next export).
    expect(restoreNeutralized("'=x")).toBe('=x');
  });
});

describe('csvDocument', () => {
  it('writes a BOM, CRLF after every record, and quotes exactly the fields that need it', () => {
    const text = csvDocument(['id', 'text'], [['a', 'say "hi", then\nleave'], ['b', 'plain'], ['c', '=1+2'], ['d', '-5,5']]);
    expect(text).toBe(`${UTF8_BOM}id,text\r\na,"say ""hi"", then\nleave"\r\nb,plain\r\nc,'=1+2\r\nd,"'-5,5"\r\n`);
  });

  it('reads back with a real RFC 4180 parser as written, every cell neutralised', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '-', '+', '@', '\t', ' ', 'é', '🌊') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (records) => {
        const header = ['one', 'two', 'three'];
        const text = csvDocument(header, records);
        const parsed: string[][] = parse(text, { bom: true });
        expect(parsed).toEqual([header, ...records].map((record) => record.map(neutralizeFormula)));
        expect(parsed.map((record) => record.map(restoreNeutralized)).slice(1)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});

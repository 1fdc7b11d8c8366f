import { describe, expect, it } from 'vitest';
import { ITEMS_CSV_LIMITS, parseItemsCsv, type ParsedItemsCsv } from './parseItemsCsv.js';

const NOW = 1_750_000_000_000;
const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;
const message = (parsed: ParsedItemsCsv): string => (parsed.ok ? '' : parsed.message);

describe('parseItemsCsv', () => {
  it('reads a hand-written list: kinds, texts, dimensions, scores; new ids; createdAt now; no position yet', () => {
    const parsed = parseItemsCsv(csv('kind,text,dimensions,severity', 'threat,Drought,food; environmental,4', 'capacity,"Savings groups, village level",,'), { now: NOW });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [drought, savings] = parsed.rows;
    expect(drought).toMatchObject({ row: 2, placed: false, item: { kind: 'threat', text: 'Drought', dimensions: ['food', 'environmental'], severity: 4, createdAt: NOW, w: 200, h: 120 } });
    expect(drought?.item.id).toMatch(/^[0-9a-z]{16}$/);
    expect(savings).toMatchObject({ row: 3, item: { kind: 'capacity', text: 'Savings groups, village level' } });
    expect(savings?.item).not.toHaveProperty('severity');
  });

  it('undoes the export’s formula neutralisation, in numbers and in text', () => {
    const parsed = parseItemsCsv(csv('\uFEFFid,kind,text,x,y', `t1,threat,"'=HYPERLINK(""http://x"",""y"")",'-120,'+4.5`));
    expect(parsed.ok && parsed.rows[0]).toMatchObject({ placed: true, item: { id: 't1', text: '=HYPERLINK("http://x","y")', x: -120, y: 4.5 } });
  });

  it('reads a row with its trailing empty cells left out', () => {
    const parsed = parseItemsCsv(csv('kind,text,severity,onset', 'threat,Short row'));
    expect(parsed.ok && parsed.rows[0]?.item).toMatchObject({ kind: 'threat', text: 'Short row' });
  });

  it('reads unknown columns as JSON when they hold JSON, else as text', () => {
    const parsed = parseItemsCsv(csv('kind,votes,owner,zone', 'note,"{""up"":3}",Amina,"""river"""'));
    expect(parsed.ok && parsed.rows[0]?.item).toMatchObject({ votes: { up: 3 }, owner: 'Amina', zone: 'river' });
  });

  it('reports every faulty row by its spreadsheet row number, and refuses the whole file', () => {
    const parsed = parseItemsCsv(
      csv('kind,text,severity,onset,x', 'threat,ok,3,,', ',,,,', 'threat,bad score,7,,', 'threat,two faults,0,daily,', 'thret,typo,,,', 'note,x not a number,,,0x10', ',no kind,,,'),
    );
    expect(message(parsed)).toBe(
      [
        'row 4: severity must be 1..5, not "7"',
        'row 5: severity must be 1..5, not "0"',
        'row 5: onset must be one of chronic, sudden, not "daily"',
        'row 6: unknown kind "thret" (one of threat, root-cause, group, capacity, actor, response, indicator, note, frame)',
        'row 7: x must be a number, not "0x10"',
        'row 8: kind is missing',
      ].join('; '),
    );
  });

  it('caps the list of faults', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `thret,${index}`);
    const text = message(parseItemsCsv(csv('kind,text', ...lines)));
    expect(text.split('; row ')).toHaveLength(ITEMS_CSV_LIMITS.maxErrors);
    expect(text.endsWith('; and 10 more')).toBe(true);
  });

  it.each([
    ['an empty file', '', 'the CSV is empty'],
    ['no kind column', csv('type,text', 'threat,x'), 'row 1: the header has no kind column'],
    ['a links.csv', csv('id,kind,from,to', 'l,causes,a,b'), 'row 1: this is a links.csv'],
    ['a repeated column', csv('kind,text,text', 'note,a,b'), 'row 1: column "text" appears twice in the header'],
    ['a row of the wrong width', csv('kind,text', 'note,a,b'), 'row 2: has 3 cells, the header has 2'],
    ['an unclosed quote', csv('kind,text', 'note,"open'), 'the CSV could not be read: Quote Not Closed'],
    ['a repeated id', csv('id,kind', 'a,note', 'b,note', 'a,note'), 'row 4: id "a" repeats row 2'],
    ['a bad dimension', csv('kind,dimensions', 'threat,food;weather'), 'row 2: dimensions: unknown dimension "weather"'],
    ['a bad sensitivity', csv('kind,sensitivity', 'note,secret'), 'row 2: sensitivity must be one of public, restricted, confidential'],
    ['a bad time', csv('kind,createdAt', 'note,yesterday'), 'row 2: createdAt must be a time in milliseconds since 1970'],
    ['a text too long', csv('kind,text', `note,${'x'.repeat(ITEMS_CSV_LIMITS.maxTextChars + 1)}`), 'row 2: text is longer than'],
    ['JSON too deep', csv('kind,deep', `note,${'['.repeat(40)}${']'.repeat(40)}`), 'row 2: deep'],
  ])('refuses %s', (_what, text, expected) => {
    expect(message(parseItemsCsv(text))).toContain(expected);
  });

  it('refuses more rows than the limit', () => {
    const parsed = parseItemsCsv(csv('kind', 'note', 'note', 'note'), { limits: { ...ITEMS_CSV_LIMITS, maxRows: 2 } });
    expect(message(parsed)).toBe('the CSV holds 3 rows; at most 2 can be imported at once');
  });
});

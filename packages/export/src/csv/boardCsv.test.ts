import { addItem, asItemId, asLinkId, boardMaps, initBoard, linkItems } from '@interlink/model';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardItemsCsv, boardLinksCsv } from './boardCsv.js';
import { ITEM_CSV_COLUMNS } from './columns.js';

function workshop(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Workshop');
  addItem(doc, { id: asItemId('t1'), kind: 'threat', x: -120, y: 40.5, text: '=HYPERLINK("http://evil","click")', dimensions: ['food', 'health'], severity: 4, likelihood: 2, onset: 'sudden', author: 'Amina', createdAt: 1700000000000 });
  addItem(doc, { id: asItemId('a1'), kind: 'actor', x: 0, y: 0, text: 'Ministry, "water"\ndepartment', level: 'national', sector: 'government', createdAt: 1 });
  addItem(doc, { id: asItemId('secret'), kind: 'group', x: 0, y: 0, text: 'Informants', sensitivity: 'confidential', createdAt: 1 });
  boardMaps(doc).items.get('a1')?.set('votes', { up: 3 });
  boardMaps(doc).items.get('t1')?.set('hazardZone', 'river');
  linkItems(doc, { id: asLinkId('l1'), kind: 'responsible', from: asItemId('a1'), to: asItemId('t1'), label: '+ more', polarity: '-' });
  linkItems(doc, { id: asLinkId('l2'), kind: 'affects', from: asItemId('t1'), to: asItemId('secret') });
  boardMaps(doc).links.get('l1')?.set('weight', 0.5);
  return doc;
}

const rows = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true });

describe('items.csv', () => {
  it('has one column per field, unknown fields after them sorted, as JSON', () => {
    const text = boardItemsCsv(workshop(), { maxSensitivity: 'restricted' });
    const [header] = parse(text, { bom: true, to_line: 1 }) as string[][];
    expect(header).toEqual([...ITEM_CSV_COLUMNS, 'hazardZone', 'votes']);
    expect(text.startsWith('\uFEFFid,kind,text,x,y,')).toBe(true);
    expect(text.split('\r\n').at(-1)).toBe('');
  });

  it('writes one row per item, sorted by id, with formula cells and negative numbers neutralised', () => {
    const [actor, threat, ...rest] = rows(boardItemsCsv(workshop(), { maxSensitivity: 'restricted' }));
    expect(rest).toEqual([]);
    expect(actor).toMatchObject({ id: 'a1', kind: 'actor', text: 'Ministry, "water"\ndepartment', level: 'national', sector: 'government', votes: '{"up":3}', hazardZone: '' });
    expect(threat).toMatchObject({
      id: 't1',
      text: `'=HYPERLINK("http://evil","click")`,
      x: "'-120",
      y: '40.5',
      w: '200',
      dimensions: 'food;health',
      severity: '4',
      onset: 'sudden',
      author: 'Amina',
      createdAt: '1700000000000',
      hazardZone: '"river"',
      sensitivity: '',
    });
  });

  it('leaves confidential rows out unless asked for', () => {
    const ids = (max: 'restricted' | 'confidential') => rows(boardItemsCsv(workshop(), { maxSensitivity: max })).map((row) => row.id);
    expect(ids('restricted')).toEqual(['a1', 't1']);
    expect(ids('confidential')).toEqual(['a1', 'secret', 't1']);
  });

  it('is a header alone for an empty board', () => {
    const doc = new Y.Doc();
    expect(rows(boardItemsCsv(doc, { maxSensitivity: 'public' }))).toEqual([]);
  });
});

describe('links.csv', () => {
  it('has id, kind, from, to, label, polarity and the unknown fields; links to left-out items are left out', () => {
    const restricted = rows(boardLinksCsv(workshop(), { maxSensitivity: 'restricted' }));
    expect(restricted).toEqual([{ id: 'l1', kind: 'responsible', from: 'a1', to: 't1', label: "'+ more", polarity: "'-", weight: '0.5' }]);
    const everything = rows(boardLinksCsv(workshop(), { maxSensitivity: 'confidential' }));
    expect(everything.map((row) => row.id)).toEqual(['l1', 'l2']);
  });
});

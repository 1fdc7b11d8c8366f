import { DIMENSIONS, addItem, asItemId, boardMaps, initBoard, type NewItem } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardToJson } from '../json/boardJson.js';
import { boardItemsCsv } from './boardCsv.js';
import { importItemsCsv } from './importItems.js';
import { parseItemsCsv, type CsvItemRow } from './parseItemsCsv.js';

function board(items: readonly NewItem[]): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Board');
  for (const item of items) addItem(doc, item);
  return doc;
}

function rowsOf(text: string): readonly CsvItemRow[] {
  const parsed = parseItemsCsv(text, { now: 7 });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rows;
}

const CARDS: readonly NewItem[] = [
  { id: asItemId('t1'), kind: 'threat', x: -120, y: 40.5, text: '=HYPERLINK("http://evil","x")', dimensions: [...DIMENSIONS.slice(0, 2)], severity: 4, likelihood: 5, onset: 'chronic', author: 'Amina', color: '#f00', createdAt: 1 },
  { id: asItemId('a1'), kind: 'actor', x: 0, y: 0, text: 'Ministry, "water"\r\ndepartment', level: 'national', sector: 'un', sensitivity: 'restricted', createdAt: 2 },
  { id: asItemId('i1'), kind: 'indicator', x: 5, y: 5, w: 80, h: 40, text: '+20% prices', threshold: '-5', action: '@council', createdAt: 3 },
  { id: asItemId('r1'), kind: 'response', x: 1e21, y: 0.1, text: '', strategy: 'empowerment', phase: 'recovery', createdAt: 4 },
];

describe('importing items.csv', () => {
  it('an items.csv export imported into an empty board gives back the same cards', () => {
    const source = board(CARDS);
    boardMaps(source).items.get('t1')?.set('future', { list: [1, 'two', null], flag: true });
    const target = board([]);
    const result = importItemsCsv(target, rowsOf(boardItemsCsv(source, { maxSensitivity: 'confidential' })));
    expect(result.added.items).toBe(CARDS.length);
    expect(boardToJson(target, { maxSensitivity: 'confidential' }).items).toEqual(boardToJson(source, { maxSensitivity: 'confidential' }).items);
  });

  it('importing the same items.csv again into that board changes nothing; an edited row comes in as a new card', () => {
    const doc = board(CARDS);
    const exported = boardItemsCsv(doc, { maxSensitivity: 'confidential' });
    const before = boardToJson(doc, { maxSensitivity: 'confidential' });
    expect(importItemsCsv(doc, rowsOf(exported)).skipped.items).toBe(CARDS.length);
    expect(boardToJson(doc, { maxSensitivity: 'confidential' })).toEqual(before);
    const edited = exported.replace('+20% prices', '+30% prices');
    const result = importItemsCsv(doc, rowsOf(edited));
    expect(result).toMatchObject({ added: { items: 1 }, skipped: { items: CARDS.length - 1 }, renamed: { items: 1 } });
    const texts = boardToJson(doc, { maxSensitivity: 'confidential' }).items.map((item) => item.text);
    expect(texts).toContain('+20% prices');
    expect(texts).toContain('+30% prices');
  });

  it('lays rows without a position out in a grid below the board’s content, in one transaction', () => {
    const doc = board([{ id: asItemId('top'), kind: 'note', x: 100, y: 0, w: 200, h: 100, text: 'Already here', createdAt: 1 }]);
    const updates: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    const rows = rowsOf('kind,text\r\nthreat,A\r\nthreat,B\r\nthreat,C\r\nthreat,D\r\nthreat,E\r\n');
    importItemsCsv(doc, rows, 'import');
    expect(updates).toEqual(['import']);
    const placed = boardToJson(doc, { maxSensitivity: 'public' }).items.filter((item) => item.id !== 'top');
    const positions = placed.map((item) => [item.text, item.x, item.y]).sort();
    // Three columns (the square root of five, rounded up), 240 apart; rows 160 apart, 80 below the note.
    expect(positions).toEqual([
      ['A', 100, 180],
      ['B', 340, 180],
      ['C', 580, 180],
      ['D', 100, 340],
      ['E', 340, 340],
    ]);
    expect(placed.every((item) => item.createdAt === 7)).toBe(true);
  });
});

import { boardToJson, serializeBoardJson } from '@interlink/export/json';
import { addItem, asItemId, boardMaps, initBoard, linkItems } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { csvFaults, kindCounts, previewImport } from './importPreview.js';

/** A board of three cards and one link, and its json export. */
function sampleBoard(): { doc: Y.Doc; json: string } {
  const doc = new Y.Doc();
  initBoard(doc, 'Source');
  const drought = addItem(doc, { kind: 'threat', x: 0, y: 0, text: 'Drought', dimensions: ['food'] });
  const prices = addItem(doc, { kind: 'threat', x: 300, y: 0, text: 'Food prices' });
  addItem(doc, { kind: 'capacity', x: 0, y: 300, text: 'Savings groups' });
  linkItems(doc, { kind: 'amplifies', from: drought, to: prices });
  return { doc, json: serializeBoardJson(boardToJson(doc, { maxSensitivity: 'confidential' })) };
}

describe('the import preview', () => {
  it('counts what a json export adds to an empty board, by kind', () => {
    const { json } = sampleBoard();
    const preview = previewImport('json', json, new Y.Doc());
    expect(preview).toMatchObject({
      ok: true,
      file: { items: 3, links: 1 },
      kinds: [
        { kind: 'threat', count: 2 },
        { kind: 'capacity', count: 1 },
      ],
      merge: { added: { items: 3, links: 1 }, skipped: { items: 0, links: 0 }, renamed: { items: 0, links: 0 } },
    });
  });

  it('counts cards already on the board as skipped, and clashing ids as renamed, without touching the board', () => {
    const { doc, json } = sampleBoard();
    const before = Y.encodeStateAsUpdate(doc);
    expect(previewImport('json', json, doc)).toMatchObject({ ok: true, merge: { added: { items: 0, links: 0 }, skipped: { items: 3, links: 1 } } });

    const [firstId = ''] = [...boardMaps(doc).items.keys()];
    const target = new Y.Doc();
    addItem(target, { kind: 'note', x: 0, y: 0, text: 'Someone else’s card', id: asItemId(firstId) });
    expect(previewImport('json', json, target)).toMatchObject({ ok: true, merge: { added: { items: 3, links: 1 }, renamed: { items: 1 } } });
    expect(boardMaps(target).items.size).toBe(1);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses a malformed json export with the server’s words, naming the field', () => {
    const { json } = sampleBoard();
    const broken = JSON.parse(json) as { items: Array<Record<string, unknown>> };
    const first = broken.items[0];
    if (first) first.x = 'left';
    expect(previewImport('json', JSON.stringify(broken))).toEqual({ ok: false, format: 'json', errors: ['items[0].x must be a finite number'] });
    expect(previewImport('json', '{"schema":1,')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the body is not JSON/)] });
    expect(previewImport('json', '[]')).toMatchObject({ ok: false, errors: [expect.stringMatching(/JSON object/)] });
  });

  it('previews an items.csv: its cards, no links', () => {
    const preview = previewImport('csv', 'kind,text,severity\r\nthreat,Floods,4\r\ngroup,Herders,\r\ngroup,Fishers,\r\n', new Y.Doc());
    expect(preview).toMatchObject({
      ok: true,
      format: 'csv',
      file: { items: 3, links: 0 },
      kinds: [
        { kind: 'group', count: 2 },
        { kind: 'threat', count: 1 },
      ],
      merge: { added: { items: 3, links: 0 } },
    });
  });

  it('lists every faulty row of an items.csv, one per entry', () => {
    const preview = previewImport('csv', 'kind,text,severity\r\nthreat,ok,3\r\nthret,typo,\r\nthreat,bad,9\r\n');
    expect(preview).toEqual({
      ok: false,
      format: 'csv',
      errors: ['row 3: unknown kind "thret" (one of threat, root-cause, group, capacity, actor, response, indicator, note, frame)', 'row 4: severity must be 1..5, not "9"'],
    });
  });
});

describe('csvFaults', () => {
  it('splits before each row and before the count of the rest, not inside a message', () => {
    expect(csvFaults('row 2: a; b; row 3: c; and 4 more')).toEqual(['row 2: a; b', 'row 3: c', 'and 4 more']);
    expect(csvFaults('row 1: the header has no kind column')).toEqual(['row 1: the header has no kind column']);
  });
});

describe('kindCounts', () => {
  it('keeps kinds this version does not know', () => {
    expect(kindCounts([{ id: 'a', kind: 'hazard', x: 0, y: 0, w: 1, h: 1, text: '' }])).toEqual([{ kind: 'hazard', count: 1 }]);
  });
});

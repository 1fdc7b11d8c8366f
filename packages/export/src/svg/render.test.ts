import { addItem, asItemId, initBoard, readBoard, restrictView } from '@interlink/model';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardSvg, boardToSvg } from './render.js';
import { MARGIN } from './scene.js';
import { LONG_TEXT, SECRET_TEXT, TRICKY_TEXT, sampleBoard } from './testing/sampleBoard.js';

const generatedAt = Date.UTC(2025, 10, 28, 9, 30);

/** Every <text> element's content, entities left as written. */
const rawTexts = (svg: string): string[] => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');

describe('boardSvg', () => {
  const doc = sampleBoard();
  const svg = boardSvg(doc, { maxSensitivity: 'restricted', generatedAt });

  it('is well-formed XML, and the same board gives the same bytes', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(boardSvg(doc, { maxSensitivity: 'restricted', generatedAt })).toBe(svg);
  });

  it('escapes card text and title, and drops characters XML cannot carry', () => {
    expect(svg).toContain('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
    expect(svg).toContain('Flood &amp; drought workshop &lt;2025&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u0001');
    expect(TRICKY_TEXT).toContain('\u0001');
  });

  it('leaves out cards above the sensitivity, and shows them when asked', () => {
    expect(svg).not.toContain(SECRET_TEXT);
    expect(boardSvg(doc, { maxSensitivity: 'confidential', generatedAt })).toContain(SECRET_TEXT);
  });

  it('cuts a text too long for its card with an ellipsis', () => {
    const lines = rawTexts(svg).filter((text) => text.startsWith('word'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ').length).toBeLessThan(LONG_TEXT.length);
    expect(lines[lines.length - 1]).toMatch(/…$/);
  });

  it('draws frames before links and links before cards, with arrowheads and dashes', () => {
    const frame = svg.indexOf('Threats in the valley');
    const firstLink = svg.indexOf('<line ');
    const firstCard = svg.indexOf('Drought &amp; crop failure');
    expect(frame).toBeGreaterThan(0);
    expect(frame).toBeLessThan(firstLink);
    expect(firstLink).toBeLessThan(firstCard);
    expect(svg).toMatch(/<marker id="arrow-amplifies"/);
    expect(svg).toMatch(/marker-end="url\(#arrow-relates\)"/);
    expect(svg).toMatch(/stroke-dasharray="2 4"[^>]*marker-end="url\(#arrow-relates\)"/);
  });

  it('shows chips, the risk badge, the P/E mark and the actor line', () => {
    const texts = rawTexts(svg);
    for (const text of ['Food', 'Env', '5×4 = 20', 'E', 'P', 'Prevention', 'Local · Community', 'THREAT', 'Threshold: 60% of the 30-yea…']) {
      expect(texts, text).toContain(text);
    }
  });
});

describe('boardToSvg layout', () => {
  it('covers every card with a margin, and the title above them', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Bounds');
    addItem(doc, { kind: 'note', x: -500, y: 100, text: 'left' });
    addItem(doc, { kind: 'note', x: 1000, y: 800, text: 'right' });
    const svg = boardToSvg(readBoard(doc), { maxSensitivity: 'restricted', generatedAt });
    const [left, top, width, height] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
    expect(left).toBe(-500 - MARGIN);
    expect(left! + width!).toBe(1000 + 200 + MARGIN);
    expect(top).toBeLessThan(100 - MARGIN - 28);
    expect(top! + height!).toBeGreaterThan(800 + 120 + MARGIN);
  });

  it('draws cards in the order of z, then creation time, then id', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Order');
    addItem(doc, { kind: 'note', x: 0, y: 0, text: 'top', z: 'b', id: asItemId('a'), createdAt: 1 });
    addItem(doc, { kind: 'note', x: 0, y: 0, text: 'bottom', z: 'a', id: asItemId('b'), createdAt: 2 });
    addItem(doc, { kind: 'note', x: 0, y: 0, text: 'middle', z: 'a', id: asItemId('c'), createdAt: 3 });
    const texts = rawTexts(boardToSvg(readBoard(doc), { maxSensitivity: 'public', generatedAt }));
    expect(texts.indexOf('bottom')).toBeLessThan(texts.indexOf('middle'));
    expect(texts.indexOf('middle')).toBeLessThan(texts.indexOf('top'));
  });

  it('draws an empty board as a page that says so, and an unknown kind plainly', () => {
    const doc = new Y.Doc();
    initBoard(doc, '');
    const empty = boardToSvg(readBoard(doc), { maxSensitivity: 'public', generatedAt });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('This board has no cards yet.');
    expect(empty).toContain('Untitled board');
    const future = new Y.Map<unknown>();
    doc.getMap('items').set('x1', future);
    future.set('kind', 'hologram');
    future.set('x', 0);
    future.set('y', 0);
    future.set('color', '"/><script>');
    const svg = boardToSvg(restrictView(readBoard(doc), 'public'), { maxSensitivity: 'public', generatedAt });
    expect(svg).toMatch(/>HOLOGRAM \(UNKNO[^<]*<\/text>/);
    expect(svg).toContain('xlink:href="#icon-unknown"');
    expect(svg).not.toContain('<script>');
  });
});

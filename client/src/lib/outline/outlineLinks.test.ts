import { asItemId, asLinkId, type ItemView, type LinkView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { readingOrder } from '../board/outline.js';
import { linkLines } from './outlineLinks.js';

const card = (id: string, y: number) => ({ id: asItemId(id), kind: 'threat', x: 0, y, text: id }) as ItemView;
const link = (id: string, kind: string, from: string, to: string) =>
  ({ id: asLinkId(id), kind, from: asItemId(from), to: asItemId(to) }) as LinkView;

describe('linkLines', () => {
  it('lists outgoing then incoming links per card, skipping links with a missing end', () => {
    const items = new Map([card('a', 0), card('b', 100), card('c', 200)].map((item) => [item.id, item]));
    const lines = linkLines(
      items,
      [link('1', 'amplifies', 'a', 'c'), link('2', 'causes', 'b', 'a'), link('3', 'amplifies', 'a', 'b'), link('4', 'causes', 'a', 'gone')],
      readingOrder,
    );
    expect(lines.get(asItemId('a'))?.map((line) => [line.direction, line.kind, line.other.id])).toEqual([
      ['out', 'amplifies', 'b'],
      ['out', 'amplifies', 'c'],
      ['in', 'causes', 'b'],
    ]);
    expect(lines.get(asItemId('c'))?.map((line) => [line.direction, line.other.id])).toEqual([['in', 'a']]);
  });
});

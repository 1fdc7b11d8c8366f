import { asItemId, asLinkId, type ItemId, type LinkId, type LinkView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { drawnAbove, itemAt, linkAt, type HitItem, type LinkSource } from './hitTest.js';

const item = (id: string, x: number, y: number, extra: Partial<HitItem> = {}): HitItem => ({
  id: asItemId(id),
  kind: 'threat',
  x,
  y,
  w: 200,
  h: 100,
  ...extra,
});

function linkSource(items: readonly HitItem[], links: readonly [string, string, string][]): LinkSource {
  const byId = new Map<ItemId, HitItem>(items.map((i) => [i.id, i]));
  const views = new Map<LinkId, LinkView>(
    links.map(([id, from, to]) => [asLinkId(id), { id: asLinkId(id), kind: 'causes', knownKind: 'causes', from: asItemId(from), to: asItemId(to), extra: {} }]),
  );
  return {
    links: views,
    linkEnds: (link) => {
      const a = byId.get(link.from);
      const b = byId.get(link.to);
      return a && b ? [a, b] : undefined;
    },
  };
}

describe('items under the pointer', () => {
  it('finds the card containing the point, edges included', () => {
    const cards = [item('a', 0, 0), item('b', 400, 0)];
    expect(itemAt(cards, { x: 450, y: 50 })?.id).toBe('b');
    expect(itemAt(cards, { x: 200, y: 100 })?.id).toBe('a');
    expect(itemAt(cards, { x: 300, y: 50 })).toBeUndefined();
  });

  it('picks the card drawn on top: cards over frames, then higher z, then the newer', () => {
    const frame = item('frame', -100, -100, { kind: 'frame', w: 1000, h: 1000, z: 'z' });
    const old = item('old', 0, 0, { createdAt: 1 });
    const newer = item('newer', 50, 0, { createdAt: 2 });
    const raised = item('raised', 100, 0, { z: 'b', createdAt: 0 });
    expect(itemAt([frame, old], { x: 10, y: 10 })?.id).toBe('old');
    expect(itemAt([newer, old], { x: 60, y: 10 })?.id).toBe('newer');
    expect(itemAt([raised, newer, old], { x: 120, y: 10 })?.id).toBe('raised');
    expect(drawnAbove(frame, old)).toBe(false);
  });

  it('skips the excluded card (the one a link is drawn from)', () => {
    const cards = [item('a', 0, 0), item('b', 100, 0, { createdAt: 5 })];
    expect(itemAt(cards, { x: 150, y: 50 }, asItemId('b'))?.id).toBe('a');
  });

  it('reads negative sizes as the box they cover', () => {
    expect(itemAt([item('a', 200, 100, { w: -200, h: -100 })], { x: 50, y: 50 })?.id).toBe('a');
  });
});

describe('links under the pointer', () => {
  // a's right border (200, 50) to b's left border (400, 50).
  const cards = [item('a', 0, 0), item('b', 400, 0), item('c', 0, 400)];

  it('hits an arrow within the tolerance and misses beyond it', () => {
    const source = linkSource(cards, [['ab', 'a', 'b']]);
    expect(linkAt(source, { x: 300, y: 54 }, 6)).toBe('ab');
    expect(linkAt(source, { x: 300, y: 57 }, 6)).toBeUndefined();
    expect(linkAt(source, { x: 410, y: 50 }, 6)).toBeUndefined();
  });

  it('picks the nearest of two arrows', () => {
    const source = linkSource(cards, [
      ['ab', 'a', 'b'],
      ['ac', 'a', 'c'],
    ]);
    // a's bottom border (100, 100) to c's top border (100, 400).
    expect(linkAt(source, { x: 103, y: 250 }, 6)).toBe('ac');
  });

  it('never hits a link with a missing end (it is not drawn)', () => {
    expect(linkAt(linkSource(cards, [['ax', 'a', 'gone']]), { x: 300, y: 50 }, 50)).toBeUndefined();
  });

  // Speed is for the benchmarks (pnpm bench canvas), not a wall-clock assertion here: this checks
  // that the right link is found among five thousand.
  it('finds the link under the pointer among five thousand', () => {
    const many: HitItem[] = [];
    const links: [string, string, string][] = [];
    for (let i = 0; i < 5000; i++) {
      many.push(item(`n${i}`, (i % 100) * 300, Math.floor(i / 100) * 200));
      if (i > 0) links.push([`l${i}`, `n${i - 1}`, `n${i}`]);
    }
    const source = linkSource(many, links);
    expect(linkAt(source, { x: 250, y: 50 }, 6)).toBe('l1');
  });
});

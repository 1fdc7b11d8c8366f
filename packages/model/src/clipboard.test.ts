import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLIPBOARD_LIMITS,
  copySelection,
  isClipboardError,
  parseClipboard,
  pasteClipboard,
  serializeClipboard,
  type ClipboardPayload,
} from './clipboard.js';
import { addItem } from './commands.js';
import { boardMaps, getItemText } from './document.js';
import { asItemId, type ItemId } from './ids.js';
import { readBoard } from './read.js';
import { seedBoard, unknownData } from './testing/seed.js';

function seeded(): { doc: Y.Doc; board: ReturnType<typeof seedBoard> } {
  const doc = new Y.Doc();
  const board = seedBoard(doc);
  boardMaps(doc).items.get(board.threat)?.set('author', 'Amina');
  return { doc, board };
}

const itemJson = (doc: Y.Doc, id: string): Record<string, unknown> => boardMaps(doc).items.get(id)?.toJSON() ?? {};

describe('copySelection', () => {
  it('holds every field as JSON but author, text as a string, and only the links between copied items', () => {
    const { doc, board } = seeded();
    const payload = copySelection(doc, [board.threat, board.future, asItemId('gone'), board.threat]);
    expect(payload.interlink).toBe('clipboard');
    expect(payload.schema).toBe(1);
    expect(payload.items.map((item) => item.id)).toEqual([board.threat, board.future]);
    const threat = payload.items[0];
    expect(threat).toEqual({
      id: 'threat', kind: 'threat', x: 0, y: 0, w: 200, h: 120, text: 'Drought', severity: 4, createdAt: 1,
      futureScore: 7, futureMap: { votes: [1, 2, 3] },
    });
    expect(payload.items[1]).toMatchObject({ id: 'future', kind: 'hazard-zone', text: 'Flood plain', radius: 42, futureList: [] });
    expect(payload.links).toEqual([{ id: 'inhibits', kind: 'inhibits', from: 'future', to: 'threat', weight: 0.5 }]);
  });

  it('serializes to JSON text that parses back to the same payload', () => {
    const { doc, board } = seeded();
    const payload = copySelection(doc, [board.threat, board.response, board.future]);
    expect(payload.links).toHaveLength(2);
    expect(parseClipboard(serializeClipboard(payload))).toEqual(payload);
  });

  it('turns values JSON cannot carry into their nearest JSON', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { kind: 'note', x: 0, y: 0 });
    const map = boardMaps(doc).items.get(id);
    map?.set('big', 2n ** 62n);
    map?.set('small', 3n);
    map?.set('bytes', new Uint8Array([1, 2]));
    map?.set('nan', Number.NaN);
    const [item] = copySelection(doc, [id]).items;
    expect(item).toMatchObject({ big: (2n ** 62n).toString(), small: 3, bytes: [1, 2], nan: null });
    expect(() => serializeClipboard(copySelection(doc, [id]))).not.toThrow();
  });
});

describe('pasteClipboard', () => {
  it('pastes into another board with new ids, the group\'s top-left at the point, created now, links remapped', () => {
    const { doc, board } = seeded();
    const payload = copySelection(doc, [board.threat, board.response, board.future]);
    const target = new Y.Doc();
    const pasted = pasteClipboard(target, payload, { x: 1000, y: 500 }, 'paste', { now: 99 });
    expect([...pasted.keys()]).toEqual(['threat', 'response', 'future']);
    for (const [from, to] of pasted) expect(to).not.toBe(from);

    const threat = itemJson(target, pasted.get('threat') ?? '');
    expect(threat).toEqual({
      kind: 'threat', x: 1000, y: 500, w: 200, h: 120, text: 'Drought', severity: 4, createdAt: 99,
      futureScore: 7, futureMap: { votes: [1, 2, 3] },
    });
    expect(getItemText(target, pasted.get('threat') ?? asItemId(''))).toBeInstanceOf(Y.Text);
    expect(itemJson(target, pasted.get('future') ?? '')).toMatchObject({ kind: 'hazard-zone', x: 1010, y: 520, radius: 42 });

    const view = readBoard(target);
    expect(view.items.size).toBe(3);
    const links = [...view.links.values()].map((link) => [link.kind, link.from, link.to]);
    expect(links).toContainEqual(['addresses', pasted.get('response'), pasted.get('threat')]);
    expect(links).toContainEqual(['inhibits', pasted.get('future'), pasted.get('threat')]);
    const inhibits = [...boardMaps(target).links.values()].find((link) => link.get('kind') === 'inhibits');
    expect(inhibits?.get('weight')).toBe(0.5);
  });

  it('gives two copies when pasted twice, shifted by a delta', () => {
    const { doc, board } = seeded();
    const payload = copySelection(doc, [board.threat, board.response]);
    const first = pasteClipboard(doc, payload, { dx: 10, dy: 10 }, 'paste');
    const second = pasteClipboard(doc, payload, { dx: 20, dy: 20 }, 'paste');
    expect(new Set([...first.values(), ...second.values()]).size).toBe(4);
    expect(boardMaps(doc).items.size).toBe(7);
    expect(boardMaps(doc).links.size).toBe(4);
    expect(itemJson(doc, second.get('response') ?? '')).toMatchObject({ x: 320, y: 20 });
  });

  it('drops the author a payload carries and writes the person pasting, or nobody', () => {
    const { doc, board } = seeded();
    const payload: ClipboardPayload = {
      ...copySelection(doc, [board.threat]),
      items: [{ id: 'a', kind: 'note', x: 0, y: 0, w: 10, h: 10, text: '', author: 'Someone else' }],
    };
    const anonymous = pasteClipboard(doc, payload, { dx: 0, dy: 0 });
    expect(itemJson(doc, anonymous.get('a') ?? '')).not.toHaveProperty('author');
    const named = pasteClipboard(doc, payload, { dx: 0, dy: 0 }, null, { author: 'Amina' });
    expect(itemJson(doc, named.get('a') ?? '')).toHaveProperty('author', 'Amina');
  });

  it('leaves the target board\'s data of a newer client untouched', () => {
    const { doc, board } = seeded();
    const before = unknownData(doc);
    pasteClipboard(doc, copySelection(doc, [board.threat, board.future]), { x: 0, y: 0 }, 'paste');
    expect(unknownData(doc)).toEqual(before);
  });

  it('pastes nothing for a placement that is not finite', () => {
    const { doc, board } = seeded();
    const payload = copySelection(doc, [board.threat]);
    const before = Y.encodeStateVector(doc);
    expect(pasteClipboard(doc, payload, { x: Number.NaN, y: 0 }).size).toBe(0);
    expect(pasteClipboard(doc, payload, { dx: 0, dy: Number.NEGATIVE_INFINITY }).size).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('parseClipboard', () => {
  const wrap = (items: unknown[], links: unknown[] = []): string => JSON.stringify({ interlink: 'clipboard', schema: 1, items, links });
  const card = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'note', x: 0, y: 0, w: 10, h: 10, text: 'hi', ...extra });
  const codeOf = (text: string): string | undefined => {
    const result = parseClipboard(text);
    return isClipboardError(result) ? result.code : undefined;
  };

  it.each([
    ['plain text', 'Drought in the north', 'not-json'],
    ['a number', '42', 'not-clipboard'],
    ['null', 'null', 'not-clipboard'],
    ['an array', '[]', 'not-clipboard'],
    ['another app\'s JSON', '{"type":"excalidraw/clipboard","elements":[]}', 'not-clipboard'],
    ['a newer schema', '{"interlink":"clipboard","schema":2,"items":[],"links":[]}', 'unsupported-schema'],
    ['an item that is not an object', wrap(['x']), 'bad-item'],
    ['an item without an id', wrap([{ kind: 'note', x: 0, y: 0, w: 1, h: 1 }]), 'bad-item'],
    ['a numeric id', wrap([{ ...card('a'), id: 7 }]), 'bad-item'],
    ['a position that is a string', wrap([card('a', { x: '0' })]), 'bad-item'],
    ['an infinite position', wrap([card('a')]).replace('"x":0', '"x":1e999'), 'bad-item'],
    ['an infinite number in an unknown field', wrap([card('a', { future: [1, 2] })]).replace('[1,2]', '[1,1e999]'), 'bad-item'],
    ['a text that is not a string', wrap([card('a', { text: { ops: [] } })]), 'bad-item'],
    ['a text too long', wrap([card('a', { text: 'x'.repeat(CLIPBOARD_LIMITS.maxTextChars + 1) })]), 'text-too-long'],
    ['two items with one id', wrap([card('a'), card('a')]), 'duplicate-id'],
    ['a link without ends', wrap([card('a')], [{ id: 'l', kind: 'relates', from: 'a' }]), 'bad-link'],
    ['too many items', wrap(Array.from({ length: CLIPBOARD_LIMITS.maxItems + 1 }, (_, i) => card(`i${i}`))), 'too-many-items'],
    ['a value nested too deep', wrap([card('a', { deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) })]), 'too-deep'],
    ['a text too large to read', ' '.repeat(CLIPBOARD_LIMITS.maxChars + 1), 'too-large'],
  ])('refuses %s with a code', (_name, text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('names where the fault is', () => {
    const result = parseClipboard(wrap([card('a'), card('b', { y: null })]));
    expect(result).toMatchObject({ code: 'bad-item', path: 'items[1].y' });
  });

  it('keeps unknown kinds and fields, reads a missing text as empty, drops links whose ends are not pasted', () => {
    const result = parseClipboard(wrap(
      [{ id: 'a', kind: 'hazard-zone', x: 1, y: 2, w: 3, h: 4, radius: { r: 1 } }, card('b')],
      [{ id: 'l1', kind: 'inhibits', from: 'a', to: 'b', weight: 1 }, { id: 'l2', kind: 'relates', from: 'a', to: 'elsewhere' }],
    ));
    expect(isClipboardError(result)).toBe(false);
    if (isClipboardError(result)) return;
    expect(result.items[0]).toEqual({ id: 'a', kind: 'hazard-zone', x: 1, y: 2, w: 3, h: 4, radius: { r: 1 }, text: '' });
    expect(result.links).toEqual([{ id: 'l1', kind: 'inhibits', from: 'a', to: 'b', weight: 1 }]);
  });

  it('keeps a field named __proto__ as data, and pastes it as a plain field', () => {
    const text = wrap([card('a')]).replace('"text":"hi"', '"text":"hi","__proto__":{"polluted":true}');
    const result = parseClipboard(text);
    if (isClipboardError(result)) throw new Error(result.message);
    const [item] = result.items;
    expect(Object.prototype.hasOwnProperty.call(item, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const doc = new Y.Doc();
    const pasted = pasteClipboard(doc, result, { dx: 0, dy: 0 });
    expect(boardMaps(doc).items.get(pasted.get('a') ?? '')?.get('__proto__')).toEqual({ polluted: true });
  });
});

describe('between boards', () => {
  it('a board copied and pasted into an empty one reads the same, but for ids, createdAt and author', () => {
    const { doc, board } = seeded();
    const ids: ItemId[] = [board.threat, board.response, board.future];
    const text = serializeClipboard(copySelection(doc, ids));
    const parsed = parseClipboard(text);
    if (isClipboardError(parsed)) throw new Error(parsed.message);
    const target = new Y.Doc();
    const pasted = pasteClipboard(target, parsed, { dx: 0, dy: 0 });
    const source = readBoard(doc);
    const copy = readBoard(target);
    for (const id of ids) {
      const { id: _a, createdAt: _b, author: _c, ...original } = source.items.get(id) ?? {};
      const { id: _d, createdAt: _e, author: _f, ...pastedView } = copy.items.get(pasted.get(id) ?? asItemId('')) ?? {};
      expect(pastedView).toEqual(original);
    }
    expect(copy.links.size).toBe(source.links.size);
  });
});

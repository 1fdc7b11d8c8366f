import { describe, expect, it } from 'vitest';
import { BOARD_JSON_LIMITS, parseBoardJson, parseBoardJsonText } from './parseBoardJson.js';

const card = (id: string, fields: Record<string, unknown> = {}) => ({ id, kind: 'note', x: 0, y: 0, w: 200, h: 120, text: id, ...fields });
const file = (items: unknown, links: unknown = [], extra: Record<string, unknown> = {}) => ({ schema: 1, title: 'T', items, links, ...extra });

describe('parseBoardJson', () => {
  it('accepts an export, unknown kinds and fields and out-of-range values included', () => {
    const value = file([card('a', { kind: 'hazard', severity: 9, future: { deep: [1, 'x'] } }), card('b')], [{ id: 'l', kind: 'inhibits', from: 'a', to: 'b', weight: 2 }]);
    const parsed = parseBoardJson(value);
    expect(parsed).toEqual({ ok: true, board: value });
  });

  it.each([
    ['not an object', [], '', 'the body must be a JSON object'],
    ['no schema', { items: [], links: [] }, 'schema', 'schema must be a positive integer'],
    ['a newer schema', file([], [], { schema: 2 }), 'schema', 'schema 2 is newer than this server reads (1)'],
    ['a title that is not text', file([], [], { title: 3 }), 'title', 'title must be a string'],
    ['items not an array', file({}), 'items', 'items must be an array'],
    ['links not an array', file([], null), 'links', 'links must be an array'],
    ['an x that is not a number', file([card('a'), card('b'), card('c'), card('d', { x: '12' })]), 'items[3].x', 'items[3].x must be a finite number'],
    ['an item that is not an object', file([card('a'), 'b']), 'items[1]', 'items[1] must be an object'],
    ['a missing id', file([{ kind: 'note', x: 0, y: 0, w: 1, h: 1 }]), 'items[0].id', 'items[0].id must be a non-empty string'],
    ['a text too long', file([card('a', { text: 'x'.repeat(BOARD_JSON_LIMITS.maxTextChars + 1) })]), 'items[0].text', 'items[0].text is longer than'],
    ['a repeated item id', file([card('a'), card('a')]), 'items[1].id', 'items[1].id repeats "a"'],
    ['a link without from', file([card('a')], [{ id: 'l', kind: 'relates', to: 'a' }]), 'links[0].from', 'links[0].from must be an item id'],
    ['a link to an item not in the file', file([card('a')], [{ id: 'l', kind: 'relates', from: 'a', to: 'zz' }]), 'links[0].to', 'links[0].to "zz" is not the id of an item in the file'],
    ['a repeated link id', file([card('a')], [{ id: 'l', kind: 'relates', from: 'a', to: 'a' }, { id: 'l', kind: 'relates', from: 'a', to: 'a' }]), 'links[1].id', 'links[1].id repeats "l"'],
  ])('refuses %s, naming the field', (_what, value, path, message) => {
    const parsed = parseBoardJson(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.path).toBe(path);
    expect(parsed.error.message).toContain(message);
  });

  it('refuses more items or links than the limits allow', () => {
    const limits = { ...BOARD_JSON_LIMITS, maxItems: 2, maxLinks: 1 };
    const tooMany = parseBoardJson(file([card('a'), card('b'), card('c')]), limits);
    expect(!tooMany.ok && tooMany.error.code).toBe('too-many-items');
    const links = [{ id: 'l1', kind: 'relates', from: 'a', to: 'a' }, { id: 'l2', kind: 'relates', from: 'a', to: 'a' }];
    const tooManyLinks = parseBoardJson(file([card('a')], links), limits);
    expect(!tooManyLinks.ok && tooManyLinks.error.code).toBe('too-many-links');
  });

  it('keeps a field named __proto__ as data, never as a prototype', () => {
    const parsed = parseBoardJsonText('{"schema":1,"items":[{"id":"a","kind":"note","x":0,"y":0,"w":1,"h":1,"__proto__":{"polluted":true}}],"links":[]}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [item] = parsed.board.items;
    expect(Object.hasOwn(item ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseBoardJsonText('\uFEFF{"schema":1,"items":[],"links":[]}').ok).toBe(true);
  });

  it('refuses text that is not JSON, and numbers JSON cannot write back', () => {
    const notJson = parseBoardJsonText('{"schema": 1, items: []}');
    expect(!notJson.ok && notJson.error.message).toMatch(/^the body is not JSON: /);
    const infinite = parseBoardJsonText('{"schema":1,"items":[{"id":"a","kind":"note","x":1e999,"y":0,"w":1,"h":1}],"links":[]}');
    expect(!infinite.ok && infinite.error.message).toBe('items[0].x must be a finite number');
  });
});

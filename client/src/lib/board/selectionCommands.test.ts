import {
  addItem,
  asLinkId,
  boardMaps,
  linkItems,
  readBoard,
  type ItemId,
  type LinkId,
} from '@interlink/model';
import type { MessageKey, MessageParams } from '@interlink/i18n';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Point } from '../canvas/viewport.js';
import { BoardMirror } from './boardMirror.js';
import { SelectionCommands, type ClipboardIo, type EditorLike, type SelectionLike } from './selectionCommands.js';

class FakeSelection implements SelectionLike {
  ids: ReadonlySet<ItemId> = new Set();
  select(ids: Iterable<ItemId>): void {
    this.ids = new Set(ids);
  }
  clear(): void {
    this.ids = new Set();
  }
}

class FakeEditor implements EditorLike {
  linkId: LinkId | undefined;
  pointer: Point | undefined;
  notices: { key: MessageKey; params?: MessageParams }[] = [];
  selectLink(id: LinkId | undefined): void {
    this.linkId = id;
  }
  notify(key: MessageKey, params?: MessageParams): void {
    this.notices.push(params ? { key, params } : { key });
  }
}

interface Setup {
  readonly doc: Y.Doc;
  readonly selection: FakeSelection;
  readonly editor: FakeEditor;
  readonly commands: SelectionCommands;
  readonly updates: Uint8Array[];
  readonly clipboard: { text?: string };
  checkpoints: number;
}

function setup(options: { editable?: boolean; facilitator?: boolean; doc?: Y.Doc; anonymous?: boolean } = {}): Setup {
  const doc = options.doc ?? new Y.Doc();
  const origin = { local: true };
  const selection = new FakeSelection();
  const editor = new FakeEditor();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const clipboard: { text?: string } = {};
  const io: ClipboardIo = {
    write: async (text) => {
      clipboard.text = text;
      return true;
    },
    read: async () => clipboard.text,
  };
  const result: Setup = { doc, selection, editor, updates, clipboard, checkpoints: 0, commands: undefined as unknown as SelectionCommands };
  const commands = new SelectionCommands(
    {
      doc,
      origin,
      mirror: new BoardMirror(doc, origin),
      selection,
      editor,
      editable: options.editable ?? true,
      mayCopyConfidential: options.facilitator ?? false,
      author: options.anonymous ? undefined : 'Amina',
      visibleArea: () => ({ x: 0, y: 0, w: 1000, h: 800 }),
      checkpoint: () => result.checkpoints++,
    },
    io,
  );
  return Object.assign(result, { commands });
}

const texts = (doc: Y.Doc): string[] => [...readBoard(doc).items.values()].map((item) => item.text).sort();

describe('selection commands', () => {
  it('deletes the selected cards and their links in one update, as one undo step', () => {
    const s = setup();
    const [a, b, c] = ['a', 'b', 'c'].map((text, i) => addItem(s.doc, { kind: 'threat', x: i * 300, y: 0, text })) as [ItemId, ItemId, ItemId];
    linkItems(s.doc, { kind: 'amplifies', from: a, to: b });
    linkItems(s.doc, { kind: 'amplifies', from: b, to: c });
    s.updates.length = 0;
    s.selection.select([a, b]);
    expect(s.commands.deleteSelection()).toBe(true);
    expect(s.updates).toHaveLength(1);
    expect(texts(s.doc)).toEqual(['c']);
    expect(boardMaps(s.doc).links.size).toBe(0);
    expect(s.selection.ids.size).toBe(0);
    expect(s.checkpoints).toBe(2);
    expect(s.editor.notices.at(-1)).toEqual({ key: 'selection.deleted', params: { count: 2 } });
  });

  it('deletes the selected link when no card is selected', () => {
    const s = setup();
    const a = addItem(s.doc, { kind: 'threat', x: 0, y: 0 });
    const b = addItem(s.doc, { kind: 'threat', x: 300, y: 0 });
    const link = linkItems(s.doc, { kind: 'amplifies', from: a, to: b });
    s.commands.selectLink(link);
    expect(s.commands.deleteSelection()).toBe(true);
    expect(boardMaps(s.doc).links.size).toBe(0);
    expect(s.editor.linkId).toBeUndefined();
  });

  it('changes nothing for an observer', () => {
    const s = setup({ editable: false });
    const a = addItem(s.doc, { kind: 'threat', x: 0, y: 0 });
    s.selection.select([a]);
    expect(s.commands.deleteSelection()).toBe(false);
    expect(s.commands.duplicateSelection()).toBe(false);
    expect(s.commands.clipboard.pasteText('{}')).toBe(false);
    expect(readBoard(s.doc).items.size).toBe(1);
  });

  it('duplicates with an offset, frames with their contents, and selects the copies', () => {
    const s = setup();
    const frame = addItem(s.doc, { kind: 'frame', x: 0, y: 0, w: 600, h: 400 });
    addItem(s.doc, { kind: 'note', x: 50, y: 50, text: 'inside' });
    s.selection.select([frame]);
    expect(s.commands.duplicateSelection()).toBe(true);
    const board = readBoard(s.doc);
    expect(board.items.size).toBe(4);
    const [copy] = [...s.selection.ids];
    expect(board.items.get(copy!)).toMatchObject({ kind: 'frame', x: 24, y: 24 });
    expect([...board.items.values()].filter((item) => item.text === 'inside').map((item) => item.x).sort()).toEqual([50, 74]);
  });

  it('links two cards with the suggested kind, swapping ends when the drag ran backwards', () => {
    const s = setup();
    const threat = addItem(s.doc, { kind: 'threat', x: 0, y: 0 });
    const response = addItem(s.doc, { kind: 'response', x: 300, y: 0 });
    s.selection.select([threat]);
    const id = s.commands.linkCards(threat, response);
    const link = readBoard(s.doc).links.get(id!);
    expect(link).toMatchObject({ kind: 'addresses', from: response, to: threat });
    expect(s.editor.linkId).toBe(id);
    expect(s.selection.ids.size).toBe(0);
    // The same drag again selects the existing link instead of drawing a second one.
    expect(s.commands.linkCards(threat, response)).toBe(id);
    expect(boardMaps(s.doc).links.size).toBe(1);
    expect(s.commands.linkCards(threat, threat)).toBeUndefined();
  });

  it('closes the link editor when someone else deletes the link', () => {
    const s = setup();
    const a = addItem(s.doc, { kind: 'threat', x: 0, y: 0 });
    const b = addItem(s.doc, { kind: 'threat', x: 300, y: 0 });
    const link = linkItems(s.doc, { kind: 'amplifies', from: a, to: b })!;
    s.commands.selectLink(link);
    boardMaps(s.doc).items.delete(b);
    expect(s.editor.linkId).toBeUndefined();
  });
});

describe('copy and paste', () => {
  it('copies the selection with the frames’ contents, and pastes new cards at the pointer', () => {
    const s = setup();
    const a = addItem(s.doc, { kind: 'threat', x: 0, y: 0, text: 'Drought', author: 'Bilal' });
    const b = addItem(s.doc, { kind: 'group', x: 300, y: 0, text: 'Herders' });
    linkItems(s.doc, { kind: 'affects', from: a, to: b });
    s.selection.select([a, b]);
    const text = s.commands.clipboard.copyText();
    expect(text).toBeDefined();
    expect(text).not.toContain('Bilal');

    const other = setup();
    other.editor.pointer = { x: 1000, y: 1000 };
    expect(other.commands.clipboard.pasteText(text!)).toBe(true);
    const board = readBoard(other.doc);
    expect([...board.items.values()].map((item) => item.text).sort()).toEqual(['Drought', 'Herders']);
    expect([...board.items.keys()].some((id) => id === a || id === b)).toBe(false);
    expect(board.links.size).toBe(1);
    // Centred on the pointer: the pair spans 500 x 120.
    expect(Math.min(...[...board.items.values()].map((item) => item.x))).toBe(750);
    expect([...board.items.values()].every((item) => item.author === 'Amina')).toBe(true);
    expect([...other.selection.ids].sort()).toEqual([...board.items.keys()].sort());
  });

  it('pastes cards with no author at all for an anonymous person', () => {
    const s = setup();
    s.selection.select([addItem(s.doc, { kind: 'note', x: 0, y: 0, text: 'Rumours', author: 'Bilal' })]);
    const text = s.commands.clipboard.copyText()!;
    const anonymous = setup({ anonymous: true });
    expect(anonymous.commands.clipboard.pasteText(text)).toBe(true);
    const pasted = [...boardMaps(anonymous.doc).items.values()];
    expect(pasted).toHaveLength(1);
    expect(pasted[0]?.has('author')).toBe(false);
  });

  it('pastes at the middle of the view when the pointer is not over the board', () => {
    const s = setup();
    s.selection.select([addItem(s.doc, { kind: 'note', x: 0, y: 0 })]);
    const text = s.commands.clipboard.copyText()!;
    const other = setup();
    other.commands.clipboard.pasteText(text);
    expect([...readBoard(other.doc).items.values()][0]).toMatchObject({ x: 400, y: 340 });
  });

  it('leaves confidential cards out of a participant’s copy, with a notice, but not a facilitator’s', () => {
    const doc = new Y.Doc();
    const open = addItem(doc, { kind: 'threat', x: 0, y: 0, text: 'open' });
    const secret = addItem(doc, { kind: 'threat', x: 300, y: 0, text: 'secret', sensitivity: 'confidential' });
    const participant = setup({ doc });
    participant.selection.select([open, secret]);
    const text = participant.commands.clipboard.copyText()!;
    expect(text).toContain('open');
    expect(text).not.toContain('secret');
    expect(participant.editor.notices.at(-1)).toEqual({ key: 'clipboard.copiedLeftOut', params: { count: 1, leftOut: 1 } });

    participant.selection.select([secret]);
    expect(participant.commands.clipboard.copyText()).toBeUndefined();
    expect(participant.editor.notices.at(-1)?.key).toBe('clipboard.onlyConfidential');

    const facilitator = setup({ doc, facilitator: true });
    facilitator.selection.select([open, secret]);
    expect(facilitator.commands.clipboard.copyText()).toContain('secret');
  });

  it('cuts: copies, then deletes what was copied in one step', async () => {
    const s = setup();
    const a = addItem(s.doc, { kind: 'note', x: 0, y: 0, text: 'cut me' });
    s.selection.select([a]);
    expect(await s.commands.clipboard.cutSelection()).toBe(true);
    expect(s.clipboard.text).toContain('cut me');
    expect(readBoard(s.doc).items.size).toBe(0);
    expect(await s.commands.clipboard.pasteFromClipboard()).toBe(true);
    expect(texts(s.doc)).toEqual(['cut me']);
  });

  it('refuses, with a notice and without a change, text that is not cards and pastes too big for one update', () => {
    const s = setup();
    expect(s.commands.clipboard.pasteText('hello')).toBe(true);
    expect(s.editor.notices.at(-1)?.key).toBe('clipboard.notCards');
    expect(s.commands.clipboard.pasteText('  ')).toBe(false);

    const source = setup();
    const ids = Array.from({ length: 100 }, (_, i) => addItem(source.doc, { kind: 'note', x: i, y: 0, text: 'x'.repeat(9500) }));
    source.selection.select(ids);
    const big = source.commands.clipboard.copyText()!;
    s.updates.length = 0;
    expect(s.commands.clipboard.pasteText(big)).toBe(true);
    expect(s.editor.notices.at(-1)?.key).toBe('clipboard.tooLargeToPaste');
    expect(s.updates).toHaveLength(0);
  });

  it('selects every card, and clears cards and link together', () => {
    const s = setup();
    const ids = [addItem(s.doc, { kind: 'note', x: 0, y: 0 }), addItem(s.doc, { kind: 'note', x: 300, y: 0 })];
    s.commands.selectAll();
    expect([...s.selection.ids].sort()).toEqual([...ids].sort());
    s.editor.linkId = asLinkId('x');
    s.commands.clearSelection();
    expect(s.selection.ids.size).toBe(0);
    expect(s.editor.linkId).toBeUndefined();
  });
});

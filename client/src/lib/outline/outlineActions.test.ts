import { boardMaps } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, type OutlineEditor } from './outlineActions.js';

function editor(author: string | undefined, editable = true): OutlineEditor {
  return { doc: new Y.Doc(), origin: {}, editable, author, undo: { checkpoint: () => undefined } };
}

describe('createCard', () => {
  it('writes the author, and none at all in anonymous mode', () => {
    const named = editor('Amina');
    const anonymous = editor(undefined);
    const card = { kind: 'threat' as const, text: 'Drought', centre: { x: 0, y: 0 }, taken: [] };
    const a = createCard(named, card);
    const b = createCard(anonymous, card);
    expect(boardMaps(named.doc).items.get(a ?? '')?.get('author')).toBe('Amina');
    expect(boardMaps(anonymous.doc).items.get(b ?? '')?.has('author')).toBe(false);
  });

  it('creates nothing for an observer', () => {
    const observer = editor('Olga', false);
    expect(createCard(observer, { kind: 'note', text: '', centre: { x: 0, y: 0 }, taken: [] })).toBeUndefined();
    expect(boardMaps(observer.doc).items.size).toBe(0);
  });
});

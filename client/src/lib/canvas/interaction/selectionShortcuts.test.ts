import { describe, expect, it } from 'vitest';
import { ShortcutRegistry, type ShortcutEvent } from '../../keyboard/registry.js';
import { selectionShortcuts, type SelectionShortcutTarget } from './selectionShortcuts.js';

function key(key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}, target: unknown = null): ShortcutEvent & { prevented: boolean } {
  return {
    key,
    ctrlKey: modifiers.ctrl ?? false,
    metaKey: false,
    altKey: false,
    shiftKey: modifiers.shift ?? false,
    target: target as EventTarget | null,
    defaultPrevented: false,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function setup(state: { cards: boolean; link: boolean }, editable = true) {
  const calls: string[] = [];
  const target: SelectionShortcutTarget = {
    hasCards: () => state.cards,
    hasLink: () => state.link,
    deleteSelection: () => (calls.push('delete'), true),
    duplicateSelection: () => (calls.push('duplicate'), true),
    selectAll: () => void calls.push('selectAll'),
    closeLink: () => void calls.push('closeLink'),
  };
  const registry = new ShortcutRegistry({ editable, platform: 'other' });
  registry.registerAll(selectionShortcuts(target));
  return { registry, calls };
}

describe('the selection’s shortcuts', () => {
  it('deletes with Delete or Backspace, duplicates with Ctrl + D, selects all with Ctrl + A', () => {
    const { registry, calls } = setup({ cards: true, link: false });
    expect(registry.handle(key('Delete'))).toBe(true);
    expect(registry.handle(key('Backspace'))).toBe(true);
    expect(registry.handle(key('d', { ctrl: true }))).toBe(true);
    expect(registry.handle(key('a', { ctrl: true }))).toBe(true);
    expect(calls).toEqual(['delete', 'delete', 'duplicate', 'selectAll']);
  });

  it('leaves Delete to the browser when nothing is selected, and Escape unless a link is', () => {
    const { registry, calls } = setup({ cards: false, link: false });
    expect(registry.handle(key('Delete'))).toBe(false);
    expect(registry.handle(key('Escape'))).toBe(false);
    expect(calls).toEqual([]);
  });

  it('closes the link editor with Escape', () => {
    const { registry, calls } = setup({ cards: false, link: true });
    expect(registry.handle(key('Escape'))).toBe(true);
    expect(registry.handle(key('Delete'))).toBe(true);
    expect(calls).toEqual(['closeLink', 'delete']);
  });

  it('leaves copy, cut and paste keys to the browser, whose clipboard events do the work', () => {
    const { registry } = setup({ cards: true, link: false });
    for (const letter of ['c', 'x', 'v']) {
      const event = key(letter, { ctrl: true });
      expect(registry.handle(event)).toBe(false);
      expect(event.prevented).toBe(false);
    }
    const listed = registry.list().flatMap((group) => group.shortcuts.map((shortcut) => shortcut.id));
    expect(listed).toEqual(expect.arrayContaining(['clipboard.copy', 'clipboard.cut', 'clipboard.paste', 'selection.delete']));
  });

  it('offers an observer no deleting or duplicating', () => {
    const { registry, calls } = setup({ cards: true, link: false }, false);
    expect(registry.handle(key('Delete'))).toBe(false);
    expect(registry.handle(key('d', { ctrl: true }))).toBe(false);
    expect(calls).toEqual([]);
  });
});

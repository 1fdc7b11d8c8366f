import { describe, expect, it, vi } from 'vitest';
import { SHARED_TEXT_ATTRIBUTE } from './focusContext.js';
import { ShortcutRegistry, type ShortcutDefinition, type ShortcutEvent } from './registry.js';

/** A stand-in for a DOM element: what focusContext.ts looks at. */
function element(tagName: string, attributes: Record<string, string> = {}, inModal = false) {
  return {
    tagName,
    getAttribute: (name: string) => attributes[name] ?? null,
    closest: () => (inModal ? {} : null),
  };
}

function keydown(key: string, options: { ctrl?: boolean; shift?: boolean; target?: unknown } = {}) {
  let prevented = false;
  const event = {
    key,
    ctrlKey: options.ctrl ?? false,
    metaKey: false,
    altKey: false,
    shiftKey: options.shift ?? false,
    target: (options.target ?? element('BODY')) as EventTarget,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault: () => (prevented = true),
  } satisfies ShortcutEvent;
  return event;
}

const define = (overrides: Partial<ShortcutDefinition> & Pick<ShortcutDefinition, 'id' | 'keys'>): ShortcutDefinition => ({
  description: 'shortcuts.help',
  category: 'general',
  run: () => undefined,
  ...overrides,
});

describe('ShortcutRegistry', () => {
  it('runs the matching shortcut and prevents the browser default', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    const run = vi.fn();
    registry.register(define({ id: 'undo', keys: ['mod+z'], run }));
    const event = keydown('z', { ctrl: true });
    expect(registry.handle(event)).toBe(true);
    expect(run).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
    expect(registry.handle(keydown('z'))).toBe(false);
  });

  it('leaves typing alone unless a shortcut asks for text fields', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    const add = vi.fn();
    const undo = vi.fn();
    registry.register(define({ id: 'add', keys: ['n'], run: add }));
    registry.register(define({ id: 'undo', keys: ['mod+z'], inText: 'shared', run: undo }));
    for (const field of [element('INPUT'), element('TEXTAREA'), element('INPUT', { type: 'search' }), { ...element('DIV'), isContentEditable: true }]) {
      expect(registry.handle(keydown('n', { target: field }))).toBe(false);
      expect(registry.handle(keydown('z', { ctrl: true, target: field }))).toBe(false);
    }
    expect(registry.handle(keydown('n', { target: element('INPUT', { type: 'checkbox' }) }))).toBe(true);
    // The card editor (bound to the shared text) routes undo to the board's history.
    const cardEditor = element('TEXTAREA', { [SHARED_TEXT_ATTRIBUTE]: '' });
    expect(registry.handle(keydown('z', { ctrl: true, target: cardEditor }))).toBe(true);
    expect(registry.handle(keydown('n', { target: cardEditor }))).toBe(false);
    expect(add).toHaveBeenCalledOnce();
    expect(undo).toHaveBeenCalledOnce();
  });

  it('keeps board shortcuts away from an open modal dialog unless they ask', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    registry.register(define({ id: 'help', keys: ['?'] }));
    expect(registry.handle(keydown('?', { shift: true, target: element('BUTTON', {}, true) }))).toBe(false);
    expect(registry.handle(keydown('?', { shift: true, target: element('BUTTON') }))).toBe(true);
  });

  it('offers editing shortcuts only to those who may edit, in the handler and in the help', () => {
    const observer = new ShortcutRegistry({ editable: false, platform: 'other' });
    const run = vi.fn();
    observer.register(define({ id: 'undo', keys: ['mod+z'], category: 'edit', editableOnly: true, run }));
    observer.register(define({ id: 'help', keys: ['?'] }));
    expect(observer.handle(keydown('z', { ctrl: true }))).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(observer.list().map((group) => group.category)).toEqual(['general']);
  });

  it('checks `when` at keystroke time, and a declining handler leaves the key to the next one', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    let selected = false;
    const first = vi.fn();
    registry.register(define({ id: 'escape.clear', keys: ['escape'], run: first }));
    registry.register(define({ id: 'escape.selected', keys: ['escape'], when: () => selected, run: () => false }));
    registry.handle(keydown('Escape'));
    selected = true;
    const declined = keydown('Escape');
    registry.handle(declined);
    expect(first).toHaveBeenCalledTimes(2);
  });

  it('ignores keys a widget already handled and keys composing text', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    const run = vi.fn();
    registry.register(define({ id: 'help', keys: ['?'], run }));
    const handled = keydown('?');
    handled.preventDefault();
    expect(registry.handle(handled)).toBe(false);
    expect(registry.handle({ ...keydown('?'), isComposing: true })).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it('lists shortcuts grouped in category order, documentation-only ones too, and unregisters', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    const changed = vi.fn();
    registry.subscribe(changed);
    registry.register(define({ id: 'zoom', keys: ['+', '='], category: 'view' }));
    const remove = registry.register(define({ id: 'redo', keys: ['mod+shift+z', 'mod+y'], category: 'edit' }));
    registry.register({ id: 'outline.move', keys: ['arrowdown'], description: 'outline.key.move', category: 'outline' });
    expect(registry.list()).toEqual([
      { category: 'edit', shortcuts: [{ id: 'redo', description: 'shortcuts.help', keys: [['Ctrl', 'Shift', 'Z'], ['Ctrl', 'Y']] }] },
      { category: 'outline', shortcuts: [{ id: 'outline.move', description: 'outline.key.move', keys: [['↓']] }] },
      { category: 'view', shortcuts: [{ id: 'zoom', description: 'shortcuts.help', keys: [['+'], ['=']] }] },
    ]);
    // Documentation-only: listed, but the key is left to the focused widget.
    expect(registry.handle(keydown('ArrowDown'))).toBe(false);
    remove();
    remove();
    expect(registry.list().map((group) => group.category)).toEqual(['outline', 'view']);
    expect(changed).toHaveBeenCalledTimes(4);
  });

  it('refuses a duplicate id and a malformed chord', () => {
    const registry = new ShortcutRegistry({ editable: true, platform: 'other' });
    registry.register(define({ id: 'help', keys: ['?'] }));
    expect(() => registry.register(define({ id: 'help', keys: ['h'] }))).toThrow(/twice/);
    expect(() => registry.register(define({ id: 'bad', keys: ['hyper+h'] }))).toThrow(/modifier/);
  });
});

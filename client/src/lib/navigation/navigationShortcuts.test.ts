import { describe, expect, it } from 'vitest';
import { ShortcutRegistry } from '../keyboard/registry.js';
import { digitCommand, navigationShortcuts, type DigitKeyEvent } from './navigationShortcuts.js';

const key = (over: Partial<DigitKeyEvent> & { key?: string }): DigitKeyEvent & { key: string; preventDefault(): void } => ({
  key: '!',
  code: 'Digit1',
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: null,
  defaultPrevented: false,
  preventDefault() {},
  ...over,
});

describe('navigation shortcuts', () => {
  it('reads Shift with the digit keys by their physical key, as US, German or UK layouts type them', () => {
    expect(digitCommand(key({ key: '!' }))).toBe('fitAll');
    expect(digitCommand(key({ key: '@', code: 'Digit2' }))).toBe('fitSelection');
    expect(digitCommand(key({ key: '"', code: 'Digit2' }))).toBe('fitSelection');
  });

  it('leaves other chords, handled keys and typing alone', () => {
    expect(digitCommand(key({ shiftKey: false, key: '1' }))).toBeUndefined();
    expect(digitCommand(key({ ctrlKey: true }))).toBeUndefined();
    expect(digitCommand(key({ defaultPrevented: true }))).toBeUndefined();
    expect(digitCommand(key({ code: 'Digit3' }))).toBeUndefined();
    const input = { tagName: 'INPUT', getAttribute: () => 'text', closest: () => null };
    expect(digitCommand(key({ target: input as unknown as EventTarget }))).toBeUndefined();
  });

  it('registers both in the View group of the help, and runs them where the layout types the digit', () => {
    const registry = new ShortcutRegistry({ editable: false, platform: 'other' });
    let fits = 0;
    let selected = false;
    registry.registerAll(navigationShortcuts({ fitAll: () => (fits += 1), fitSelection: () => selected }));
    const view = registry.list().find((group) => group.category === 'view');
    expect(view?.shortcuts.map((shortcut) => shortcut.id)).toEqual(['view.fitAll', 'view.fitSelection']);
    // French AZERTY: Shift + the "&" key types "1".
    expect(registry.handle(key({ key: '1' }))).toBe(true);
    expect(fits).toBe(1);
    // Nothing selected: the key is declined.
    expect(registry.handle(key({ key: '2', code: 'Digit2' }))).toBe(false);
    selected = true;
    expect(registry.handle(key({ key: '2', code: 'Digit2' }))).toBe(true);
  });
});

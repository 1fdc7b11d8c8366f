import { describe, expect, it } from 'vitest';
import { chordLabels, matchesChord, parseChord, type KeyInput } from './keys.js';

const press = (key: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('parseChord', () => {
  it('reads mod as Ctrl elsewhere and Cmd on a Mac', () => {
    expect(parseChord('mod+z', 'other')).toMatchObject({ key: 'z', ctrl: true, meta: false });
    expect(parseChord('mod+z', 'mac')).toMatchObject({ key: 'z', ctrl: false, meta: true });
    expect(parseChord('Shift+Mod+Z', 'other')).toMatchObject({ key: 'z', ctrl: true, shift: true });
  });

  it('reads + written as "plus" or trailing, and space', () => {
    expect(parseChord('plus', 'other').key).toBe('+');
    expect(parseChord('+', 'other').key).toBe('+');
    expect(parseChord('mod++', 'other')).toMatchObject({ key: '+', ctrl: true });
    expect(parseChord('space', 'other').key).toBe(' ');
  });

  it('fails loudly on a typo', () => {
    expect(() => parseChord('mdo+z', 'other')).toThrow(/unknown modifier/);
    expect(() => parseChord('', 'other')).toThrow(/no key/);
  });
});

describe('matchesChord', () => {
  const undo = parseChord('mod+z', 'other');
  const redo = parseChord('mod+shift+z', 'other');

  it('needs exactly the written modifiers', () => {
    expect(matchesChord(undo, press('z', { ctrlKey: true }))).toBe(true);
    expect(matchesChord(undo, press('z'))).toBe(false);
    expect(matchesChord(undo, press('z', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesChord(undo, press('z', { metaKey: true }))).toBe(false);
    expect(matchesChord(parseChord('mod+z', 'mac'), press('z', { metaKey: true }))).toBe(true);
  });

  it('tells undo from redo by Shift, whatever case the key reports', () => {
    const shifted = press('Z', { ctrlKey: true, shiftKey: true });
    expect(matchesChord(redo, shifted)).toBe(true);
    expect(matchesChord(undo, shifted)).toBe(false);
  });

  it('ignores Shift for punctuation, which some layouts need to type it', () => {
    const help = parseChord('?', 'other');
    expect(matchesChord(help, press('?', { shiftKey: true }))).toBe(true);
    expect(matchesChord(help, press('?'))).toBe(true);
    expect(matchesChord(help, press('/'))).toBe(false);
  });

  it('uses the physical key for letters on a non-Latin layout', () => {
    expect(matchesChord(undo, press('я', { ctrlKey: true, code: 'KeyZ' }))).toBe(true);
    // On a Latin layout the character wins: AZERTY's Z sits where QWERTY's W is.
    expect(matchesChord(undo, press('w', { ctrlKey: true, code: 'KeyZ' }))).toBe(false);
  });

  it('matches named keys by name', () => {
    expect(matchesChord(parseChord('escape', 'other'), press('Escape'))).toBe(true);
    expect(matchesChord(parseChord('escape', 'other'), press('Escape', { shiftKey: true }))).toBe(false);
  });
});

describe('chordLabels', () => {
  it('names keys as printed on the keyboard', () => {
    expect(chordLabels(parseChord('mod+shift+z', 'other'), 'other')).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(chordLabels(parseChord('mod+shift+z', 'mac'), 'mac')).toEqual(['⇧', '⌘', 'Z']);
    expect(chordLabels(parseChord('escape', 'other'), 'other')).toEqual(['Esc']);
  });
});

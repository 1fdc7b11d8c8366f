// Key chords as written in the shortcut registry ("mod+z", "shift+mod+z", "?", "escape") and
// how a keydown event matches one. `mod` is Cmd on Apple platforms and Ctrl elsewhere, the
// way every desktop app there reads it.

export type Platform = 'mac' | 'other';

export interface Chord {
  /** Lower-case `KeyboardEvent.key` ("z", "?", "escape", "arrowup", "+"). */
  readonly key: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** The parts of a KeyboardEvent matching looks at, so tests need no DOM. */
export interface KeyInput {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const MODIFIERS = new Set(['mod', 'ctrl', 'meta', 'cmd', 'alt', 'option', 'shift']);

export function detectPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  const hint = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad|ipod/i.test(hint) ? 'mac' : 'other';
}

/**
 * Parses "shift+mod+z". The last part is the key; `+` itself is written "+", "plus", or
 * as a trailing "+" after modifiers ("mod++"). Throws on an empty key or an unknown modifier: chords are
 * written by programmers, and a typo must fail loudly, not silently never match.
 */
export function parseChord(text: string, platform: Platform): Chord {
  const lowered = text.trim().toLowerCase();
  const parts =
    lowered === '+' ? ['+'] : lowered.endsWith('++') ? [...lowered.slice(0, -2).split('+'), '+'] : lowered.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`shortcut "${text}" has no key`);
  const chord = { key: key === 'plus' ? '+' : key === 'space' ? ' ' : key, ctrl: false, meta: false, alt: false, shift: false };
  for (const part of parts) {
    if (!MODIFIERS.has(part)) throw new Error(`shortcut "${text}": unknown modifier "${part}"`);
    if (part === 'mod') chord[platform === 'mac' ? 'meta' : 'ctrl'] = true;
    else if (part === 'cmd' || part === 'meta') chord.meta = true;
    else if (part === 'option' || part === 'alt') chord.alt = true;
    else if (part === 'ctrl') chord.ctrl = true;
    else chord.shift = true;
  }
  return chord;
}

const isLetter = (key: string): boolean => /^[a-z]$/.test(key);

/**
 * Whether a keydown is this chord. Letters and named keys need Shift exactly as written.
 * Punctuation ("?", "+", "-") ignores Shift, because whether typing it needs Shift depends on
 * the keyboard layout. For letters, a non-Latin layout reports the layout's own character in
 * `key`; the physical key (`code` "KeyZ") is used then, so Ctrl+Z still undoes.
 */
export function matchesChord(chord: Chord, input: KeyInput): boolean {
  if (input.ctrlKey !== chord.ctrl || input.metaKey !== chord.meta || input.altKey !== chord.alt) return false;
  const key = input.key.toLowerCase();
  if (isLetter(chord.key)) {
    if (input.shiftKey !== chord.shift) return false;
    if (key === chord.key) return true;
    return !/^[a-z]$/.test(key) && input.code === `Key${chord.key.toUpperCase()}`;
  }
  const punctuation = chord.key.length === 1;
  if (!punctuation && input.shiftKey !== chord.shift) return false;
  return key === chord.key;
}

const MAC_NAMES: Record<string, string> = { ctrl: '⌃', meta: '⌘', alt: '⌥', shift: '⇧' };
const OTHER_NAMES: Record<string, string> = { ctrl: 'Ctrl', meta: 'Meta', alt: 'Alt', shift: 'Shift' };
const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  escape: 'Esc',
  enter: 'Enter',
  delete: 'Delete',
  backspace: 'Backspace',
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
};

/** The keys of a chord as printed on keyboards, one string per key, for `<kbd>` elements. */
export function chordLabels(chord: Chord, platform: Platform): string[] {
  const names = platform === 'mac' ? MAC_NAMES : OTHER_NAMES;
  const labels: string[] = [];
  if (chord.ctrl) labels.push(names.ctrl!);
  if (chord.alt) labels.push(names.alt!);
  if (chord.shift) labels.push(names.shift!);
  if (chord.meta) labels.push(names.meta!);
  labels.push(KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key));
  return labels;
}

/** Whether a keydown is any of these chords (for widgets matching their own keys). */
export function matchesAnyChord(chords: readonly string[], input: KeyInput, platform: Platform): boolean {
  return chords.some((chord) => matchesChord(parseChord(chord, platform), input));
}

/** "Ctrl+Z" / "⌘+Z": a chord as one string, for sentences such as "press Ctrl+Z to undo". */
export function chordText(chord: string, platform: Platform): string {
  return chordLabels(parseChord(chord, platform), platform).join('+');
}

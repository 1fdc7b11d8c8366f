// The board page's keyboard shortcuts, in one table: one keydown listener on the page asks the
// registry, the help overlay lists it, and every feature registers its own keys (undo, zoom,
// delete, copy...) with a description, so no shortcut exists that the help does not show.
import type { MessageKey } from '@interlink/i18n';
import { isInsideModal, isSharedTextEntry, isTextEntry } from './focusContext.js';
import { chordLabels, detectPlatform, matchesChord, parseChord, type Chord, type KeyInput, type Platform } from './keys.js';

/** Groups in the help overlay, in this order. */
export const SHORTCUT_CATEGORIES = ['general', 'edit', 'selection', 'clipboard', 'outline', 'view'] as const;
export type ShortcutCategory = (typeof SHORTCUT_CATEGORIES)[number];

/** Where a shortcut may run besides the board itself; by default it may not run in either. */
export interface ShortcutScope {
  /**
   * In a text field. `'shared'`: only in a field bound to a card's shared text (undo there
   * is the board's undo); `true`: in any field (use sparingly, typing must keep its keys).
   */
  readonly inText?: boolean | 'shared';
  /** While a modal dialog is open. */
  readonly inModal?: boolean;
}

export interface ShortcutDefinition extends ShortcutScope {
  /** Unique, e.g. "undo", "selection.delete". */
  readonly id: string;
  /** Alternatives, each a chord like "mod+z" (see keys.ts); the first one is shown first. */
  readonly keys: readonly string[];
  readonly description: MessageKey;
  readonly category: ShortcutCategory;
  /** Only offered to people who may change the board (not observers). */
  readonly editableOnly?: boolean;
  /** An extra condition checked at the time of the keystroke, e.g. "something is selected". */
  readonly when?: () => boolean;
  /**
   * Returning `false` declines the key: it is then left to the browser (no preventDefault).
   * Absent for keys a focused widget handles itself (the outline's arrows): they are listed in
   * the help, so that it shows every key, but the page-wide listener leaves them alone.
   */
  readonly run?: (event: ShortcutEvent) => void | boolean;
}

/** The parts of a KeyboardEvent the registry needs; a real KeyboardEvent is one. */
export interface ShortcutEvent extends KeyInput {
  readonly target: EventTarget | null;
  readonly defaultPrevented: boolean;
  readonly isComposing?: boolean;
  preventDefault(): void;
}

/** One line of the help overlay. */
export interface ShortcutListing {
  readonly id: string;
  readonly description: MessageKey;
  /** One entry per alternative, each the keys to press together. */
  readonly keys: readonly (readonly string[])[];
}

interface Entry {
  readonly definition: ShortcutDefinition;
  readonly chords: readonly Chord[];
}

export interface RegistryOptions {
  readonly editable: boolean;
  readonly platform?: Platform;
}

export class ShortcutRegistry {
  readonly platform: Platform;
  readonly editable: boolean;
  #entries: Entry[] = [];
  readonly #listeners = new Set<() => void>();

  constructor(options: RegistryOptions) {
    this.editable = options.editable;
    this.platform = options.platform ?? detectPlatform();
  }

  /**
   * Adds a shortcut and answers the function that removes it (call it when the feature goes
   * away, e.g. in a component's cleanup). Throws on a duplicate id or a malformed chord.
   */
  register(definition: ShortcutDefinition): () => void {
    if (this.#entries.some((entry) => entry.definition.id === definition.id)) {
      throw new Error(`shortcut "${definition.id}" is registered twice`);
    }
    const entry: Entry = { definition, chords: definition.keys.map((keys) => parseChord(keys, this.platform)) };
    this.#entries = [...this.#entries, entry];
    this.#changed();
    return () => {
      if (!this.#entries.includes(entry)) return;
      this.#entries = this.#entries.filter((other) => other !== entry);
      this.#changed();
    };
  }

  /** Registers several shortcuts; the answer removes them all. */
  registerAll(definitions: readonly ShortcutDefinition[]): () => void {
    const removers = definitions.map((definition) => this.register(definition));
    return () => removers.forEach((remove) => remove());
  }

  /**
   * Runs the shortcut this keydown means, if any may run here, and answers whether one did (it
   * then prevents the browser's default). Keys already handled by a focused widget (which
   * called preventDefault, e.g. the outline's arrows) and keys composing text (IME) are left alone.
   * When two shortcuts share a chord, the one registered last is asked first.
   */
  handle(event: ShortcutEvent): boolean {
    if (event.defaultPrevented || event.isComposing) return false;
    for (let index = this.#entries.length - 1; index >= 0; index--) {
      const { definition, chords } = this.#entries[index]!;
      if (!definition.run) continue;
      if (!chords.some((chord) => matchesChord(chord, event))) continue;
      if (!this.#mayRun(definition, event.target)) continue;
      if (definition.run(event) === false) continue;
      event.preventDefault();
      return true;
    }
    return false;
  }

  /** The shortcuts this person can use, grouped by category in SHORTCUT_CATEGORIES order. */
  list(): { category: ShortcutCategory; shortcuts: ShortcutListing[] }[] {
    const groups = SHORTCUT_CATEGORIES.map((category) => ({ category, shortcuts: [] as ShortcutListing[] }));
    for (const { definition, chords } of this.#entries) {
      if (definition.editableOnly && !this.editable) continue;
      const group = groups.find((candidate) => candidate.category === definition.category);
      group?.shortcuts.push({
        id: definition.id,
        description: definition.description,
        keys: chords.map((chord) => chordLabels(chord, this.platform)),
      });
    }
    return groups.filter((group) => group.shortcuts.length > 0);
  }

  /** Called after every (un)registration, e.g. to refresh an open help overlay. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #mayRun(definition: ShortcutDefinition, target: EventTarget | null): boolean {
    if (definition.editableOnly && !this.editable) return false;
    if (!definition.inModal && isInsideModal(target)) return false;
    if (isTextEntry(target)) {
      const inText = definition.inText ?? false;
      if (inText === false) return false;
      if (inText === 'shared' && !isSharedTextEntry(target)) return false;
    }
    return definition.when?.() ?? true;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

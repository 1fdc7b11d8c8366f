// The keys for showing the board: Shift+1 fits the view to every card, Shift+2 to the selected
// cards. They are registered in the page's shortcut registry (so the help lists them), which
// matches keys by the character typed; Shift+1 types "!" on most layouts, though, so a keydown
// whose physical key is the digit runs them too.
import { isInsideModal, isTextEntry } from '../keyboard/focusContext.js';
import type { ShortcutDefinition, ShortcutRegistry } from '../keyboard/registry.js';

export interface NavigationCommands {
  fitAll(): void;
  /** False when nothing is selected: the key is then left alone. */
  fitSelection(): boolean;
}

export const FIT_ALL_KEYS = ['shift+1'] as const;
export const FIT_SELECTION_KEYS = ['shift+2'] as const;

export function navigationShortcuts(commands: NavigationCommands): ShortcutDefinition[] {
  return [
    { id: 'view.fitAll', keys: FIT_ALL_KEYS, description: 'nav.fitAll', category: 'view', run: () => commands.fitAll() },
    { id: 'view.fitSelection', keys: FIT_SELECTION_KEYS, description: 'nav.fitSelection', category: 'view', run: () => commands.fitSelection() },
  ];
}

/** The parts of a keydown the digit fallback reads. */
export interface DigitKeyEvent {
  readonly code: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
  readonly defaultPrevented: boolean;
}

/** Which command a Shift+digit keydown means by its physical key, whatever the layout types. */
export function digitCommand(event: DigitKeyEvent): 'fitAll' | 'fitSelection' | undefined {
  if (event.defaultPrevented || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTextEntry(event.target) || isInsideModal(event.target)) return undefined;
  return event.code === 'Digit1' ? 'fitAll' : event.code === 'Digit2' ? 'fitSelection' : undefined;
}

/** Registers the shortcuts and the digit fallback; the answer removes both. */
export function registerNavigationShortcuts(registry: ShortcutRegistry, commands: NavigationCommands): () => void {
  const unregister = registry.registerAll(navigationShortcuts(commands));
  const onKeyDown = (event: KeyboardEvent): void => {
    const command = digitCommand(event);
    if (command === 'fitAll') commands.fitAll();
    else if (command !== 'fitSelection' || !commands.fitSelection()) return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    unregister();
  };
}

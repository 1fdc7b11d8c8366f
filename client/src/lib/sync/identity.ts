// Who this person is on the board: a display name remembered in this browser, and a colour
// for their cursor. Storage can be unavailable (private mode, disabled), so every access is
// allowed to fail and the app then simply asks again next time.

const NAME_KEY = 'interlink.displayName';

export function rememberedName(storage: Pick<Storage, 'getItem'> | undefined): string | undefined {
  try {
    const value = storage?.getItem(NAME_KEY);
    return value ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberName(storage: Pick<Storage, 'setItem'> | undefined, name: string): void {
  try {
    storage?.setItem(NAME_KEY, name);
  } catch {
    // Not remembered: the dialog will ask again on the next visit, which is acceptable.
  }
}

/** Distinct, readable on white, and distinguishable for the common colour-vision deficiencies. */
export const CURSOR_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#7b3294',
  '#a6611a',
  '#e69f00',
  '#1b7837',
] as const;

/** A stable colour for a seed (the Yjs client id), so a person keeps theirs for the session. */
export function colorFor(seed: number): string {
  const index = Math.abs(Math.trunc(seed)) % CURSOR_COLORS.length;
  return CURSOR_COLORS[index] ?? CURSOR_COLORS[0];
}

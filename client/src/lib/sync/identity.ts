// Who this person is on the board: the display name last typed in this browser (offered again
// in the next board's join dialog), a colour for their cursor, and an anonymous member's
// pseudonym. Storage can be unavailable (private mode, disabled), so every access is allowed
// to fail and the app then simply asks again next time.

/** Exported for forgetBoard.ts: forgetting a board on a shared computer forgets the name too. */
export const NAME_KEY = 'interlink.displayName';

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

/**
 * FNV-1a over the UTF-16 code units, 32 bits: a stable number for a string. Not a secret and
 * not collision-proof; used where a few distinct inputs need distinct, repeatable outputs.
 */
export function stableHash(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A member keeps their colour across reloads and browser restarts: it follows the member id
 * the server gave them, not the Yjs client id, which is new on every page load.
 */
export function colorForMember(memberId: string): string {
  return colorFor(stableHash(memberId));
}

/** The lowest and highest number in an anonymous pseudonym ("Anonymous 427"). */
export const PSEUDONYM_MIN = 100;
export const PSEUDONYM_MAX = 999;

/**
 * The number in an anonymous member's pseudonym: presence needs a name so that two anonymous
 * people can be told apart, and it stays the same after a reload because it follows the member
 * id. Three digits: short to read out in a workshop, 900 values so that collisions are rare.
 */
export function pseudonymNumber(memberId: string): number {
  return PSEUDONYM_MIN + (stableHash(memberId, 0x9747b28c) % (PSEUDONYM_MAX - PSEUDONYM_MIN + 1));
}

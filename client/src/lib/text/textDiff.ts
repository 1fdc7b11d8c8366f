// The smallest single edit that turns one string into another, so that typing in a textarea
// becomes an insert or delete on the shared Y.Text (which merges with others' typing) rather
// than a replacement of the whole text (which would drop theirs).

export interface TextChange {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * `cursor` is the caret after the edit (selectionEnd); it settles ambiguous cases such as
 * typing "a" into "aa", where the new character is where the caret is.
 */
export function diffText(before: string, after: string, cursor?: number): TextChange | undefined {
  if (before === after) return undefined;
  const maxSuffixByCursor = cursor === undefined ? Infinity : Math.max(0, after.length - cursor);
  let suffix = 0;
  while (
    suffix < before.length &&
    suffix < after.length &&
    suffix < maxSuffixByCursor &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  let prefix = 0;
  const maxPrefix = Math.min(before.length, after.length) - suffix;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never cut a surrogate pair (an emoji, many CJK extension characters) in half.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);
}

/** One step of a Yjs text delta. */
export interface DeltaOp {
  readonly retain?: number;
  readonly insert?: unknown;
  readonly delete?: number;
}

/** Where a caret at `index` ends up after someone else's edit, so remote typing does not move it. */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  let pos = 0;
  let result = index;
  for (const op of delta) {
    if (pos >= result && op.insert === undefined) break;
    if (op.retain !== undefined) pos += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (pos < result) result += length;
      pos += length;
    } else if (op.delete !== undefined) {
      if (pos < result) result -= Math.min(op.delete, result - pos);
    }
  }
  return result;
}

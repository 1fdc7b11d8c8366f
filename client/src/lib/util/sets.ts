// Set comparisons for state that is replaced, never mutated (a new Set per change): views ask
// what changed so that they redraw only that.

export function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/** The values in exactly one of the two sets: those whose membership changed from `a` to `b`. */
export function changedMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const changed = new Set<T>();
  for (const value of a) if (!b.has(value)) changed.add(value);
  for (const value of b) if (!a.has(value)) changed.add(value);
  return changed;
}

// Arrow-key movement inside a toolbar (WAI-ARIA toolbar pattern): one button is in the tab
// order, the arrows move among the others, Home and End go to the ends, and it wraps around.

/** The index focus moves to for `key`, or undefined when the key is not a movement key. */
export function nextIndex(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

// Moves keyboard focus into the Inspector (the selected cards' fields), which sits beside the
// outline: the outline's way to edit fields without a mouse. The Inspector marks its section
// with this attribute; nothing else of it is assumed.
const INSPECTOR = '[data-testid=inspector]';
const FIELD = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Focuses the Inspector's first field; false when it shows none (nothing selected, or read-only). */
export function focusInspector(root: ParentNode = document): boolean {
  const field = root.querySelector(INSPECTOR)?.querySelector<HTMLElement>(FIELD);
  field?.focus();
  return field !== undefined && field !== null;
}

// "Note: Water shortage, selected by Amina and Bilal": the outline's way of showing screen-reader
// users what the canvas shows as coloured rings around the card.
import { i18n, t } from '../i18n/index.js';

export function withSelectedBy(entry: string, names: readonly string[]): string {
  if (names.length === 0) return entry;
  // The same name twice is one person with two tabs open.
  const list = new Intl.ListFormat(i18n.tag, { type: 'conjunction' }).format([...new Set(names)]);
  return t('presence.selectedBy', { entry, names: list });
}

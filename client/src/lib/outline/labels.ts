// How the outline and its dialogs name cards and links, in words a screen reader reads out.
import { isOneOf, LINK_KINDS, type ItemView } from '@interlink/model';
import { kindLabel, t } from '../i18n/index.js';
import type { LinkLine } from './outlineLinks.js';

export function cardText(item: ItemView): string {
  return item.text.trim() === '' ? t('outline.noText') : item.text;
}

/** "Threat: Food prices". */
export function cardLabel(item: ItemView): string {
  return t('outline.entry', { kind: kindLabel(item.kind), text: cardText(item) });
}

export function linkKindLabel(kind: string): string {
  return isOneOf(LINK_KINDS, kind) ? t(`link.${kind}`) : t('link.unknown', { kind });
}

/** "amplifies → Threat: Food prices" or "← Response: Cash transfers addresses this card". */
export function linkLineLabel(line: LinkLine): string {
  const params = { link: linkKindLabel(line.kind), card: cardLabel(line.other) };
  return line.direction === 'out' ? t('outline.link.out', params) : t('outline.link.in', params);
}

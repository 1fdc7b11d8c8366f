// A translator bound to one catalog: what the report, the exports and the client's reactive layer
// all call, so that every user-facing string is worded in one place whatever renders it.
import { isOneOf, ITEM_KINDS, type ItemKind } from '@interlink/model';
import { kindKeys, type Catalog, type MessageKey, type MessageParams } from './catalog.js';
import { interpolate } from './format.js';

export interface Translator {
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /** The label of an item kind; an unknown kind (from a newer peer) is named as it is stored. */
  readonly kindLabel: (kind: string) => string;
}

export function createTranslator(catalog: () => Catalog): Translator {
  const t = (key: MessageKey, params?: MessageParams): string => interpolate(catalog()[key], params);
  const kindLabel = (kind: string): string =>
    isOneOf<ItemKind>(ITEM_KINDS, kind) ? t(kindKeys[kind]) : t('kind.unknown', { kind });
  return { t, kindLabel };
}

// What every language must provide: exactly the keys of the English catalog, each a string.
// A catalog missing a key (or a `t()` call naming a key that does not exist) fails type checking.
import type { ItemKind } from '@interlink/model';
import { en } from './en.js';

export type MessageKey = keyof typeof en;
export type Catalog = { readonly [K in MessageKey]: string };
export type MessageParams = Readonly<Record<string, string | number>>;

// Every item kind of the schema has a label: adding a kind to the model without naming it here
// is a type error rather than a blank label on a card.
export const kindKeys: { readonly [K in ItemKind]: `kind.${K}` & MessageKey } = {
  threat: 'kind.threat',
  'root-cause': 'kind.root-cause',
  group: 'kind.group',
  capacity: 'kind.capacity',
  actor: 'kind.actor',
  response: 'kind.response',
  indicator: 'kind.indicator',
  note: 'kind.note',
  frame: 'kind.frame',
};

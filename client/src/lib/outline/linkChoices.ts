// What the keyboard "Link…" dialog offers: the cards to link to (filtered by what is typed) and,
// for the chosen pair, every link kind the schema allows in either direction, the one a drag
// would make (defaultLinkKind) first. Starting from a threat and choosing a response offers
// "response addresses threat": the dialog never makes the person think about arrow direction.
import { allowedLinkKinds, defaultLinkKind, type ItemId, type ItemView, type LinkKind } from '@interlink/model';

export interface LinkChoice {
  readonly kind: LinkKind;
  readonly from: ItemId;
  readonly to: ItemId;
  /** A stable key for a <select> value. */
  readonly key: string;
}

function choice(kind: LinkKind, from: ItemView, to: ItemView): LinkChoice {
  return { kind, from: from.id, to: to.id, key: `${kind}:${from.id}:${to.id}` };
}

/** The links possible between `source` (where the dialog was opened) and `target`, default first. */
export function linkChoices(source: ItemView, target: ItemView): LinkChoice[] {
  const forward = allowedLinkKinds(source.kind, target.kind).map((kind) => choice(kind, source, target));
  // `relates` fits both ways; offering it twice would only be noise.
  const backward = allowedLinkKinds(target.kind, source.kind)
    .filter((kind) => kind !== 'relates')
    .map((kind) => choice(kind, target, source));
  const all = [...forward, ...backward];
  const suggestion = defaultLinkKind(source.kind, target.kind);
  const preferred = suggestion.reversed ? choice(suggestion.kind, target, source) : choice(suggestion.kind, source, target);
  const index = all.findIndex((candidate) => candidate.key === preferred.key);
  return index <= 0 ? all : [all[index]!, ...all.slice(0, index), ...all.slice(index + 1)];
}

/** Folds case and accents, so "ecole" finds "École". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLocaleLowerCase();
}

/**
 * The cards `source` can be linked to whose text or kind label contains every typed word, in
 * `order`; those whose text starts with the query first (type-ahead).
 */
export function filterTargets(
  items: Iterable<ItemView>,
  source: ItemId,
  query: string,
  label: (item: ItemView) => string,
  order: (a: ItemView, b: ItemView) => number,
): ItemView[] {
  const words = fold(query).split(/\s+/).filter((word) => word !== '');
  const folded = fold(query.trim());
  const matches: { item: ItemView; prefix: boolean }[] = [];
  for (const item of items) {
    if (item.id === source) continue;
    const text = fold(item.text);
    const haystack = `${text} ${fold(label(item))}`;
    if (words.every((word) => haystack.includes(word))) matches.push({ item, prefix: folded !== '' && text.startsWith(folded) });
  }
  matches.sort((a, b) => (a.prefix === b.prefix ? order(a.item, b.item) : a.prefix ? -1 : 1));
  return matches.map((match) => match.item);
}

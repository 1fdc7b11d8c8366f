// A read-only mirror of the board, kept current by observing the Y.Doc through the model's
// tolerant readers. It reports which items and links changed in each transaction, so that
// the canvas touches only those nodes and the outline recomputes only when something moved.
import {
  boardMaps,
  readItem,
  readLink,
  readTitle,
  asItemId,
  asLinkId,
  type ItemId,
  type ItemView,
  type LinkId,
  type LinkView,
  type Problem,
} from '@interlink/model';
import type * as Y from 'yjs';

export interface MirrorChange {
  /** Items added, changed or removed. */
  readonly items: ReadonlySet<ItemId>;
  /** Links added, changed or removed, and links whose ends moved or vanished. */
  readonly links: ReadonlySet<LinkId>;
  readonly title: boolean;
  /** True when this browser made the change (its origin), e.g. to skip echoing a drag. */
  readonly local: boolean;
}

type Listener = (change: MirrorChange) => void;

/** The first path segment of a deep event names the item or link it happened in. */
function changedKeys(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], root: object): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.target === root) for (const key of event.keys.keys()) keys.add(key);
    else {
      const first = event.path[0];
      if (typeof first === 'string') keys.add(first);
    }
  }
  return keys;
}

export class BoardMirror {
  readonly items = new Map<ItemId, ItemView>();
  /** Every readable link, also those with a missing end (the canvas skips those). */
  readonly links = new Map<LinkId, LinkView>();
  /** Problems found while reading, by item or link id. */
  readonly problems = new Map<string, readonly Problem[]>();
  title = '';

  readonly #doc: Y.Doc;
  readonly #localOrigin: unknown;
  readonly #linksByItem = new Map<ItemId, Set<LinkId>>();
  readonly #listeners = new Set<Listener>();
  readonly #unobserve: (() => void)[] = [];

  constructor(doc: Y.Doc, localOrigin: unknown) {
    this.#doc = doc;
    this.#localOrigin = localOrigin;
    const { meta, items, links } = boardMaps(doc);
    for (const id of items.keys()) this.#readItem(asItemId(id));
    for (const id of links.keys()) this.#readLink(asLinkId(id));
    this.title = readTitle(doc);

    const onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
      const ids = [...changedKeys(events, items)].map(asItemId);
      const touched = new Set<LinkId>();
      for (const id of ids) {
        this.#readItem(id);
        for (const linkId of this.#linksByItem.get(id) ?? []) touched.add(linkId);
      }
      this.#emit({ items: new Set(ids), links: touched, title: false, local: this.#isLocal(tr) });
    };
    const onLinks = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
      const ids = [...changedKeys(events, links)].map(asLinkId);
      for (const id of ids) this.#readLink(id);
      this.#emit({ items: new Set(), links: new Set(ids), title: false, local: this.#isLocal(tr) });
    };
    const onMeta = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction): void => {
      this.title = readTitle(doc);
      this.#emit({ items: new Set(), links: new Set(), title: true, local: this.#isLocal(tr) });
    };
    items.observeDeep(onItems);
    links.observeDeep(onLinks);
    meta.observe(onMeta);
    this.#unobserve.push(
      () => items.unobserveDeep(onItems),
      () => links.unobserveDeep(onLinks),
      () => meta.unobserve(onMeta),
    );
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Both ends of a link, or undefined when one is gone (such a link is not drawn). */
  linkEnds(link: LinkView): readonly [ItemView, ItemView] | undefined {
    const from = this.items.get(link.from);
    const to = this.items.get(link.to);
    return from && to ? [from, to] : undefined;
  }

  destroy(): void {
    for (const stop of this.#unobserve) stop();
    this.#listeners.clear();
  }

  #isLocal(tr: Y.Transaction): boolean {
    return tr.origin === this.#localOrigin;
  }

  #emit(change: MirrorChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  #readItem(id: ItemId): void {
    const value: unknown = boardMaps(this.#doc).items.get(id);
    const problems: Problem[] = [];
    const view = value === undefined ? undefined : readItem(id, value, problems);
    if (view) this.items.set(id, view);
    else this.items.delete(id);
    this.#setProblems(id, problems);
  }

  #readLink(id: LinkId): void {
    const old = this.links.get(id);
    if (old) this.#unindex(old);
    const value: unknown = boardMaps(this.#doc).links.get(id);
    const problems: Problem[] = [];
    const view = value === undefined ? undefined : readLink(id, value, problems);
    if (view) {
      this.links.set(id, view);
      this.#index(view);
    } else this.links.delete(id);
    this.#setProblems(id, problems);
  }

  #setProblems(id: string, problems: readonly Problem[]): void {
    if (problems.length > 0) this.problems.set(id, problems);
    else this.problems.delete(id);
  }

  #index(link: LinkView): void {
    for (const end of [link.from, link.to]) {
      let set = this.#linksByItem.get(end);
      if (!set) this.#linksByItem.set(end, (set = new Set()));
      set.add(link.id);
    }
  }

  #unindex(link: LinkView): void {
    for (const end of [link.from, link.to]) {
      const set = this.#linksByItem.get(end);
      set?.delete(link.id);
      if (set?.size === 0) this.#linksByItem.delete(end);
    }
  }
}

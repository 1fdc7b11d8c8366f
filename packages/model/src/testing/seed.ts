// Test support: a small board that also holds data this version does not know, written the way
// a newer client would write it (raw Yjs, an unknown item kind, unknown fields, an unknown link
// kind), so that tests can check that no command of ours destroys a newer client's data.
import * as Y from 'yjs';
import { addItem, linkItems } from '../commands.js';
import { boardMaps, initBoard } from '../document.js';
import { asItemId, asLinkId, type ItemId, type LinkId } from '../ids.js';

export const SEED_ORIGIN = 'seed';

export interface SeededBoard {
  readonly threat: ItemId;
  readonly response: ItemId;
  /** An item of a kind this version does not know. */
  readonly future: ItemId;
  /** response -> threat, `addresses`. */
  readonly addresses: LinkId;
  /** future -> threat, a link kind this version does not know. */
  readonly inhibits: LinkId;
}

export function seedBoard(doc: Y.Doc): SeededBoard {
  initBoard(doc, 'Seeded', SEED_ORIGIN);
  const threat = addItem(doc, { id: asItemId('threat'), kind: 'threat', x: 0, y: 0, text: 'Drought', severity: 4, createdAt: 1 }, SEED_ORIGIN);
  const response = addItem(doc, { id: asItemId('response'), kind: 'response', x: 300, y: 0, text: 'Wells', createdAt: 2 }, SEED_ORIGIN);
  const addresses = linkItems(doc, { id: asLinkId('addresses'), kind: 'addresses', from: response, to: threat, polarity: '+', label: 'mitigates' }, SEED_ORIGIN);
  if (!addresses) throw new Error('seed: link refused');
  const future = asItemId('future');
  const inhibits = asLinkId('inhibits');
  doc.transact(() => {
    const { meta, items, links } = boardMaps(doc);
    meta.set('futureMeta', { plan: 'v2' });
    const threatMap = items.get(threat);
    threatMap?.set('futureScore', 7);
    const nested = new Y.Map<unknown>();
    threatMap?.set('futureMap', nested);
    nested.set('votes', [1, 2, 3]);

    const futureItem = new Y.Map<unknown>();
    items.set(future, futureItem);
    futureItem.set('kind', 'hazard-zone');
    futureItem.set('x', 10);
    futureItem.set('y', 20);
    futureItem.set('w', 100);
    futureItem.set('h', 50);
    futureItem.set('text', new Y.Text('Flood plain'));
    futureItem.set('radius', 42);
    futureItem.set('futureList', new Y.Array<unknown>());

    const inhibitsLink = new Y.Map<unknown>();
    links.set(inhibits, inhibitsLink);
    inhibitsLink.set('kind', 'inhibits');
    inhibitsLink.set('from', future);
    inhibitsLink.set('to', threat);
    inhibitsLink.set('weight', 0.5);
  }, SEED_ORIGIN);
  return { threat, response, future, addresses, inhibits };
}

/** Everything in the seeded board that this version does not know, as plain data. */
export function unknownData(doc: Y.Doc): Record<string, unknown> {
  const { meta, items, links } = boardMaps(doc);
  const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.toJSON() : value);
  return {
    futureMeta: plain(meta.get('futureMeta')),
    threatFutureScore: plain(items.get('threat')?.get('futureScore')),
    threatFutureMap: plain(items.get('threat')?.get('futureMap')),
    futureKind: plain(items.get('future')?.get('kind')),
    futureRadius: plain(items.get('future')?.get('radius')),
    futureList: plain(items.get('future')?.get('futureList')),
    inhibitsKind: plain(links.get('inhibits')?.get('kind')),
    inhibitsWeight: plain(links.get('inhibits')?.get('weight')),
  };
}

// Does a Yjs update change a given root type of a doc (CONTRACT.md section 6: only a facilitator's
// connection may change `session`)? Decided from the update's encoding and lookups in the doc,
// without applying anything or copying the doc: O(size of the update, plus the items its delete
// set covers), the same order as the work Yjs does to apply it.
//
// An update changes a root type when
// - one of its new structs (not already in the doc) is an item whose parent chain reaches it. A
//   decoded item names its parent as a root name, or as the id of a type's item (in the update or
//   in the doc), or not at all: then Yjs takes the parent of its left neighbour (`origin`), else
//   of its right one (`rightOrigin`), and so do we;
// - its delete set deletes an item of the doc, not deleted yet, whose parent chain reaches it.
//   Items already deleted are no change: a client's sync step 2 carries its whole delete set,
//   every deletion ever made on the board, so a participant's step 2 names the facilitator's
//   overwritten session values every time.
//
// What cannot be decided counts as a change (the guard fails closed): an item whose origin, right
// origin or parent is in neither the doc nor the update, a deletion of clocks that neither holds,
// a cycle of origins. Yjs would keep such structs pending and integrate them later, in the
// transaction of whichever update supplies what they lack (perhaps a facilitator's), where this
// check would never see them. A genuine client sends what the room lacks in the same sync step,
// so in practice only a crafted frame (or a node in scale-out mode that has not yet received
// another node's update) gets there. The room closes such a connection with 1013 (try again
// later), not 4403, and catches up from the store: the client reconnects and is judged then.
//
// Why the room refuses a non-facilitator's update whole, and closes that connection (4403):
// Yjs updates are causal. A client's structs carry consecutive clocks, and each later one may
// build on earlier ones (as origin, or as the parent type). Dropping only the session structs
// would leave a gap in that client's clocks: every later struct of that client, in this update
// or the next, would wait in the doc's pending store for the missing clocks forever, neither
// applied nor relayed. For the same reason every later update on that connection could never
// integrate, so the connection is closed rather than left to send edits that go nowhere; a
// client that reconnects offers the same change in its sync step 2 and is refused again. Only a
// client that changes `session` against its role gets there: the app offers participants no way.
import * as Y from 'yjs';

/** The root name whose changes only facilitators may make (CONTRACT.md section 6). */
export const SESSION_ROOT = 'session';

/** No root: the item will be garbage-collected on arrival (its neighbours are). */
const NO_ROOT = Symbol('no root');
/** Not decidable from the doc and the update (see the module comment). */
const UNKNOWN = Symbol('unknown');
/** Marks an item whose root is being resolved, so that a cycle of origins ends as UNKNOWN. */
const RESOLVING = Symbol('resolving');
type Root = string | typeof NO_ROOT | typeof UNKNOWN;

type Struct = Y.Item | Y.GC | Y.Skip;

/** The outcome, with why, for the log. */
export type RootTouch = { readonly touches: false } | { readonly touches: true; readonly reason: 'changes' | 'undecidable' };

/** True when applying `update` to `doc` would change the root type `root`, or that cannot be ruled out. */
export function touchesRoot(doc: Y.Doc, update: Uint8Array, root: string): boolean {
  return rootTouch(doc, update, root).touches;
}

export function rootTouch(doc: Y.Doc, update: Uint8Array, root: string): RootTouch {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { touches: true, reason: 'undecidable' };
  }
  const resolver = new RootResolver(doc, decoded.structs);
  const verdict = (found: Root): RootTouch | undefined =>
    found === UNKNOWN ? { touches: true, reason: 'undecidable' } : found === root ? { touches: true, reason: 'changes' } : undefined;

  for (const struct of decoded.structs) {
    // Already in the doc whole: Yjs skips it. Partly: the rest joins the same parent.
    if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    const touched = verdict(resolver.rootOfNew(struct));
    if (touched) return touched;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(doc.store, client);
    const structs = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (structs && clock < known) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const struct = structs[i]!;
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          const touched = verdict(resolver.rootOfDocItem(struct));
          if (touched) return touched;
        }
      }
      // Beyond what the doc holds: only the update's own new items (checked above) may be deleted.
      if (end > known && !resolver.updateCovers(client, Math.max(clock, known), end)) return { touches: true, reason: 'undecidable' };
    }
  }
  return { touches: false };
}

class RootResolver {
  /** The update's structs per client, in clock order (as the encoding has them). */
  private readonly byClient = new Map<number, Struct[]>();
  private readonly memo = new Map<Y.Item, Root | typeof RESOLVING>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
  ) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** The root of an item as decoded from the update. Iterative: a typed paragraph is a long chain of origins. */
  rootOfNew(start: Y.Item): Root {
    const chain: Y.Item[] = [];
    let current = start;
    let result: Root;
    for (;;) {
      const known = this.memo.get(current);
      if (known !== undefined) {
        result = known === RESOLVING ? UNKNOWN : known;
        break;
      }
      this.memo.set(current, RESOLVING);
      chain.push(current);
      const step = this.parentStep(current);
      if (step instanceof Y.Item) current = step;
      else {
        result = step;
        break;
      }
    }
    for (const item of chain) this.memo.set(item, result);
    return result;
  }

  /** The root of an item integrated in the doc: up through the types that hold it. */
  rootOfDocItem(item: Y.Item): Root {
    let parent: unknown = item.parent;
    for (;;) {
      if (!(parent instanceof Y.AbstractType)) return UNKNOWN;
      const holder: Y.Item | null = parent._item;
      if (holder === null) break;
      parent = holder.parent;
    }
    try {
      return Y.findRootTypeKey(parent);
    } catch {
      return UNKNOWN;
    }
  }

  /** True when the update's own structs (not skips) hold every clock of [from, to) of `client`. */
  updateCovers(client: number, from: number, to: number): boolean {
    for (let clock = from; clock < to; ) {
      const struct = this.inUpdate(Y.createID(client, clock));
      if (struct === undefined || struct instanceof Y.Skip) return false;
      clock = struct.id.clock + struct.length;
    }
    return true;
  }

  /** One step up from a decoded item: its root, or the decoded item whose parent it shares or that holds it. */
  private parentStep(item: Y.Item): Root | Y.Item {
    // A decoded item's parent is a root name (a string, whatever the typings say), a type's id, or null.
    const parent: unknown = item.parent;
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.ID) return this.holderStep(parent);
    for (const neighbour of [item.origin, item.rightOrigin]) {
      if (neighbour === null) continue;
      const found = this.lookup(neighbour);
      if (found === undefined || found.struct instanceof Y.Skip) return UNKNOWN;
      // A garbage-collected neighbour gives no parent; Yjs then tries the other side.
      if (!(found.struct instanceof Y.Item)) continue;
      return found.inDoc ? this.rootOfDocItem(found.struct) : found.struct;
    }
    return NO_ROOT;
  }

  /** The item whose content is the type that `id` names as a parent. */
  private holderStep(id: Y.ID): Root | Y.Item {
    const found = this.lookup(id);
    if (found === undefined || found.struct instanceof Y.Skip) return UNKNOWN;
    const holder = found.struct;
    if (!(holder instanceof Y.Item)) return NO_ROOT;
    // A type deleted in the doc, and its content collected: Yjs turns whatever is added to it into
    // garbage on arrival (an edit racing the deletion of its card). Neither session nor anything
    // else changes; refusing it would refuse the same honest edit on every reconnect, for good.
    if (holder.content instanceof Y.ContentDeleted && found.inDoc) return NO_ROOT;
    if (!(holder.content instanceof Y.ContentType)) return UNKNOWN;
    return found.inDoc ? this.rootOfDocItem(holder) : holder;
  }

  /** The struct holding `id`: the doc's when the doc has that clock (Yjs uses its own), else the update's. */
  private lookup(id: Y.ID): { readonly struct: Struct; readonly inDoc: boolean } | undefined {
    const structs = this.doc.store.clients.get(id.client);
    if (structs && id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = structs[Y.findIndexSS(structs, id.clock)];
      return struct && { struct, inDoc: true };
    }
    const struct = this.inUpdate(id);
    return struct && { struct, inDoc: false };
  }

  /** Binary search of the update's structs of that client for the one holding `id.clock`. */
  private inUpdate(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  }
}

// Test support: boards for the analysis tests, built through the real commands on a real Y.Doc
// and read back with the real reader, so that the tests exercise what a workshop board holds.
// Ids double as texts unless a test says otherwise, so that text order is id order.
import * as Y from 'yjs';
import { analyseBoard } from '../analysis/index.js';
import type { AnalysisOptions, BoardAnalysis } from '../analysis/types.js';
import { addItem, linkItems, type ItemFields } from '../commands.js';
import { initBoard } from '../document.js';
import { asItemId, asLinkId, type ItemId, type LinkId } from '../ids.js';
import { readBoard, type BoardView, type ItemView, type LinkView } from '../read.js';
import type { ItemKind, LinkKind, Polarity } from '../vocabulary.js';

export interface LinkOptions {
  readonly polarity?: Polarity;
  readonly id?: string;
}

export class BoardBuilder {
  readonly doc = new Y.Doc();
  private links = 0;

  constructor(title = 'Test board') {
    initBoard(this.doc, title);
  }

  item(id: string, kind: ItemKind, fields: ItemFields & { readonly text?: string } = {}): ItemId {
    return addItem(this.doc, { x: 0, y: 0, text: id, ...fields, kind, id: asItemId(id), createdAt: 1 });
  }

  threat(id: string, fields: ItemFields & { readonly text?: string } = {}): ItemId {
    return this.item(id, 'threat', fields);
  }

  threats(...ids: string[]): ItemId[] {
    return ids.map((id) => this.threat(id));
  }

  /** Links `from` to `to`; ids are numbered (l001, l002...) so that parallel links differ. */
  link(kind: LinkKind, from: string, to: string, options: LinkOptions = {}): LinkId {
    const id = options.id ?? `l${String(++this.links).padStart(3, '0')}`;
    const made = linkItems(this.doc, {
      kind,
      from: asItemId(from),
      to: asItemId(to),
      id: asLinkId(id),
      ...(options.polarity ? { polarity: options.polarity } : {}),
    });
    if (!made) throw new Error(`cannot link ${from} to ${to}: an end is missing`);
    return made;
  }

  /** `amplifies` links along the given threats: chain('a', 'b', 'c') is a -> b -> c. */
  chain(...ids: string[]): LinkId[] {
    return ids.slice(1).map((to, i) => this.link('amplifies', ids[i] as string, to));
  }

  view(): BoardView {
    return readBoard(this.doc);
  }

  analyse(options?: AnalysisOptions): BoardAnalysis {
    return analyseBoard(this.view(), options);
  }
}

/**
 * A board view built directly, without a Y.Doc: for graphs of thousands of threats, where going
 * through the commands would make a test slow without testing anything more. Links are
 * `amplifies` [from, to] pairs with ids l0, l1...
 */
export function threatGraphView(ids: readonly string[], links: readonly (readonly [string, string])[]): BoardView {
  const items = new Map(
    ids.map((id) => {
      const item: ItemView = { id: asItemId(id), kind: 'threat', knownKind: 'threat', x: 0, y: 0, w: 1, h: 1, text: id, sensitivity: 'public', extra: {} };
      return [item.id, item] as const;
    }),
  );
  const linkViews = new Map(
    links.map(([from, to], i) => {
      const link: LinkView = { id: asLinkId(`l${i}`), kind: 'amplifies', knownKind: 'amplifies', from: asItemId(from), to: asItemId(to), extra: {} };
      return [link.id, link] as const;
    }),
  );
  return { title: 'Graph', items, links: linkViews, problems: [] };
}

/** n threats t00, t01... every one amplifying every other: (n-1)! / (n-k)! / k loops of length k. */
export function completeDigraph(n: number): BoardBuilder {
  const board = new BoardBuilder();
  const ids = Array.from({ length: n }, (_, i) => `t${String(i).padStart(2, '0')}`);
  board.threats(...ids);
  for (const from of ids) for (const to of ids) if (from !== to) board.link('amplifies', from, to);
  return board;
}

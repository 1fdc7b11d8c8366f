// The filter behind every export and the analysis report: nothing of an item above the limit may
// come through, not its text, not its id, not a link or a problem that names it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, linkItems } from './commands.js';
import { boardMaps, initBoard } from './document.js';
import { asItemId, asLinkId } from './ids.js';
import { readBoard, type BoardView } from './read.js';
import { SENSITIVITY_RANK, isAtMost, parseSensitivity, restrictView } from './sensitivity.js';
import { SENSITIVITIES } from './vocabulary.js';

/** Everything a view holds, as one string, to search for what must not be there. */
function serialize(view: BoardView): string {
  return JSON.stringify({ ...view, items: [...view.items], links: [...view.links] });
}

const SECRET_ID = 'informant-card';
const SECRET_TEXT = 'Name of the informant in Gao';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, 'Workshop');
  const threat = addItem(doc, { id: asItemId('threat'), kind: 'threat', x: 0, y: 0, text: 'Armed raids', severity: 9 });
  const group = addItem(doc, { id: asItemId('group'), kind: 'group', x: 0, y: 0, text: 'Herders', sensitivity: 'restricted' });
  const secret = addItem(doc, { id: asItemId(SECRET_ID), kind: 'actor', x: 0, y: 0, text: SECRET_TEXT, sensitivity: 'confidential', severity: 0 });
  const toSecret = linkItems(doc, { id: asLinkId('link-to-secret'), kind: 'relates', from: threat, to: secret, label: 'tipped off by' });
  // Wrong ends, so that the link carries a problem of its own.
  const fromSecret = linkItems(doc, { id: asLinkId('link-from-secret'), kind: 'responsible', from: secret, to: threat });
  const affects = linkItems(doc, { id: asLinkId('affects'), kind: 'affects', from: threat, to: group });
  // A link that is not drawn (its other end is gone), whose problem names the secret card.
  const dangling = new Y.Map<unknown>();
  boardMaps(doc).links.set('dangling', dangling);
  dangling.set('kind', 'relates');
  dangling.set('from', 'gone');
  dangling.set('to', SECRET_ID);
  return { view: readBoard(doc), threat, group, secret, toSecret, fromSecret, affects };
}

describe('sensitivity ranks', () => {
  it('orders public < restricted < confidential', () => {
    expect(SENSITIVITIES.map((s) => SENSITIVITY_RANK[s])).toEqual([0, 1, 2]);
    expect(isAtMost('public', 'restricted')).toBe(true);
    expect(isAtMost('restricted', 'restricted')).toBe(true);
    expect(isAtMost('confidential', 'restricted')).toBe(false);
    expect(isAtMost('restricted', 'public')).toBe(false);
  });

  it('parses exactly the contract spellings', () => {
    for (const s of SENSITIVITIES) expect(parseSensitivity(s)).toBe(s);
    for (const bad of ['Confidential', ' public', 'secret', '', 2, null, undefined, ['public']]) expect(parseSensitivity(bad)).toBeUndefined();
  });
});

describe('restrictView', () => {
  it('leaves nothing of a confidential card at restricted: no id, no text, no link, no problem', () => {
    const { view, threat, group, affects } = board();
    expect(serialize(view)).toContain(SECRET_TEXT);
    const restricted = restrictView(view, 'restricted');
    const out = serialize(restricted);
    expect(out).not.toContain(SECRET_ID);
    expect(out).not.toContain(SECRET_TEXT);
    expect(out).not.toContain('link-to-secret');
    expect(out).not.toContain('link-from-secret');
    expect(out).not.toContain('tipped off by');
    expect(out).not.toContain('dangling');
    expect([...restricted.items.keys()].sort()).toEqual([group, threat].sort());
    expect([...restricted.links.keys()]).toEqual([affects]);
    // The public threat's own problem stays.
    expect(restricted.problems.map((p) => `${p.id}:${p.code}`)).toEqual(['threat:out-of-range']);
  });

  it('leaves out restricted items too at public', () => {
    const { view, threat } = board();
    const open = restrictView(view, 'public');
    expect([...open.items.keys()]).toEqual([threat]);
    expect(open.links.size).toBe(0);
    expect(serialize(open)).not.toContain('Herders');
  });

  it('keeps everything at confidential', () => {
    const { view } = board();
    expect(restrictView(view, 'confidential')).toEqual(view);
  });

  it('withholds an item whose marking cannot be read (the reader treats it as confidential)', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { kind: 'note', x: 0, y: 0, text: 'marked by a newer client' });
    boardMaps(doc).items.get(id)?.set('sensitivity', 'top-secret');
    expect(restrictView(readBoard(doc), 'restricted').items.size).toBe(0);
  });
});

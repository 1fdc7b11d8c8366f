import { asItemId, asLinkId, type ItemView, type LinkView } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { editedLink, editorPosition, kindChoices } from './linkEditing.js';

const card = (id: string, kind: string, x: number): ItemView => ({
  id: asItemId(id),
  kind,
  knownKind: undefined,
  x,
  y: 0,
  w: 200,
  h: 100,
  text: id,
  sensitivity: 'public',
  extra: {},
});
const link = (kind: string): LinkView => ({ id: asLinkId('l'), kind, knownKind: undefined, from: asItemId('r'), to: asItemId('t'), extra: {} });

describe('the link editor', () => {
  const response = card('r', 'response', 0);
  const threat = card('t', 'threat', 400);

  it('offers the kinds valid between the ends', () => {
    expect(kindChoices({ link: link('addresses'), from: response, to: threat })).toEqual(['addresses', 'relates']);
  });

  it('also offers the link’s own kind when it is not among them', () => {
    expect(kindChoices({ link: link('feeds'), from: response, to: threat })).toEqual(['addresses', 'relates', 'feeds']);
  });

  it('finds the selected link with its ends, and nothing once an end is gone', () => {
    const view = link('addresses');
    const items = new Map([[response.id, response], [threat.id, threat]]);
    const source = {
      links: new Map([[view.id, view]]),
      linkEnds: (l: LinkView) => {
        const a = items.get(l.from);
        const b = items.get(l.to);
        return a && b ? ([a, b] as const) : undefined;
      },
    };
    expect(editedLink(source, view.id)?.to).toBe(threat);
    expect(editedLink(source, undefined)).toBeUndefined();
    items.delete(threat.id);
    expect(editedLink(source, view.id)).toBeUndefined();
  });

  it('opens beside the arrow’s middle and stays inside the board area', () => {
    const edited = { link: link('addresses'), from: response, to: threat };
    // The arrow runs from (200, 50) to (400, 50): its middle is (300, 50).
    expect(editorPosition(edited, { x: 0, y: 0, scale: 1 }, { width: 1000, height: 800 }, { width: 200, height: 150 })).toEqual({ x: 314, y: 64 });
    expect(editorPosition(edited, { x: 0, y: 0, scale: 1 }, { width: 400, height: 100 }, { width: 200, height: 150 })).toEqual({ x: 192, y: 8 });
    expect(editorPosition(edited, { x: 100, y: 0, scale: 2 }, { width: 2000, height: 800 }, { width: 200, height: 150 })).toEqual({ x: 714, y: 114 });
  });
});

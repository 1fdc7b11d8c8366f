import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from './commands.js';
import { boardMaps } from './document.js';
import { asItemId } from './ids.js';
import { readBoard } from './read.js';
import { recordTransactions } from './testing/transactions.js';
import { updateItems } from './updateItems.js';

function board() {
  const doc = new Y.Doc();
  const threat = addItem(doc, { kind: 'threat', x: 0, y: 0, severity: 2, dimensions: ['food'] });
  const actor = addItem(doc, { kind: 'actor', x: 300, y: 0, level: 'local' });
  return { doc, threat, actor };
}

describe('updateItems', () => {
  it('sets and removes fields of several items in one transaction with the origin', () => {
    const { doc, threat, actor } = board();
    const origin = { user: 'amina' };
    const log = recordTransactions(doc);
    const found = updateItems(
      doc,
      [
        { id: threat, fields: { severity: 5, likelihood: 3, dimensions: ['food', 'health'], sensitivity: 'restricted' } },
        { id: actor, fields: { level: null, sector: 'un', sensitivity: 'restricted' } },
      ],
      origin,
    );
    log.stop();
    expect(found).toBe(2);
    expect(log.transactions).toEqual([origin]);
    expect(log.updates).toEqual([origin]);
    const view = readBoard(doc);
    expect(view.items.get(threat)).toMatchObject({ severity: 5, likelihood: 3, dimensions: ['food', 'health'], sensitivity: 'restricted' });
    const actorView = view.items.get(actor);
    expect(actorView).toMatchObject({ sector: 'un', sensitivity: 'restricted' });
    expect(actorView?.level).toBeUndefined();
  });

  it('skips items that are gone and counts only those found', () => {
    const { doc, threat } = board();
    expect(updateItems(doc, [{ id: asItemId('gone'), fields: { severity: 1 } }, { id: threat, fields: { onset: 'sudden' } }])).toBe(1);
    expect(boardMaps(doc).items.has('gone')).toBe(false);
    expect(readBoard(doc).items.get(threat)?.onset).toBe('sudden');
  });

  it('runs no transaction for no updates', () => {
    const { doc } = board();
    const log = recordTransactions(doc);
    expect(updateItems(doc, [], 'origin')).toBe(0);
    log.stop();
    expect(log.transactions).toEqual([]);
  });

  it('is undone as one step', () => {
    const { doc, threat, actor } = board();
    const origin = { user: 'bilal' };
    const { items } = boardMaps(doc);
    const undo = new Y.UndoManager([items], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    updateItems(doc, [{ id: threat, fields: { severity: 4 } }, { id: actor, fields: { level: 'national' } }], origin);
    undo.undo();
    const view = readBoard(doc);
    expect(view.items.get(threat)?.severity).toBe(2);
    expect(view.items.get(actor)?.level).toBe('local');
  });
});

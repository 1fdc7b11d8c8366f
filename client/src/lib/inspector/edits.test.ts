import { addItem, readBoard, updateItems } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDimensionToggle, planFieldEdit } from './edits.js';
import { itemViews } from './testItems.js';

describe('inspector edits', () => {
  it('apply a field only to the selected items of the kinds that have it, and only where it changes', () => {
    const [a, b, note] = itemViews(
      { kind: 'threat', x: 0, y: 0, severity: 2 },
      { kind: 'threat', x: 0, y: 0, severity: 5 },
      { kind: 'note', x: 0, y: 0 },
    );
    expect(planFieldEdit([a!, b!, note!], 'severity', 5)).toEqual([{ id: a!.id, fields: { severity: 5 } }]);
  });

  it('clear a field for "not set", and an empty or blank text too', () => {
    const [threat, indicator] = itemViews(
      { kind: 'threat', x: 0, y: 0, onset: 'sudden' },
      { kind: 'indicator', x: 0, y: 0, threshold: 'price of maize +30%' },
    );
    expect(planFieldEdit([threat!], 'onset', undefined)).toEqual([{ id: threat!.id, fields: { onset: null } }]);
    expect(planFieldEdit([indicator!], 'threshold', '   ')).toEqual([{ id: indicator!.id, fields: { threshold: null } }]);
    expect(planFieldEdit([indicator!], 'threshold', ' price of maize +30% ')).toEqual([]);
    expect(planFieldEdit([indicator!], 'action', ' Alert the district office ')).toEqual([
      { id: indicator!.id, fields: { action: 'Alert the district office' } },
    ]);
  });

  it('set sensitivity on every kind', () => {
    const items = itemViews({ kind: 'note', x: 0, y: 0 }, { kind: 'frame', x: 0, y: 0, sensitivity: 'restricted' });
    expect(planFieldEdit(items, 'sensitivity', 'restricted').map((u) => u.id)).toEqual([items[0]!.id]);
  });

  it('add a dimension to every selected threat, keeping each one’s others, or take it away', () => {
    const [a, b, actor] = itemViews(
      { kind: 'threat', x: 0, y: 0, dimensions: ['political', 'economic'] },
      { kind: 'threat', x: 0, y: 0, dimensions: ['food'] },
      { kind: 'actor', x: 0, y: 0 },
    );
    expect(planDimensionToggle([a!, b!, actor!], 'food', true)).toEqual([
      { id: a!.id, fields: { dimensions: ['economic', 'food', 'political'] } },
    ]);
    expect(planDimensionToggle([a!, b!, actor!], 'food', false)).toEqual([{ id: b!.id, fields: { dimensions: [] } }]);
  });

  it('become one transaction when applied through updateItems', () => {
    const doc = new Y.Doc();
    const ids = [addItem(doc, { kind: 'threat', x: 0, y: 0 }), addItem(doc, { kind: 'threat', x: 0, y: 0 })];
    const items = ids.map((id) => readBoard(doc).items.get(id)!);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    updateItems(doc, planFieldEdit(items, 'likelihood', 3), 'me');
    expect(transactions).toBe(1);
    expect(ids.map((id) => readBoard(doc).items.get(id)?.likelihood)).toEqual([3, 3]);
  });
});

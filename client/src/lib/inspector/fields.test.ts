import { ITEM_KINDS } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { CHOICES, FIELD_ORDER, KIND_FIELDS, applicableFields, fieldApplies, parseChoice } from './fields.js';
import { itemViews } from './testItems.js';

describe('inspector fields', () => {
  it('give each kind its own fields (CONTRACT.md section 4) and everyone sensitivity and colour', () => {
    const own = (kind: (typeof ITEM_KINDS)[number]) =>
      FIELD_ORDER.filter((field) => fieldApplies(field, { knownKind: kind }) && field !== 'sensitivity' && field !== 'color');
    expect(own('threat')).toEqual(['dimensions', 'severity', 'likelihood', 'onset']);
    expect(own('actor')).toEqual(['level', 'sector']);
    expect(own('response')).toEqual(['strategy', 'phase']);
    expect(own('indicator')).toEqual(['threshold', 'action']);
    for (const kind of ['root-cause', 'group', 'capacity', 'note', 'frame'] as const) expect(own(kind)).toEqual([]);
    for (const kind of [...ITEM_KINDS, undefined]) {
      expect(fieldApplies('sensitivity', { knownKind: kind })).toBe(true);
      expect(fieldApplies('color', { knownKind: kind })).toBe(true);
    }
  });

  it('show a field when any selected item has it', () => {
    expect(applicableFields([])).toEqual([]);
    const [threat, actor, note] = itemViews({ kind: 'threat', x: 0, y: 0 }, { kind: 'actor', x: 0, y: 0 }, { kind: 'note', x: 0, y: 0 });
    expect(applicableFields([note!])).toEqual(['sensitivity', 'color']);
    expect(applicableFields([threat!, actor!, note!])).toEqual([
      'dimensions', 'severity', 'likelihood', 'onset', 'level', 'sector', 'sensitivity', 'color',
    ]);
  });

  it('offer the closed lists of the schema, and read a select’s value back', () => {
    expect(CHOICES.severity).toEqual([1, 2, 3, 4, 5]);
    expect(parseChoice('severity', '4')).toBe(4);
    expect(parseChoice('severity', '9')).toBeUndefined();
    expect(parseChoice('severity', '')).toBeUndefined();
    expect(parseChoice('sector', 'civil-society')).toBe('civil-society');
    expect(parseChoice('sensitivity', 'confidential')).toBe('confidential');
    expect(Object.keys(KIND_FIELDS)).toHaveLength(10);
  });
});

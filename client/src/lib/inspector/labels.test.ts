import { createTranslator, en } from '@interlink/i18n';
import { describe, expect, it } from 'vitest';
import { CHOICES, FIELD_ORDER, type ChoiceField } from './fields.js';
import { choiceLabel, fieldLabel } from './labels.js';

const { t } = createTranslator(() => en);
const catalog: Readonly<Record<string, string>> = en;

describe('inspector words', () => {
  it('name every field and every option of every choice from the catalog', () => {
    for (const field of FIELD_ORDER) expect(fieldLabel(t, field)).not.toBe('');
    const values = new Set(Object.values(catalog));
    for (const field of Object.keys(CHOICES) as ChoiceField[]) {
      for (const value of CHOICES[field]) expect(values.has(choiceLabel(t, field, value)), `${field} ${value}`).toBe(true);
    }
    expect(choiceLabel(t, 'severity', 5)).toBe('5 · very high');
    expect(choiceLabel(t, 'sector', 'un')).toBe('United Nations');
  });
});

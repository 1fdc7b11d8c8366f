// The words the inspector shows for fields and their values, all from the i18n catalog.
import type { MessageKey, MessageParams } from '@interlink/i18n';
import type { ChoiceField, InspectorField } from './fields.js';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

const FIELD_KEYS: { readonly [F in InspectorField]: MessageKey } = {
  dimensions: 'inspector.field.dimensions',
  severity: 'inspector.field.severity',
  likelihood: 'inspector.field.likelihood',
  onset: 'inspector.field.onset',
  level: 'inspector.field.level',
  sector: 'inspector.field.sector',
  strategy: 'inspector.field.strategy',
  phase: 'inspector.field.phase',
  threshold: 'inspector.field.threshold',
  action: 'inspector.field.action',
  sensitivity: 'inspector.field.sensitivity',
  color: 'inspector.field.color',
};

export function fieldLabel(t: Translate, field: InspectorField): string {
  return t(FIELD_KEYS[field]);
}

const SCORE_KEYS: Readonly<Record<number, MessageKey>> = {
  1: 'inspector.score.1',
  2: 'inspector.score.2',
  3: 'inspector.score.3',
  4: 'inspector.score.4',
  5: 'inspector.score.5',
};

/** The label of one option of a choice field; a value without words is shown as it is. */
export function choiceLabel(t: Translate, field: ChoiceField, value: string | number): string {
  const key = ((): MessageKey | undefined => {
    switch (field) {
      case 'severity':
      case 'likelihood':
        return SCORE_KEYS[Number(value)];
      case 'onset':
        return value === 'chronic' || value === 'sudden' ? `inspector.onset.${value}` : undefined;
      default:
        return `${field}.${value}` as MessageKey;
    }
  })();
  return key ? t(key) : String(value);
}

// The colours a card can be given in the inspector: light fills on which every kind's dark ink
// stays readable (checked in colors.test.ts), so that a colour never costs legibility. They are
// the kinds' own fills and a few neutrals: a facilitator can mark cards by theme without
// inventing a clash with the kind colours.
import type { MessageKey } from '@interlink/i18n';

export interface Swatch {
  readonly color: string;
  readonly nameKey: MessageKey;
}

export const SWATCHES: readonly Swatch[] = [
  { color: '#fff3b0', nameKey: 'inspector.color.yellow' },
  { color: '#fddbb8', nameKey: 'inspector.color.orange' },
  { color: '#fbd3cf', nameKey: 'inspector.color.red' },
  { color: '#fcd0e2', nameKey: 'inspector.color.pink' },
  { color: '#e2d5f8', nameKey: 'inspector.color.purple' },
  { color: '#d2e2fb', nameKey: 'inspector.color.blue' },
  { color: '#c5ecf1', nameKey: 'inspector.color.teal' },
  { color: '#d7f0c8', nameKey: 'inspector.color.green' },
  { color: '#e6e8ec', nameKey: 'inspector.color.grey' },
  { color: '#ffffff', nameKey: 'inspector.color.white' },
];

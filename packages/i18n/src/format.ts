// Fills `{name}` placeholders. Kept free of any locale state so that it is unit-testable and
// shared by every catalog; unknown placeholders stay visible rather than silently vanishing.
import type { MessageParams } from './catalog.js';

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

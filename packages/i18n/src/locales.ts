// The languages the app can speak. The six UN languages are the target; each entry says how
// to load its catalog and which way it is written, so that adding Arabic is adding a line
// (and a catalog), not touching components.
import type { Catalog } from './catalog.js';
import { en } from './en.js';

export type TextDirection = 'ltr' | 'rtl';

export interface LocaleInfo {
  /** BCP 47 tag set on <html lang>. */
  readonly tag: string;
  readonly dir: TextDirection;
  /** The language's own name, for a language picker. */
  readonly nativeName: string;
  readonly load: () => Promise<Catalog>;
}

export const LOCALES = {
  en: { tag: 'en', dir: 'ltr', nativeName: 'English', load: async () => en },
  // Planned: ar (rtl), zh, fr, ru, es; each loads its catalog with a dynamic import, so a
  // reader downloads only their language. English is bundled: it is the fallback.
} as const satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The first of the user's preferred languages that we have, by primary subtag ("fr-CA" -> "fr"). */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

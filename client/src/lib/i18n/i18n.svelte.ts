// The one translation layer. `t` reads the current catalog from a rune, so text rendered by a
// component updates when the language changes; canvas code calls `t` when it draws.
import type { ItemKind } from '@interlink/model';
import { isOneOf, ITEM_KINDS } from '@interlink/model';
import { kindKeys, type Catalog, type MessageKey, type MessageParams } from './catalog.js';
import { en } from './en.js';
import { interpolate } from './format.js';
import { DEFAULT_LOCALE, LOCALES, pickLocale, type Locale, type TextDirection } from './locales.js';

class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
  #catalog = $state.raw<Catalog>(en);
  readonly dir: TextDirection = $derived(LOCALES[this.locale].dir);
  readonly tag: string = $derived(LOCALES[this.locale].tag);

  t = (key: MessageKey, params?: MessageParams): string => interpolate(this.#catalog[key], params);

  /** The label of an item kind; an unknown kind (from a newer peer) is named as it is stored. */
  kindLabel = (kind: string): string =>
    isOneOf<ItemKind>(ITEM_KINDS, kind) ? this.t(kindKeys[kind]) : this.t('kind.unknown', { kind });

  async setLocale(locale: Locale): Promise<void> {
    const catalog = await LOCALES[locale].load();
    this.#catalog = catalog;
    this.locale = locale;
  }

  /** Chooses the best language for this browser. */
  async detect(languages: readonly string[]): Promise<void> {
    const locale = pickLocale(languages);
    if (locale !== this.locale) await this.setLocale(locale);
  }
}

export const i18n = new I18n();
export const t = i18n.t;
export const kindLabel = i18n.kindLabel;

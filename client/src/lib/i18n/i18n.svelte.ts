// The client's side of the one translation layer (@interlink/i18n). `t` reads the current
// catalog from a rune, so text rendered by a component updates when the language changes;
// canvas code calls `t` when it draws.
import { createTranslator, DEFAULT_LOCALE, en, LOCALES, pickLocale, type Catalog, type Locale, type TextDirection } from '@interlink/i18n';

class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
  #catalog = $state.raw<Catalog>(en);
  readonly dir: TextDirection = $derived(LOCALES[this.locale].dir);
  readonly tag: string = $derived(LOCALES[this.locale].tag);
  readonly #translator = createTranslator(() => this.#catalog);

  t = this.#translator.t;
  kindLabel = this.#translator.kindLabel;

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

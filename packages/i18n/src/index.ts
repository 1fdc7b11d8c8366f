export { en } from './en.js';
export { kindKeys, type Catalog, type MessageKey, type MessageParams } from './catalog.js';
export { interpolate } from './format.js';
export { DEFAULT_LOCALE, LOCALES, isLocale, pickLocale, type Locale, type LocaleInfo, type TextDirection } from './locales.js';
export { createTranslator, type Translator } from './translator.js';

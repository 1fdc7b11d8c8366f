export { i18n, t, kindLabel } from './i18n.svelte.js';
export type { MessageKey, MessageParams, Catalog } from './catalog.js';
export { LOCALES, type Locale, type TextDirection } from './locales.js';

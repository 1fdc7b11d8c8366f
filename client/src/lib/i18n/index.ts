export { i18n, t, kindLabel } from './i18n.svelte.js';
export type { MessageKey, MessageParams, Catalog, Locale, TextDirection } from '@interlink/i18n';
export { LOCALES } from '@interlink/i18n';

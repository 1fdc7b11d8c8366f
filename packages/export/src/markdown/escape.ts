// Card texts go into the report verbatim: what a reader sees rendered is exactly what was
// typed, and no card can inject markup into the report (a heading, a link, raw HTML, a table
// cell break). CommonMark's backslash escapes do that without changing the visible text, and
// only the characters that could start markup are escaped, so ordinary text stays readable
// in the raw file too.

/** Characters that open inline markup or HTML anywhere in a line, or end a table cell. */
const INLINE_MARKUP = /[\\`*_[\]<>|~]/g;
/** `&amp;`-style references would render as the character they name, not as typed. */
const CHARACTER_REFERENCE = /&(?=#?[0-9A-Za-z]+;)/g;
const LINE_BREAK = /\r\n|\r|\n/g;
/**
 * What would open a block when the text comes right after a list marker ("- ## x" is a heading
 * inside the item, "- 2024. x" a nested list): escaped at the start only.
 */
const LEADING_BLOCK_MARKER = /^(#{1,6}(?=\s|$)|>|[-+=](?=\s|$)|-{3,}(?=\s*$)|={3,}(?=\s*$)|\d{1,9}(?=[.)](?:\s|$)))/;

/**
 * A piece of user text as inline Markdown: rendered, it reads exactly as typed. Line breaks
 * become `<br>` so that a multi-line card stays inside its list item or table cell.
 */
export function inlineText(text: string): string {
  return text
    .replace(INLINE_MARKUP, (char) => `\\${char}`)
    .replace(LEADING_BLOCK_MARKER, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`))
    .replace(CHARACTER_REFERENCE, '\\&')
    .replace(LINE_BREAK, '<br>');
}

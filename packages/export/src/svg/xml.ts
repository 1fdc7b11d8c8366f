// Everything a card holds is user text: it reaches the SVG only through these functions, so that
// no card can add markup to the picture, and no character can make the file unreadable. XML 1.0
// forbids most C0 control characters, lone surrogates and U+FFFE/U+FFFF even when escaped
// (`&#1;` is as invalid as the raw byte), so those are dropped rather than escaped.

/** Characters XML 1.0 does not allow anywhere: C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` without the characters XML 1.0 cannot carry. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/**
 * `text` safe as element content and as a (double- or single-quoted) attribute value. Tab, LF and
 * CR become character references so that an attribute keeps them instead of normalising them to
 * spaces; in element content the reference reads the same as the character.
 */
export function xmlEscape(text: string): string {
  return stripInvalidXml(text)
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
    .replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A number as an SVG attribute: rounded to 1/100 of a unit (far below a pixel at any scale we
 * render), so that the file stays small and the same board always gives the same bytes.
 */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Escaping for XML 1.0. Characters XML 1.0 forbids outright (C0 controls other than tab, LF and CR;
 * U+FFFE, U+FFFF) cannot be written even as character references, so they are replaced by the
 * visible text `\uXXXX`; unpaired surrogates become U+FFFD.
 * @packageDocumentation
 */

/** Characters XML 1.0 forbids, and unpaired surrogates. */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces what XML 1.0 cannot hold at all. */
function replaceInvalid(s: string): string {
  return s.replace(INVALID, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
    return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * Escapes text content of an element: `&`, `<` and `>` (the last so `]]>` cannot occur).
 * Newlines and tabs stay as they are.
 * @param s - any string
 * @returns text safe between tags
 */
export function escapeXmlText(s: string): string {
  return replaceInvalid(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes an attribute value for use between double or single quotes. Tab, LF and CR become
 * character references, because a parser would otherwise normalize them to spaces.
 * @param s - any string
 * @returns the value, without the quotes
 */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

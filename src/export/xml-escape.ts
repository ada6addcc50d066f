/**
 * XML 1.0 escaping. Characters XML 1.0 cannot carry at all (most C0 controls,
 * U+FFFE/U+FFFF, unpaired surrogates) become U+FFFD; markup characters become
 * entities; a carriage return is written as a character reference so parsers
 * do not normalize it away, and in attributes so are newline and tab.
 */

const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

const replace = (char: string) => ENTITIES[char] ?? char;

/** For element content. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>"'\r]/g, replace);
}

/** For an attribute value in double or single quotes. */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>"'\r\n\t]/g, replace);
}

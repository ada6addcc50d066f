/**
 * Which characters stored text may hold, for bundles and edits alike.
 *
 * A name (of an entity, alias, source, title, role or document title) is one
 * line that people read and compare, so characters that are invisible or that
 * change how the text around them is shown are refused: controls (NUL, tabs,
 * newlines) and line separators; bidirectional embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069), with which a name stored backwards
 * displays forwards; and format characters such as zero-width spaces, the BOM
 * or soft hyphens, which make two names that look the same differ. The zero-width (non-)joiner is
 * part of the spelling of Persian and Indic names (علی‌زاده), so it stays
 * allowed between two letters of a script other than Latin, Greek or Cyrillic.
 *
 * Free text (descriptions, quotes, document text) keeps layout and direction
 * marks, since quotes must match their document verbatim; only NUL is refused.
 *
 * In both, an unpaired UTF-16 surrogate is refused: it is not Unicode text, and
 * Neo4j cannot store it.
 */

/** A lone half of a UTF-16 surrogate pair: not Unicode text. */
export const UNPAIRED_SURROGATE = /\p{Cs}/u;
const NUL = /\0/;
/** Controls, and the line and paragraph separators U+2028/U+2029. */
const LINE_BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const JOINER = /[\u200C\u200D]/u;
/** A joiner between two letters (or marks) of a script that joins, e.g. Arabic or Devanagari. */
const JOINER_IN_A_WORD =
  /(?<=[\p{L}\p{M}])(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\u200C\u200D](?=[\p{L}\p{M}])(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])/gu;
const FORMAT = /\p{Cf}/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` cannot be a name, or null when it can. */
export function nameProblem(value: string): string | null {
  if (UNPAIRED_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate, which is not text';
  const control = LINE_BREAKING.exec(value);
  if (control) return `contains the control or line-break character ${codePoint(control[0])}; a name is one line of visible text`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `contains the bidirectional control ${codePoint(bidi[0])}, which changes how the text around it is displayed`;
  const withoutWordJoiners = value.replace(JOINER_IN_A_WORD, '');
  const joiner = JOINER.exec(withoutWordJoiners);
  if (joiner) return `contains the zero-width joiner ${codePoint(joiner[0])} outside a word of a script that joins letters`;
  const format = FORMAT.exec(withoutWordJoiners);
  if (format) return `contains the invisible formatting character ${codePoint(format[0])}`;
  return null;
}

/**
 * `value` made into a name: what nameProblem refuses is dropped (a control or line break becomes a space) and
 * runs of white space fold into one. For names a machine takes from text, such as extraction's: web copy carries
 * soft hyphens, zero-width spaces and direction marks that would make the name invalid or unequal to its twin.
 */
export function asName(value: string): string {
  // Joiners inside a word are kept through the format-character sweep under a private-use placeholder.
  const kept = value.replace(/\u{F0000}/gu, '').replace(JOINER_IN_A_WORD, (joiner) => `\u{F0000}${joiner === '\u200C' ? 'n' : 'j'}`);
  return kept
    .replace(/\p{Cs}/gu, '')
    .replace(LINE_BREAKING_ALL, ' ')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\p{Cf}/gu, '')
    .replace(/\u{F0000}([nj])/gu, (_match, which: string) => (which === 'n' ? '\u200C' : '\u200D'))
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

const LINE_BREAKING_ALL = new RegExp(LINE_BREAKING.source, 'gu');

/** Why `value` cannot be free text, or null when it can. */
export function freeTextProblem(value: string): string | null {
  if (UNPAIRED_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate, which is not text';
  if (NUL.test(value)) return 'contains a NUL character (U+0000)';
  return null;
}

/**
 * How error messages repeat a caller's values: briefly. A message that quoted
 * a 2 MB id whole would cost 2 MB per error, in answers and in logs.
 */

/** Characters of a value a message may repeat. */
export const ECHO_LIMIT = 64;
/** Characters of a whole message; past this it is cut (a bundle's issues are listed in full in `extensions.issues`). */
export const MESSAGE_LIMIT = 1500;

/** Up to `limit` characters of `value`, never splitting a surrogate pair, with "…" when something was cut. */
export function shortened(value: string, limit = ECHO_LIMIT): string {
  if (value.length <= limit) return value;
  const end = /[\uD800-\uDBFF]/.test(value[limit - 1]!) ? limit - 1 : limit;
  return `${value.slice(0, end)}…`;
}

/** The value as a message quotes it: in double quotes, shortened. */
export function echoed(value: string): string {
  return JSON.stringify(shortened(value));
}

// A double-quoted run in a message, as graphql-js and this project quote values: "…", with \" and \\ escapes inside.
const QUOTED = /"((?:[^"\\]|\\.)*)"/;
// One character of a quoted run: an escape sequence, a surrogate pair, or any other single character.
const QUOTED_CHARACTER = /\\u[0-9a-fA-F]{4}|\\.|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/y;

/** The first ECHO_LIMIT characters of a quoted run, counting an escape as one, or null when it has no more than that. */
function quotedPrefix(inner: string): string | null {
  QUOTED_CHARACTER.lastIndex = 0;
  for (let count = 0; count < ECHO_LIMIT; count++) if (!QUOTED_CHARACTER.exec(inner)) return null;
  return QUOTED_CHARACTER.lastIndex < inner.length ? inner.slice(0, QUOTED_CHARACTER.lastIndex) : null;
}

// graphql-js prints object keys and enum or number literals unquoted: a long run of them is a value too.
const UNQUOTED_RUN = `[^\\s"':,{}[\\]()]{${ECHO_LIMIT + 1},}`;
// A quoted value, matched from its opening quote, or a long unquoted run; never one inside the other.
const VALUE = new RegExp(`${QUOTED.source}|${UNQUOTED_RUN}`, 'g');

/**
 * The message with every value longer than ECHO_LIMIT cut to it (quoted
 * values, and unquoted runs such as an object key), and the message itself at
 * most MESSAGE_LIMIT characters.
 */
export function withShortEchoes(message: string): string {
  const cut = message.replace(VALUE, (whole, inner: string | undefined) => {
    if (inner === undefined) return shortened(whole);
    const prefix = inner.length > ECHO_LIMIT ? quotedPrefix(inner) : null;
    return prefix === null ? whole : `"${prefix}…"`;
  });
  return shortened(cut, MESSAGE_LIMIT);
}

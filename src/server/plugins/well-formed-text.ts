/**
 * Text that decoding would silently alter. A body that is not UTF-8, or a
 * percent-escape such as %ED%A0%80 (an encoded surrogate, which UTF-8 forbids),
 * decodes to U+FFFD, so a caller's text would be stored changed; a JSON escape
 * such as \ud800 decodes to an unpaired surrogate, which Neo4j cannot store.
 * These find them so the request can be refused instead.
 */

import { UNPAIRED_SURROGATE } from '../../model/text-rules.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, or null when they are not well-formed UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// Runs of escapes, so a character encoded in several bytes is decoded whole; a lone "%" stays literal, as URLSearchParams leaves it.
const PERCENT_ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** Whether every run of percent-escapes in a query string or form body decodes to well-formed UTF-8. */
export function percentEscapesAreUtf8(encoded: string): boolean {
  for (const [run] of encoded.matchAll(PERCENT_ESCAPES)) {
    try {
      decodeURIComponent(run);
    } catch {
      return false;
    }
  }
  return true;
}

/** Whether any string in a parsed request (keys included) holds an unpaired surrogate; iterative, so deep nesting cannot overflow the stack. */
export function holdsUnpairedSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (UNPAIRED_SURROGATE.test(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, field] of Object.entries(next)) pending.push(key, field);
    }
  }
  return false;
}

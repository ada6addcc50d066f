import { GraphQLError } from 'graphql';
import { ArgumentError } from '../model/input-error.js';

/**
 * A feed cursor: an opaque encoding of an event's sequence number. Clients
 * pass it back unchanged; only this module reads it.
 */
const PREFIX = 'change:';

export function encodeChangeCursor(sequence: number): string {
  return Buffer.from(`${PREFIX}${sequence}`, 'utf8').toString('base64url');
}

/** The sequence number a cursor stands for; null for no cursor (the start of the feed). */
export function decodeChangeCursor(cursor: string | null | undefined, argumentName = 'after'): number | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (/^\d{1,15}$/.test(digits)) return Number(digits);
  throw new ArgumentError(argumentName, 'Invalid cursor: pass a cursor returned by changes or changed.');
}

/** A cursor from before the oldest event kept: the events after it are gone. */
export class CursorExpiredError extends GraphQLError {
  constructor(after: number, prunedThrough: number, retention: string) {
    super(
      `The cursor is older than the change feed keeps (${retention}): events after it up to number ${prunedThrough} were pruned. ` +
        'Read the graph again, then follow the feed from changes(first: 1) without after, or from the newest cursor.',
      { extensions: { code: 'CURSOR_EXPIRED', after, prunedThrough } },
    );
    this.name = 'CursorExpiredError';
  }
}

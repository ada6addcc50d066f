import { ArgumentError } from '../../model/input-error.js';

/**
 * Keyset cursors: an opaque encoding of the last key seen. Paging continues
 * after that key, so rows added meanwhile never shift a page (offsets would).
 */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof value.k === 'string') return value.k;
  } catch {
    // fall through to the error below
  }
  throw new ArgumentError('after', 'Invalid cursor: pass a cursor returned by this API.');
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  keyOf: (item: T) => string;
}

/** Turns `first + 1` fetched rows into a page that knows whether more follow. */
export function toPage<T>(rows: T[], first: number, keyOf: (item: T) => string): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first, keyOf };
}

import neo4j, { type RecordShape } from 'neo4j-driver';
import type { Executor } from '../db/executor.js';

export const DEFAULT_PAGE_SIZE = 5000;
/** Documents carry their full text, so they come in smaller pages. */
export const DOCUMENT_PAGE_SIZE = 100;
/** One page may scan a large index range on a big graph; allow more than an API request. */
export const PAGE_TIMEOUT_MS = 120_000;

export interface PageOptions {
  pageSize?: number;
  /** Shown in logs and transaction metadata. */
  name: string;
  /** Parameters the statement takes beside `$after` and `$limit` (a read filter's). */
  params?: Record<string, unknown>;
}

/**
 * Reads a whole label or relationship type in pages, by keyset: the query
 * takes `$after` (the last key of the previous page, '' at first) and
 * `$limit`, filters `key > $after`, orders by the key and limits. Each page is
 * one short read transaction, so memory stays flat however large the graph.
 * The limit goes as a Neo4j integer: a JS number would be sent as a float.
 */
export async function* keysetPages<R extends RecordShape>(
  executor: Executor,
  cypher: string,
  key: (row: R) => string,
  options: PageOptions,
): AsyncGenerator<R[]> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive integer, not ${pageSize}`);
  let after = '';
  for (;;) {
    const rows = await executor.read<R>(cypher, { ...options.params, after, limit: neo4j.int(pageSize) }, { name: options.name, timeoutMs: PAGE_TIMEOUT_MS });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = key(rows[rows.length - 1]!);
  }
}

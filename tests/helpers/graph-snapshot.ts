import type { Executor } from '../../src/db/executor.js';

const VOLATILE = new Set(['createdAt', 'ingestedAt']);

function stable(value: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(value)
      .filter((key) => !VOLATILE.has(key))
      .sort()
      .map((key) => [key, value[key]]),
  );
}

/** The change feed's log (docs/change-feed.md): a record of writes, append-only by design, not part of the graph compared. */
const FEED_LABELS = ['Change', 'ChangeCounter'];

/**
 * The whole graph as sorted plain data (timestamps and the change feed's log
 * excluded), so two states can be compared for equality: same counts and same content.
 */
export async function graphSnapshot(executor: Executor): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await executor.read<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) WHERE none(label IN labels(n) WHERE label IN $feed) RETURN labels(n) AS labels, properties(n) AS props',
    { feed: FEED_LABELS },
  );
  const relationships = await executor.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b)
     RETURN coalesce(a.id, a.key, a.relationId) AS from, type(r) AS type, coalesce(b.id, b.key, b.relationId) AS to, properties(r) AS props`,
  );
  return {
    nodes: nodes.map((n) => `${[...n.labels].sort().join(':')} ${stable(n.props)}`).sort(),
    relationships: relationships.map((r) => `${r.from} -${r.type}-> ${r.to} ${stable(r.props)}`).sort(),
  };
}

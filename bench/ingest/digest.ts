import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { CORROBORATION_PROPERTIES } from '../../src/repositories/support/records.js';

/**
 * A digest of the whole graph, to check that the three ingest contenders
 * wrote the same thing: every node (labels and properties, with their Cypher
 * types) and every relationship (type, properties, and its endpoints by key),
 * sorted and hashed. Timestamps set by the database (createdAt, ingestedAt)
 * are left out; counts per label and type are kept for the report.
 */

export interface GraphDigest {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  hash: string;
}

const TIMESTAMPS = ['createdAt', 'ingestedAt'];

/**
 * What only newsgraph writes, since issue 16: the corroboration it keeps at
 * write time (counts, report dates, status, disputes on entities and
 * relations; each report's origin and the values it gives; a source's name
 * key) and the filing of documents for syndication (MinHash signature and
 * bands, wire credit, copy and voice). The other two contenders write the
 * graph as it was before; the digest compares what all three write, and
 * newsgraph's extra work is in its ingest time. newsgraph also appends its
 * change feed's log (Change events and their counter) and keeps its tally of
 * source counts (SourceTally) in the same transactions.
 */
const NEWSGRAPH_ONLY = {
  labels: ['TextBand', 'Change', 'ChangeCounter', 'SourceTally'],
  types: ['FILED_UNDER'],
  nodeProperties: [...CORROBORATION_PROPERTIES, 'pinned', 'refreshed', 'key', 'minhash', 'wire', 'copyOf', 'voiceOrigin'],
  relationshipProperties: [
    ...CORROBORATION_PROPERTIES,
    // A REPORTED_BY's origin and the values its report gives of its subject.
    'origin',
    'description',
    'title',
    'category',
  ],
  /** Report values that share a name with a relation's own properties: left out on REPORTED_BY only. */
  reportProperties: ['role', 'startDate', 'endDate'],
};

// `key` is a NameKey's identity: kept there, left out elsewhere (a source's name key).
const NODES = `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $labels)
RETURN labels(n) AS labels, [k IN keys(n) WHERE NOT k IN $skip AND NOT (k IN $extra AND NOT n:NameKey) | [k, n[k], valueType(n[k])]] AS props`;

const RELATIONSHIPS = `MATCH (a)-[r]->(b) WHERE NOT type(r) IN $types
RETURN type(r) AS type, coalesce(a.id, a.relationId, a.key) AS from, coalesce(b.id, b.relationId, b.key) AS to,
       [k IN keys(r) WHERE NOT k IN $extra AND NOT (type(r) = 'REPORTED_BY' AND k IN $reportExtra) | [k, r[k], valueType(r[k])]] AS props`;

const canonical = (props: unknown[][]) => JSON.stringify([...props].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));

export async function graphDigest(driver: Driver, database: string): Promise<GraphDigest> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const nodeLines: string[] = [];
    const byLabel: Record<string, number> = {};
    for (const record of (await session.run(NODES, { skip: TIMESTAMPS, labels: NEWSGRAPH_ONLY.labels, extra: NEWSGRAPH_ONLY.nodeProperties })).records) {
      const labels = (record.get('labels') as string[]).sort().join(':');
      byLabel[labels] = (byLabel[labels] ?? 0) + 1;
      nodeLines.push(`${labels} ${canonical(record.get('props') as unknown[][])}`);
    }
    const relationshipLines: string[] = [];
    const byType: Record<string, number> = {};
    for (const record of (
      await session.run(RELATIONSHIPS, {
        types: NEWSGRAPH_ONLY.types,
        extra: NEWSGRAPH_ONLY.relationshipProperties,
        reportExtra: NEWSGRAPH_ONLY.reportProperties,
      })
    ).records) {
      const type = record.get('type') as string;
      byType[type] = (byType[type] ?? 0) + 1;
      relationshipLines.push(`${type} ${String(record.get('from'))}->${String(record.get('to'))} ${canonical(record.get('props') as unknown[][])}`);
    }
    const hash = createHash('sha256');
    for (const line of nodeLines.sort()) hash.update(`${line}\n`);
    for (const line of relationshipLines.sort()) hash.update(`${line}\n`);
    return { nodes: nodeLines.length, relationships: relationshipLines.length, byLabel, byType, hash: hash.digest('hex').slice(0, 16) };
  } finally {
    await session.close();
  }
}

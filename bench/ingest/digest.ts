import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

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

const NODES = `MATCH (n)
RETURN labels(n) AS labels, [k IN keys(n) WHERE NOT k IN $skip | [k, n[k], valueType(n[k])]] AS props`;

const RELATIONSHIPS = `MATCH (a)-[r]->(b)
RETURN type(r) AS type, coalesce(a.id, a.relationId, a.key) AS from, coalesce(b.id, b.relationId, b.key) AS to,
       [k IN keys(r) | [k, r[k], valueType(r[k])]] AS props`;

const canonical = (props: unknown[][]) => JSON.stringify([...props].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));

export async function graphDigest(driver: Driver, database: string): Promise<GraphDigest> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const nodeLines: string[] = [];
    const byLabel: Record<string, number> = {};
    for (const record of (await session.run(NODES, { skip: TIMESTAMPS })).records) {
      const labels = (record.get('labels') as string[]).sort().join(':');
      byLabel[labels] = (byLabel[labels] ?? 0) + 1;
      nodeLines.push(`${labels} ${canonical(record.get('props') as unknown[][])}`);
    }
    const relationshipLines: string[] = [];
    const byType: Record<string, number> = {};
    for (const record of (await session.run(RELATIONSHIPS)).records) {
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

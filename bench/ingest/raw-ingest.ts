import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL, ENTITY_TYPES, RELATION_TYPES } from '../../src/model/types.js';
import { entityProperties, recordBatches, reportProperties, type StreamRecord } from './stream.js';

/**
 * The ingest floor: the same records as UNWIND batches of hand-written
 * Cypher, one transaction per batch, writing the same graph as newsgraph
 * (MERGE on the constrained keys, so a reload stays idempotent). What it
 * leaves out is what newsgraph adds: validation of the whole file before any
 * write, and entity and relation resolution against the graph.
 */

const DOCUMENTS = `UNWIND $rows AS row
MERGE (d:Document {id: row.id}) ON CREATE SET d.ingestedAt = datetime()
SET d.title = row.title, d.publishedAt = row.publishedAt, d.url = row.url, d.text = row.text`;

const SOURCES = `UNWIND $rows AS row
MERGE (s:Source {id: row.id}) SET s.name = row.name, s.kind = row.kind, s.url = row.url, s.entityId = row.entityId`;

const entities = (label: string) => `UNWIND $rows AS row
MERGE (n:Entity {id: row.id}) ON CREATE SET n:${label}, n.createdAt = datetime()
SET n.type = row.type, n.name = row.name, n.aliases = row.aliases, n.aliasText = row.aliasText, n.description = row.description,
    n.title = row.title, n.category = row.category, n.startDate = row.startDate, n.endDate = row.endDate
WITH n, row UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)`;

const relations = (type: string) => `UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (c:Claim {relationId: row.id}) ON CREATE SET c.type = row.type, c.from = row.from, c.to = row.to
MERGE (a)-[r:${type} {id: row.id}]->(b) SET r.role = row.role, r.startDate = row.startDate, r.endDate = row.endDate`;

const REPORT_SET = `SET rb.quote = row.quote, rb.start = row.start, rb.end = row.end, rb.reportedAt = row.reportedAt,
    rb.documentId = row.documentId, rb.attributedToId = row.attributedToId, rb.method = row.method, rb.rule = row.rule, rb.confidence = row.confidence`;
const ENTITY_REPORTS = `UNWIND $rows AS row
MATCH (subject:Entity {id: row.subject}) MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s) ${REPORT_SET}`;
const CLAIM_REPORTS = `UNWIND $rows AS row
MATCH (subject:Claim {relationId: row.subject}) MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s) ${REPORT_SET}`;

const of = (batch: StreamRecord[], kind: StreamRecord['record']) => batch.filter((record) => record.record === kind);
const orNull = (value: unknown) => value ?? null;

async function writeBatch(tx: ManagedTransaction, batch: StreamRecord[], publishedAt: Map<string, string | null>): Promise<void> {
  const documents = of(batch, 'document');
  for (const d of documents) publishedAt.set(d.id as string, (d.publishedAt as string | undefined) ?? null);
  if (documents.length)
    await tx.run(DOCUMENTS, {
      rows: documents.map((d) => ({ id: d.id, title: orNull(d.title), publishedAt: orNull(d.publishedAt), url: orNull(d.url), text: d.text })),
    });
  const sources = of(batch, 'source');
  if (sources.length)
    await tx.run(SOURCES, { rows: sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, url: orNull(s.url), entityId: orNull(s.entity) })) });
  const entityRows = of(batch, 'entity').map(entityProperties);
  for (const type of ENTITY_TYPES) {
    const rows = entityRows.filter((row) => row.type === type);
    if (rows.length) await tx.run(entities(ENTITY_LABEL[type]), { rows });
  }
  const relationRecords = of(batch, 'relation');
  for (const type of RELATION_TYPES) {
    const rows = relationRecords
      .filter((r) => r.type === type)
      .map((r) => ({ id: r.id, type, from: r.from, to: r.to, role: orNull(r.role), startDate: orNull(r.startDate), endDate: orNull(r.endDate) }));
    if (rows.length) await tx.run(relations(type), { rows });
  }
  const reports = of(batch, 'report').map((r) => {
    const row = reportProperties(r, publishedAt);
    return { ...row, start: neo4j.int(row.start), end: neo4j.int(row.end) };
  });
  const aboutEntities = reports.filter((r) => r.aboutEntity);
  const aboutClaims = reports.filter((r) => !r.aboutEntity);
  if (aboutEntities.length) await tx.run(ENTITY_REPORTS, { rows: aboutEntities });
  if (aboutClaims.length) await tx.run(CLAIM_REPORTS, { rows: aboutClaims });
}

/** Loads the stream; returns how many records it wrote. */
export async function rawIngest(driver: Driver, database: string, path: string, batchSize: number): Promise<number> {
  const publishedAt = new Map<string, string | null>();
  let records = 0;
  for await (const batch of recordBatches(path, batchSize)) {
    const session = driver.session({ database });
    try {
      // A retried transaction recomputes the same rows: publishedAt only ever gains the batch's own documents.
      await session.executeWrite((tx) => writeBatch(tx, batch, publishedAt), { timeout: 120_000 });
    } finally {
      await session.close();
    }
    records += batch.length;
  }
  return records;
}

import neo4j from 'neo4j-driver';
import { ENTITY_LABEL, ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../../src/model/types.js';
import { entityProperties, reportProperties, type StreamRecord } from './stream.js';

/**
 * The ingest floor's statements: the same records as UNWIND batches of
 * hand-written Cypher, writing the same graph as newsgraph (MERGE on the
 * constrained keys, so a reload stays idempotent). The raw contender runs
 * them in one transaction per batch; @neo4j/graphql runs them as its users'
 * best write, one `@cypher` mutation field each (type-defs.ts). What they
 * leave out is what newsgraph adds: validation of the whole file before any
 * write, and entity and relation resolution against the graph.
 */

export const DOCUMENTS = `UNWIND $rows AS row
MERGE (d:Document {id: row.id}) ON CREATE SET d.ingestedAt = datetime()
SET d.title = row.title, d.publishedAt = row.publishedAt, d.url = row.url, d.text = row.text`;

export const SOURCES = `UNWIND $rows AS row
MERGE (s:Source {id: row.id}) SET s.name = row.name, s.kind = row.kind, s.url = row.url, s.entityId = row.entityId`;

export const entitiesOf = (type: EntityType) => `UNWIND $rows AS row
MERGE (n:Entity {id: row.id}) ON CREATE SET n:${ENTITY_LABEL[type]}, n.createdAt = datetime()
SET n.type = row.type, n.name = row.name, n.aliases = row.aliases, n.aliasText = row.aliasText, n.description = row.description,
    n.title = row.title, n.category = row.category, n.startDate = row.startDate, n.endDate = row.endDate
WITH n, row UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)`;

export const relationsOf = (type: RelationType) => `UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (c:Claim {relationId: row.id}) ON CREATE SET c.type = row.type, c.from = row.from, c.to = row.to
MERGE (a)-[r:${type} {id: row.id}]->(b) SET r.role = row.role, r.startDate = row.startDate, r.endDate = row.endDate`;

const REPORT_SET = `SET rb.quote = row.quote, rb.start = row.start, rb.end = row.end, rb.reportedAt = row.reportedAt,
    rb.documentId = row.documentId, rb.attributedToId = row.attributedToId, rb.method = row.method, rb.rule = row.rule, rb.confidence = row.confidence`;
export const ENTITY_REPORTS = `UNWIND $rows AS row
MATCH (subject:Entity {id: row.subject}) MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s) ${REPORT_SET}`;
export const CLAIM_REPORTS = `UNWIND $rows AS row
MATCH (subject:Claim {relationId: row.subject}) MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s) ${REPORT_SET}`;

/** What one statement writes: `part` names it (the library's mutation field is `ingest` + part). */
export interface UnwindBatch {
  part: string;
  cypher: string;
  rows: Record<string, unknown>[];
}

const of = (batch: StreamRecord[], kind: StreamRecord['record']) => batch.filter((record) => record.record === kind);
const orNull = (value: unknown) => value ?? null;
/** PERSON → Person, PARTICIPATES_IN → ParticipatesIn: a part's name from an enum value. */
export const capitalized = (text: string) =>
  text.charAt(0) +
  text
    .slice(1)
    .toLowerCase()
    .replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * One batch of stream records as the statements to run, in order, each with
 * its rows (none left out: a statement without rows is not listed).
 * `publishedAt` gains the batch's documents, for the dates of their reports.
 */
export function unwindBatches(batch: StreamRecord[], publishedAt: Map<string, string | null>): UnwindBatch[] {
  const parts: UnwindBatch[] = [];
  const add = (part: string, cypher: string, rows: Record<string, unknown>[]) => rows.length > 0 && parts.push({ part, cypher, rows });
  const documents = of(batch, 'document');
  for (const d of documents) publishedAt.set(d.id as string, (d.publishedAt as string | undefined) ?? null);
  add(
    'Documents',
    DOCUMENTS,
    documents.map((d) => ({ id: d.id, title: orNull(d.title), publishedAt: orNull(d.publishedAt), url: orNull(d.url), text: d.text })),
  );
  add(
    'Sources',
    SOURCES,
    of(batch, 'source').map((s) => ({ id: s.id, name: s.name, kind: s.kind, url: orNull(s.url), entityId: orNull(s.entity) })),
  );
  const entityRows = of(batch, 'entity').map(entityProperties);
  for (const type of ENTITY_TYPES)
    add(
      `${capitalized(type)}Entities`,
      entitiesOf(type),
      entityRows.filter((row) => row.type === type),
    );
  const relationRecords = of(batch, 'relation');
  for (const type of RELATION_TYPES)
    add(
      `${capitalized(type)}Relations`,
      relationsOf(type),
      relationRecords
        .filter((r) => r.type === type)
        .map((r) => ({ id: r.id, type, from: r.from, to: r.to, role: orNull(r.role), startDate: orNull(r.startDate), endDate: orNull(r.endDate) })),
    );
  const reports = of(batch, 'report').map((r) => reportProperties(r, publishedAt));
  add(
    'EntityReports',
    ENTITY_REPORTS,
    reports.filter((r) => r.aboutEntity),
  );
  add(
    'ClaimReports',
    CLAIM_REPORTS,
    reports.filter((r) => !r.aboutEntity),
  );
  return parts;
}

/** Offsets are integers in Neo4j: the driver sends a JavaScript number as a float unless told. */
export function withIntegerOffsets(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) => ('start' in row ? { ...row, start: neo4j.int(row.start as number), end: neo4j.int(row.end as number) } : row));
}

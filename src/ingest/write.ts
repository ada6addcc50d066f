import neo4j from 'neo4j-driver';
import type { CountingTransaction } from '../db/executor.js';
import type { BundleEntity, BundleRelation, BundleReport } from '../model/bundle-schema.js';
import { SET_ORIGIN, sourceKey } from '../claims/origins.js';
import { ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES, VALUE_PROPERTIES } from '../claims/values.js';
import { nameKeys } from '../model/names.js';
import { DEFAULT_REPORT_METHOD, ENTITY_LABEL, ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType, type ReportMethod } from '../model/types.js';
import type { Batch } from './batch.js';
import { aliasTextOf, distinctAliases } from '../repositories/support/records.js';

/**
 * The write statements of ingest, each an UNWIND over a batch and a MERGE on
 * a constrained key. Labels and relationship types are spliced in only from
 * the closed maps in model/types.ts, one statement per type.
 */

// A source keeps the name it was first stored with, as an entity does: a later bundle (an extracted draft of an
// article already stored, say) does not silently rename the source of every report that cites it.
const WRITE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.name = coalesce(s.name, row.name), s.key = coalesce(s.key, row.key), s.kind = row.kind, s.url = row.url, s.entityId = row.entityId`;

/** `x.p` takes the row's value, unless an editor pinned it on `holder` (the entity, or a relation's claim): see claims/refresh.ts. */
const unlessPinned = (x: string, holder: string, p: string) =>
  `${x}.${p} = CASE WHEN '${p}' IN coalesce(${holder}.pinned, []) THEN ${x}.${p} ELSE coalesce(row.${p}, ${x}.${p}) END`;

/** Aliases are a set: the union of what the graph had and what the batch brings, minus the name. */
function writeEntitiesCypher(label: string): string {
  return `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:${label}, n.type = row.type, n.name = row.name, n.createdAt = datetime()
WITH n, row, ${distinctAliases('[alias IN coalesce(n.aliases, []) + row.aliases WHERE alias <> n.name]')} AS aliases
SET n.aliases = aliases,
    n.aliasText = ${aliasTextOf('aliases')},
    ${ENTITY_VALUE_PROPERTIES.map((p) => unlessPinned('n', 'n', p)).join(',\n    ')}
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)`;
}

/** `by: 'editor'` is an edit: its values stand over pins (the edit pins them itself); a bundle's leave pinned values be. */
function writeRelationsCypher(type: RelationType, by: WrittenBy): string {
  return `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (claim:Claim {relationId: row.id})
ON CREATE SET claim.type = row.type, claim.from = row.from, claim.to = row.to
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET ${RELATION_VALUE_PROPERTIES.map((p) => (by === 'editor' ? `r.${p} = coalesce(row.${p}, r.${p})` : unlessPinned('r', 'claim', p))).join(', ')}`;
}

/** A report written again takes the method, rule and confidence it is given now: a reviewed report replaces the extracted one. */
const REPORT_PROPERTIES = `rb.quote = row.quote, rb.start = row.start, rb.end = row.end, rb.reportedAt = row.reportedAt,
    rb.documentId = row.document, rb.attributedToId = row.attributedTo,
    rb.method = row.method, rb.rule = row.rule, rb.confidence = row.confidence`;

/**
 * One statement per kind of subject: an entity by id, or a relation's claim node by relation id. `row.values`
 * holds what the report says of its subject (a description, a role, dates: see claims/values.ts); an empty map
 * leaves the stored ones, a null value removes one.
 */
const writeReportsCypher = (subject: string) => `
UNWIND $rows AS row
MATCH (subject:${subject})
MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s)
SET ${REPORT_PROPERTIES}, rb += row.values
WITH rb, s
${SET_ORIGIN}`;

export const WRITE_ENTITY_REPORTS = writeReportsCypher('Entity {id: row.subject}');
export const WRITE_RELATION_REPORTS = writeReportsCypher('Claim {relationId: row.subject}');

type IdMap = ReadonlyMap<string, string>;

/**
 * How a report was made, as stored: the method always (a report without one
 * is manual), the rule and confidence only for machine-made reports. Shared
 * with the reports given through the API (repositories/support/report-inputs.ts).
 */
export function methodProperties(report: { method?: ReportMethod | null; rule?: string | null; confidence?: number | null }) {
  return { method: report.method ?? DEFAULT_REPORT_METHOD, rule: report.rule ?? null, confidence: report.confidence ?? null };
}
const mapped = (ids: IdMap, id: string) => ids.get(id) ?? id;
const orNull = <T>(value: T | undefined | null): T | null => value ?? null;

/** Documents are written first, by documents.ts, which refuses a stored id with other content. */
export async function writeSources(tx: CountingTransaction, batch: Batch, entityIds: IdMap): Promise<void> {
  if (batch.sources.length > 0) {
    const rows = batch.sources.map((s) => ({
      id: s.id,
      name: s.name,
      key: sourceKey(s.name) || null,
      kind: s.kind,
      url: orNull(s.url),
      entityId: s.entity ? mapped(entityIds, s.entity) : null,
    }));
    await tx.run(WRITE_SOURCES, { rows });
  }
}

/** What a bundle says of an entity beside its names: the values its reports in the same batch carry. */
function entityValues(entity: BundleEntity) {
  return {
    description: orNull(entity.description),
    title: entity.type === 'PERSON' ? orNull(entity.title) : null,
    category: entity.type === 'ORGANIZATION' ? orNull(entity.category) : null,
    startDate: entity.type === 'EVENT' ? orNull(entity.startDate) : null,
    endDate: entity.type === 'EVENT' ? orNull(entity.endDate) : null,
  };
}

/** A report's own values are all it says: every property it leaves out is stored as none. */
const givenValues = (values: NonNullable<BundleReport['values']>) =>
  Object.fromEntries(VALUE_PROPERTIES.map((property) => [property, values[property] ?? null]));

export type SubjectValues = Readonly<Record<string, string | null>>;

/** `e:<id>` or `r:<id>`, the bundle's ids: entity and relation ids may coincide. */
export const subjectKey = (subject: BundleReport['subject']) => ('entity' in subject ? `e:${subject.entity}` : `r:${subject.relation}`);

/** What the batch's records say of their subjects, by subjectKey: a stream's later batches give it to their reports. */
export function subjectValues(batch: Pick<Batch, 'entities' | 'relations'>): Map<string, SubjectValues> {
  return new Map<string, SubjectValues>([
    ...batch.entities.map((entity) => [subjectKey({ entity: entity.id }), entityValues(entity)] as const),
    ...batch.relations.map((relation) => [subjectKey({ relation: relation.id }), relationValues(relation)] as const),
  ]);
}

const relationValues = (relation: BundleRelation) => ({
  role: orNull(relation.role),
  startDate: orNull(relation.startDate),
  endDate: orNull(relation.endDate),
});

function entityRow(entity: BundleEntity, id: string) {
  return {
    id,
    type: entity.type,
    name: entity.name,
    // The name joins the aliases; the statement drops it again when it is the entity's own name.
    aliases: [entity.name, ...entity.aliases],
    keys: nameKeys(entity.type, [entity.name, ...entity.aliases]),
    ...entityValues(entity),
  };
}

export async function writeEntities(tx: CountingTransaction, entities: BundleEntity[], ids: IdMap): Promise<void> {
  const byType = new Map<EntityType, ReturnType<typeof entityRow>[]>();
  for (const entity of entities) {
    const rows = byType.get(entity.type) ?? [];
    rows.push(entityRow(entity, mapped(ids, entity.id)));
    byType.set(entity.type, rows);
  }
  for (const type of ENTITY_TYPES) {
    const rows = byType.get(type);
    if (rows) await tx.run(writeEntitiesCypher(ENTITY_LABEL[type]), { rows });
  }
}

export type WrittenBy = 'bundle' | 'editor';

export async function writeRelations(tx: CountingTransaction, relations: BundleRelation[], relationIds: IdMap, by: WrittenBy = 'bundle'): Promise<void> {
  for (const type of RELATION_TYPES) {
    const rows = relations
      .filter((relation) => relation.type === type)
      .map((r) => ({
        id: mapped(relationIds, r.id),
        type,
        from: r.from,
        to: r.to,
        role: orNull(r.role),
        startDate: orNull(r.startDate),
        endDate: orNull(r.endDate),
      }));
    if (rows.length > 0) await tx.run(writeRelationsCypher(type, by), { rows });
  }
}

/** Report ids are scoped by document, so two documents may both have a report `r1`. */
export function storedReportId(documentId: string, reportId: string): string {
  return `${documentId}/${reportId}`;
}

/**
 * A report carries what its bundle says of its subject. In a stream, a report whose subject came in another
 * batch carries nothing new and keeps what it had.
 */
export async function writeReports(
  tx: CountingTransaction,
  batch: Batch,
  entityIds: IdMap,
  relationIds: IdMap,
  publishedAt: ReadonlyMap<string, string | null>,
  here: ReadonlyMap<string, SubjectValues> = subjectValues(batch),
  earlierValues: ReadonlyMap<string, SubjectValues> = new Map(),
): Promise<void> {
  const valuesOf = (subject: BundleReport['subject']) => here.get(subjectKey(subject)) ?? earlierValues.get(subjectKey(subject)) ?? {};
  const rows = batch.reports.map((report) => ({
    id: storedReportId(report.document, report.id),
    aboutEntity: 'entity' in report.subject,
    subject: 'entity' in report.subject ? mapped(entityIds, report.subject.entity) : mapped(relationIds, report.subject.relation),
    source: report.source,
    quote: report.quote,
    start: neo4j.int(report.start),
    end: neo4j.int(report.end),
    reportedAt: report.reportedAt ?? publishedAt.get(report.document) ?? null,
    document: report.document,
    attributedTo: report.attributedTo ? mapped(entityIds, report.attributedTo) : null,
    ...methodProperties(report),
    values: report.values ? givenValues(report.values) : valuesOf(report.subject),
  }));
  const aboutEntities = rows.filter((row) => row.aboutEntity);
  const aboutRelations = rows.filter((row) => !row.aboutEntity);
  if (aboutEntities.length > 0) await tx.run(WRITE_ENTITY_REPORTS, { rows: aboutEntities });
  if (aboutRelations.length > 0) await tx.run(WRITE_RELATION_REPORTS, { rows: aboutRelations });
}

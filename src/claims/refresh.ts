import type { CountingTransaction } from '../db/executor.js';
import { SET_ORIGIN } from './origins.js';
import { isRelationType, VALUE_PROPERTIES_OF, type EntityType, type RelationType } from '../model/types.js';
import { corroborate, type Corroboration, type ReportFacts } from './aggregate.js';
import { noteSourceCountMoves, type SourceCountMove } from './source-tally.js';
import { ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES, valuesProjection, type ValueProperty } from './values.js';

/**
 * Keeps each entity's and relation's corroboration (counts, first and last
 * report dates, status, disputes, preferred values) in step with its
 * reports, in the transaction that changed them, so reads and filters use
 * stored properties instead of recounting reports.
 *
 * Each subject is locked before its reports are read: two transactions adding
 * reports to one subject then refresh one after the other, and the second
 * reads the first one's committed report, so no count is lost to a race.
 */

export interface Subjects {
  entities: Iterable<string>;
  relations: Iterable<string>;
}

const reportFacts = (properties: readonly ValueProperty[]) =>
  `{ id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: ${valuesProjection('rb', properties)} }`;

/** Locks each subject (an entity, or a relation's claim node), then reads its reports. */
const subjectReports = (subject: string, key: string, properties: readonly ValueProperty[]) => `
UNWIND $ids AS id
MATCH (x:${subject} {${key}: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.${key} AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN ${reportFacts(properties)} } AS reports`;

const ENTITY_REPORTS = subjectReports('Entity', 'id', ENTITY_VALUE_PROPERTIES);
const RELATION_REPORTS = subjectReports('Claim', 'relationId', RELATION_VALUE_PROPERTIES);

// A property no report gives a value for keeps the value written directly (an edit, a bundle entity without reports).
const CORROBORATION = `n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred`;

// Returns each entity's count before and after, for the tally of counts (./source-tally.ts).
const WRITE_ENTITIES = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.independentSourceCount, 0) AS before
SET ${CORROBORATION}
RETURN n.type AS type, before, row.independentSourceCount AS after`;

/**
 * A relation's numbers go on the relationship, found by the unique index on
 * its type's id: through its claim and endpoints it cost some 200 database
 * hits a record on the benchmark's ingest (docs/benchmarks.md). One statement
 * per type; the type comes from the closed list.
 */
const writeRelationsCypher = (type: RelationType) => `
UNWIND $rows AS row
MATCH ()-[n:${type} {id: row.id}]->()
SET ${CORROBORATION}`;

/** Properties an editor set without a report are pinned: no reported value replaces them until an edit with reports unpins them. */
function row(id: string, pinned: readonly string[], corroboration: Corroboration) {
  const { values: _values, preferred, ...stored } = corroboration;
  return { id, ...stored, preferred: Object.fromEntries(Object.entries(preferred).filter(([property]) => !pinned.includes(property))) };
}

/** A subject's type decides which values count: a title only for a person, whatever a stray report says. */
async function refreshKind(
  tx: CountingTransaction,
  ids: readonly string[],
  read: string,
  write: (type: string) => string | null,
  propertiesOf: (type: string) => readonly ValueProperty[],
): Promise<SourceCountMove[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<{ id: string; type: string; pinned: string[] | null; reports: ReportFacts[] }>(read, { ids });
  const byStatement = new Map<string, Array<ReturnType<typeof row>>>();
  for (const record of result.records) {
    const { id, type, pinned, reports } = record.toObject();
    const statement = write(type);
    if (statement === null) continue;
    byStatement.set(statement, [...(byStatement.get(statement) ?? []), row(id, pinned ?? [], corroborate(propertiesOf(type), reports))]);
  }
  const written: SourceCountMove[] = [];
  for (const [statement, rows] of byStatement) {
    const result = await tx.run(statement, { rows });
    for (const record of result.records) written.push({ type: record.get('type'), before: Number(record.get('before')), after: Number(record.get('after')) });
  }
  return written;
}

/**
 * An edit without reports pins the properties it sets (an editor's word
 * stands over the reports'); an edit with reports gives them as its reports'
 * values and unpins them. `x` is the entity, or the relation's claim.
 */
const PIN = `SET x.pinned = [p IN coalesce(x.pinned, []) WHERE NOT p IN $properties] + CASE WHEN $pin THEN $properties ELSE [] END`;
const PIN_ENTITY = `MATCH (x:Entity {id: $id}) ${PIN}`;
const PIN_RELATION = `MATCH (x:Claim {relationId: $id}) ${PIN}`;

export async function pinEdited(
  tx: CountingTransaction,
  subject: { entity: string } | { relation: string },
  properties: readonly string[],
  withReports: boolean,
): Promise<void> {
  if (properties.length === 0) return;
  const [statement, id] = 'entity' in subject ? [PIN_ENTITY, subject.entity] : [PIN_RELATION, subject.relation];
  await tx.run(statement, { id, properties, pin: !withReports });
}

export async function refreshCorroboration(tx: CountingTransaction, subjects: Subjects): Promise<void> {
  const moved = await refreshKind(
    tx,
    [...new Set(subjects.entities)].sort(),
    ENTITY_REPORTS,
    () => WRITE_ENTITIES,
    (type) => ENTITY_VALUE_PROPERTIES.filter((p) => VALUE_PROPERTIES_OF[type as EntityType]?.includes(p)),
  );
  noteSourceCountMoves(tx, moved);
  const relationWrite = (type: string) => (isRelationType(type) ? writeRelationsCypher(type) : null);
  await refreshKind(tx, [...new Set(subjects.relations)].sort(), RELATION_REPORTS, relationWrite, () => RELATION_VALUE_PROPERTIES);
}

/** The subjects of the reports in the given documents, whose origins follow their documents' voice. */
const ORIGINS_IN_DOCUMENTS = `
UNWIND $ids AS id
MATCH ()-[rb:REPORTED_BY {documentId: id}]->(s:Source)
${SET_ORIGIN}`;

/**
 * A report's origin is set when it is written (ingest/write.ts); it changes only when its document's voice changes
 * (a copy found: then the reports of those documents are given theirs again here) or a source's group does
 * (repositories/source-group-repository.ts).
 */
export async function resetOrigins(tx: CountingTransaction, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length > 0) await tx.run(ORIGINS_IN_DOCUMENTS, { ids: documentIds });
}

const SUBJECTS_OF_DOCUMENTS = `
UNWIND $ids AS id
MATCH (x)-[:REPORTED_BY {documentId: id}]->(:Source)
RETURN collect(DISTINCT x.id) AS entities, collect(DISTINCT x.relationId) AS relations`;

export async function subjectsOf(tx: CountingTransaction, documentIds: readonly string[]): Promise<Subjects> {
  if (documentIds.length === 0) return { entities: [], relations: [] };
  const result = await tx.run<{ entities: string[]; relations: string[] }>(SUBJECTS_OF_DOCUMENTS, { ids: documentIds });
  return result.records[0]?.toObject() ?? { entities: [], relations: [] };
}

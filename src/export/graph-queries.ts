import { valuesProjection } from '../claims/values.js';
import { DEFAULT_REPORT_METHOD, RELATION_TYPES, type RelationType } from '../model/types.js';
import {
  andAlso,
  claimVisible,
  corroborationColumns,
  entityVisible,
  isFiltered,
  NO_CLAIM_FILTER,
  relationVisible,
  type ClaimFilter,
} from '../repositories/support/claim-filter-cypher.js';
import { relationReportsPattern } from '../repositories/support/records.js';

/**
 * Every Cypher statement of the export: fixed strings, values only as
 * parameters. Relationship types are spliced in only from the closed list in
 * model/types.ts. Paged statements filter `key > $after`, order by the key
 * (served by the uniqueness constraints' indexes) and take `$limit`.
 * Statements that read facts take the read filter (asOf, minSources): what
 * it leaves out is not exported, and a reference to a left-out entity (a
 * source's person, a report's attribution) is dropped so the rest still
 * imports.
 */

const DOCUMENT_COLUMNS = `d.id AS id, d.title AS title, d.publishedAt AS publishedAt, d.url AS url, d.publisher AS publisher, d.text AS text,
  toString(d.ingestedAt) AS ingestedAt`;

/** Cypher: the entity id `id` names, or null when the filter leaves that entity out. */
const visibleEntityId = (id: string, filter: ClaimFilter) =>
  isFiltered(filter) ? `CASE WHEN EXISTS { MATCH (named:Entity {id: ${id}}) WHERE ${entityVisible('named', filter)} } THEN ${id} END` : id;

const sourceColumns = (filter: ClaimFilter) => `s.id AS id, s.name AS name, s.kind AS kind, s.url AS url, ${visibleEntityId('s.entityId', filter)} AS entityId`;

const entityColumns = (filter: ClaimFilter) => `e.id AS id, e.type AS type, COLLECT { UNWIND labels(e) AS label RETURN label ORDER BY label } AS labels,
  e.name AS name, coalesce(e.aliases, []) AS aliases, e.description AS description,
  e.title AS title, e.category AS category, e.startDate AS startDate, e.endDate AS endDate,
  toString(e.createdAt) AS createdAt, ${corroborationColumns('e', 'entity', filter)}`;

const relationColumns = (filter: ClaimFilter) => `r.id AS id, type(r) AS type, a.id AS from, b.id AS to, a.type AS fromType, b.type AS toType, r.role AS role,
  r.startDate AS startDate, r.endDate AS endDate, ${corroborationColumns('r', 'relation', filter)}`;

const reportColumns = (filter: ClaimFilter) => `rb.id AS id, rb.documentId AS documentId,
  CASE WHEN subject:Claim THEN 'relation' ELSE 'entity' END AS subjectKind,
  CASE WHEN subject:Claim THEN subject.relationId ELSE subject.id END AS subject,
  s.id AS source, rb.quote AS quote, rb.start AS start, rb.end AS end, rb.reportedAt AS reportedAt,
  ${visibleEntityId('rb.attributedToId', filter)} AS attributedToId, coalesce(rb.method, '${DEFAULT_REPORT_METHOD}') AS method, rb.rule AS rule, rb.confidence AS confidence,
  ${valuesProjection('rb')} AS values`;

/** A report is exported when it is dated by asOf and its entity or relation is exported. */
function reportVisible(filter: ClaimFilter): string {
  if (!isFiltered(filter)) return '';
  const dated = filter.asOf === null ? '' : 'rb.reportedAt <= $asOf AND ';
  return `${dated}((subject:Claim AND ${claimVisible('subject', filter)}) OR (subject:Entity AND ${entityVisible('subject', filter)}))`;
}

export const DOCUMENT_PAGE = `
MATCH (d:Document) WHERE d.id > $after
WITH d ORDER BY d.id LIMIT $limit
RETURN ${DOCUMENT_COLUMNS}`;

export const sourcePage = (filter: ClaimFilter) => `
MATCH (s:Source) WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $limit
RETURN ${sourceColumns(filter)}`;

/**
 * How the reports matched by `reports` (as `rb`) were made, for formats that
 * have no report records (GraphML): the distinct methods, the rules, and the
 * highest confidence of a machine-made report. Read only for those formats,
 * since each costs a look at every report of the entity or relation.
 */
const methodColumns = (reports: string) => `,
  COLLECT { MATCH ${reports} RETURN DISTINCT coalesce(rb.method, '${DEFAULT_REPORT_METHOD}') AS method ORDER BY method } AS methods,
  COLLECT { MATCH ${reports} WHERE rb.rule IS NOT NULL RETURN DISTINCT rb.rule AS rule ORDER BY rule } AS rules,
  COLLECT { MATCH ${reports} WHERE rb.confidence IS NOT NULL RETURN rb.confidence AS confidence ORDER BY confidence DESC LIMIT 1 }[0] AS confidence`;

export const entityPage = (withMethods: boolean, filter: ClaimFilter = NO_CLAIM_FILTER) => `
MATCH (e:Entity) WHERE e.id > $after${andAlso(entityVisible('e', filter))}
WITH e ORDER BY e.id LIMIT $limit
RETURN ${entityColumns(filter)}${withMethods ? methodColumns('(e)-[rb:REPORTED_BY]->(:Source)') : ''}`;

/** One statement per relationship type, so each is served by that type's id index. */
export const relationPage = (type: RelationType, withMethods: boolean, filter: ClaimFilter = NO_CLAIM_FILTER) => `
MATCH (a:Entity)-[r:${type}]->(b:Entity) WHERE r.id > $after${andAlso(relationVisible('r', 'a', 'b', filter))}
WITH a, r, b ORDER BY r.id LIMIT $limit
RETURN ${relationColumns(filter)}${withMethods ? methodColumns(relationReportsPattern('r.id')) : ''}`;

export const reportPage = (filter: ClaimFilter) => `
MATCH (subject)-[rb:REPORTED_BY]->(s:Source) WHERE rb.id > $after${andAlso(reportVisible(filter))}
WITH subject, rb, s ORDER BY rb.id LIMIT $limit
RETURN ${reportColumns(filter)}`;

export const claimPage = (filter: ClaimFilter) => `
MATCH (c:Claim) WHERE c.relationId > $after${andAlso(claimVisible('c', filter))}
WITH c ORDER BY c.relationId LIMIT $limit
RETURN c.relationId AS relationId, c.type AS type, c.from AS from, c.to AS to`;

export const nameKeyPage = (filter: ClaimFilter) => `
MATCH (k:NameKey) WHERE k.key > $after
WITH k ORDER BY k.key LIMIT $limit
RETURN k.key AS key, COLLECT { MATCH (k)-[:NAMES]->(e:Entity)${isFiltered(filter) ? ` WHERE ${entityVisible('e', filter)}` : ''} RETURN e.id ORDER BY e.id } AS entityIds`;

// One document's bundle.

export const DOCUMENT_BY_ID = `
MATCH (d:Document {id: $id})
RETURN ${DOCUMENT_COLUMNS}`;

export const reportsOfDocument = (filter: ClaimFilter) => `
MATCH (subject)-[rb:REPORTED_BY]->(s:Source) WHERE rb.documentId = $id${andAlso(reportVisible(filter))}
WITH subject, rb, s ORDER BY rb.id
RETURN ${reportColumns(filter)}`;

export const sourcesById = (filter: ClaimFilter) => `
UNWIND $ids AS id
MATCH (s:Source {id: id})
WITH s ORDER BY s.id
RETURN ${sourceColumns(filter)}`;

/** The ids come from exported reports and relations, so the filter only shapes the counts here. */
export const entitiesById = (filter: ClaimFilter) => `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e ORDER BY e.id
RETURN ${entityColumns(filter)}`;

export const relationsById = (filter: ClaimFilter) => `
UNWIND $ids AS id
CALL (id) {
${RELATION_TYPES.map((type) => `  MATCH (a:Entity)-[r:${type} {id: id}]->(b:Entity) RETURN a, r, b`).join('\n  UNION ALL\n')}
}
WITH a, r, b ORDER BY r.id
RETURN ${relationColumns(filter)}`;

import { DEFAULT_REPORT_METHOD, RELATION_TYPES, type RelationType } from '../model/types.js';
import { relationReportsPattern } from '../repositories/records.js';

/**
 * Every Cypher statement of the export: fixed strings, values only as
 * parameters. Relationship types are spliced in only from the closed list in
 * model/types.ts. Paged statements filter `key > $after`, order by the key
 * (served by the uniqueness constraints' indexes) and take `$limit`.
 */

const DOCUMENT_COLUMNS = `d.id AS id, d.title AS title, d.publishedAt AS publishedAt, d.url AS url, d.publisher AS publisher, d.text AS text,
  toString(d.ingestedAt) AS ingestedAt`;

const SOURCE_COLUMNS = 's.id AS id, s.name AS name, s.kind AS kind, s.url AS url, s.entityId AS entityId';

const ENTITY_COLUMNS = `e.id AS id, e.type AS type, COLLECT { UNWIND labels(e) AS label RETURN label ORDER BY label } AS labels,
  e.name AS name, coalesce(e.aliases, []) AS aliases, e.aliasText AS aliasText, e.description AS description,
  e.title AS title, e.category AS category, e.startDate AS startDate, e.endDate AS endDate,
  toString(e.createdAt) AS createdAt`;

const RELATION_COLUMNS = `r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.role AS role,
  r.startDate AS startDate, r.endDate AS endDate`;

const REPORT_COLUMNS = `rb.id AS id, rb.documentId AS documentId,
  CASE WHEN subject:Claim THEN 'relation' ELSE 'entity' END AS subjectKind,
  CASE WHEN subject:Claim THEN subject.relationId ELSE subject.id END AS subject,
  s.id AS source, rb.quote AS quote, rb.start AS start, rb.end AS end, rb.reportedAt AS reportedAt,
  rb.attributedToId AS attributedToId, coalesce(rb.method, '${DEFAULT_REPORT_METHOD}') AS method, rb.rule AS rule, rb.confidence AS confidence`;

export const DOCUMENT_PAGE = `
MATCH (d:Document) WHERE d.id > $after
WITH d ORDER BY d.id LIMIT $limit
RETURN ${DOCUMENT_COLUMNS}`;

export const SOURCE_PAGE = `
MATCH (s:Source) WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $limit
RETURN ${SOURCE_COLUMNS}`;

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

const entityPage = (withMethods: boolean) => `
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $limit
RETURN ${ENTITY_COLUMNS}${withMethods ? methodColumns('(e)-[rb:REPORTED_BY]->(:Source)') : ''}`;

export const ENTITY_PAGE = entityPage(false);
export const ENTITY_PAGE_WITH_METHODS = entityPage(true);

/** One statement per relationship type, so each is served by that type's id index. */
const relationPage = (withMethods: boolean) =>
  Object.fromEntries(
    RELATION_TYPES.map((type) => [
      type,
      `
MATCH (a:Entity)-[r:${type}]->(b:Entity) WHERE r.id > $after
WITH a, r, b ORDER BY r.id LIMIT $limit
RETURN ${RELATION_COLUMNS}${withMethods ? methodColumns(relationReportsPattern('r.id')) : ''}`,
    ]),
  ) as Record<RelationType, string>;

export const RELATION_PAGE = relationPage(false);
export const RELATION_PAGE_WITH_METHODS = relationPage(true);

export const REPORT_PAGE = `
MATCH (subject)-[rb:REPORTED_BY]->(s:Source) WHERE rb.id > $after
WITH subject, rb, s ORDER BY rb.id LIMIT $limit
RETURN ${REPORT_COLUMNS}`;

export const CLAIM_PAGE = `
MATCH (c:Claim) WHERE c.relationId > $after
WITH c ORDER BY c.relationId LIMIT $limit
RETURN c.relationId AS relationId, c.type AS type, c.from AS from, c.to AS to`;

export const NAME_KEY_PAGE = `
MATCH (k:NameKey) WHERE k.key > $after
WITH k ORDER BY k.key LIMIT $limit
RETURN k.key AS key, COLLECT { MATCH (k)-[:NAMES]->(e:Entity) RETURN e.id ORDER BY e.id } AS entityIds`;

// One document's bundle.

export const DOCUMENT_BY_ID = `
MATCH (d:Document {id: $id})
RETURN ${DOCUMENT_COLUMNS}`;

export const REPORTS_OF_DOCUMENT = `
MATCH (subject)-[rb:REPORTED_BY]->(s:Source) WHERE rb.documentId = $id
WITH subject, rb, s ORDER BY rb.id
RETURN ${REPORT_COLUMNS}`;

export const SOURCES_BY_ID = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
WITH s ORDER BY s.id
RETURN ${SOURCE_COLUMNS}`;

export const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e ORDER BY e.id
RETURN ${ENTITY_COLUMNS}`;

export const RELATIONS_BY_ID = `
UNWIND $ids AS id
CALL (id) {
${RELATION_TYPES.map((type) => `  MATCH (a:Entity)-[r:${type} {id: id}]->(b:Entity) RETURN a, r, b`).join('\n  UNION ALL\n')}
}
WITH a, r, b ORDER BY r.id
RETURN ${RELATION_COLUMNS}`;

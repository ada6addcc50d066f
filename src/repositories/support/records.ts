import { valuesProjection } from '../../claims/values.js';
import { DEFAULT_REPORT_METHOD, type EntityType, type RelationType, type ReportMethod } from '../../model/types.js';

/** Plain shapes the repositories return and the schema resolves from. */

/** How well an entity or relation is sourced, stored with it at write time (src/claims/refresh.ts); absent on records read without it. */
export interface CorroborationFields {
  sourceCount?: number | null;
  independentSourceCount?: number | null;
  firstReportedAt?: string | null;
  lastReportedAt?: string | null;
  status?: string | null;
  disputed?: string[] | null;
}

export interface EntityRecord extends CorroborationFields {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string | null;
  title: string | null;
  category: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface RelationRecord extends CorroborationFields {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  /** The endpoints, read in the same statement so that resolving them costs no round trip. */
  fromEntity?: EntityRecord;
  toEntity?: EntityRecord;
  /** Its reports, when they were read in the same statement (the selection asked for them). */
  reports?: ReportRecord[];
}

export interface ReportRecord {
  id: string;
  subjectId: string;
  sourceId: string;
  documentId: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  reportedAt: string | null;
  attributedToId: string | null;
  /** Stored reports without a method predate it and were written by hand: they read as manual. */
  method: ReportMethod;
  rule: string | null;
  confidence: number | null;
  /** The independence key (src/claims/origins.ts); null on a report not refreshed since it was written. */
  origin?: string | null;
  /** What the report says of its subject: a description, a title, a role, dates (src/claims/values.ts). */
  values?: Record<string, string | null>;
  /** Read with the report, so provenance costs one round trip per level, not one per kind. */
  source?: SourceRecord;
  document?: DocumentRecord | null;
  attributedTo?: EntityRecord | null;
}

export interface SourceRecord {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  entityId: string | null;
  /** Set by an admin: the sources of one group count as one independent source. */
  independenceGroup?: string | null;
}

export interface DocumentRecord {
  id: string;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
}

/** Entity properties beside id and type (always read), that a projection may leave unread. */
export const CORROBORATION_PROPERTIES = ['sourceCount', 'independentSourceCount', 'firstReportedAt', 'lastReportedAt', 'status', 'disputed'] as const;
export const ENTITY_PROPERTIES = ['name', 'aliases', 'description', 'title', 'category', 'startDate', 'endDate', ...CORROBORATION_PROPERTIES] as const;
export type EntityProperty = (typeof ENTITY_PROPERTIES)[number];

/** Relation properties beside id, type and endpoints, that a projection may leave unread. */
export const RELATION_PROPERTIES = ['role', 'startDate', 'endDate', ...CORROBORATION_PROPERTIES] as const;
export type RelationProperty = (typeof RELATION_PROPERTIES)[number];

/** Which properties to read: all, or those a GraphQL selection asks for (names from the closed lists above). */
export type PropertiesToRead<P extends string> = 'all' | ReadonlySet<P>;

const reads = <P extends string>(read: PropertiesToRead<P>, property: P) => read === 'all' || read.has(property);

/** Cypher projections matching the records above, over a variable the caller names. */
const corroborationEntries = (x: string) => CORROBORATION_PROPERTIES.map((p) => `${p}: ${x}.${p}`).join(', ');

const fullEntityProjection = (n: string) => `{ id: ${n}.id, type: ${n}.type, name: ${n}.name, aliases: coalesce(${n}.aliases, []),
  description: ${n}.description, title: ${n}.title, category: ${n}.category, startDate: ${n}.startDate, endDate: ${n}.endDate,
  ${corroborationEntries(n)} }`;

/**
 * With a set of properties, only those are read and the others are absent
 * from the record, which then serves only the selection it was read for. A
 * plain map projection (no computed entry) reads a node's properties in one
 * store access and keeps the result small, so aliases may come back null
 * here and are defaulted in JavaScript (see `withDefaults`).
 */
export const entityProjection = (n: string, read: PropertiesToRead<EntityProperty> = 'all') =>
  read === 'all'
    ? fullEntityProjection(n)
    : `${n} { .id, .type${ENTITY_PROPERTIES.filter((p) => read.has(p))
        .map((p) => `, .${p}`)
        .join('')} }`;

/** Completes, in place, a record read with `entityProjection(n, set)`: aliases default to empty, as in the full projection. */
export function withDefaults(entity: EntityRecord): EntityRecord {
  entity.aliases ??= [];
  return entity;
}

/** The map entries of relation `r` between the endpoint ids `from` and `to`, with the properties `read` names. */
const relationEntries = (r: string, from: string, to: string, read: PropertiesToRead<RelationProperty>) =>
  `id: ${r}.id, type: type(${r}), from: ${from}, to: ${to}${RELATION_PROPERTIES.filter((p) => reads(read, p))
    .map((p) => `, ${p}: ${r}.${p}`)
    .join('')}`;

/** A relation without its endpoint records, over `r` from `a` to `b`, for statements that read the endpoints as nodes anyway. */
export const bareRelationProjection = (r: string, a: string, b: string, read: PropertiesToRead<RelationProperty> = 'all') =>
  `{ ${relationEntries(r, `${a}.id`, `${b}.id`, read)} }`;

export const ENTITY_PROJECTION = entityProjection('n');

/** Cypher: the aliases in `list` without repeats, in the order first seen. */
export const distinctAliases = (list: string) => `reduce(kept = [], alias IN ${list} | CASE WHEN alias IN kept THEN kept ELSE kept + alias END)`;

/** Cypher: the aliases in `list` joined into the one string the full-text index reads. */
export const aliasTextOf = (list: string) => `reduce(joined = '', alias IN ${list} | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END)`;

/** Source properties beside id (always read), that a projection may leave unread. */
export const SOURCE_PROPERTIES = ['name', 'kind', 'url', 'entityId', 'independenceGroup'] as const;
export type SourceProperty = (typeof SOURCE_PROPERTIES)[number];

/** A source over `s`: every property, or those `read` names (a map projection gives an absent property as null). */
export const sourceProjection = (s: string, read: PropertiesToRead<SourceProperty> = 'all') =>
  `${s} { .id${SOURCE_PROPERTIES.filter((p) => reads(read, p))
    .map((p) => `, .${p}`)
    .join('')} }`;

export const DOCUMENT_PROJECTION = (d: string) => `${d} { .id, title: ${d}.title, publishedAt: ${d}.publishedAt, url: ${d}.url }`;

/** A relation with its endpoint records, over `r`; the endpoints carry the properties `read` names, the relation those `relationRead` names. */
export const relationProjection = (read: PropertiesToRead<EntityProperty> = 'all', relationRead: PropertiesToRead<RelationProperty> = 'all') =>
  `{ ${relationEntries('r', 'startNode(r).id', 'endNode(r).id', relationRead)},
  fromEntity: [x IN [startNode(r)] | ${entityProjection('x', read)}][0], toEntity: [x IN [endNode(r)] | ${entityProjection('x', read)}][0] }`;

export const RELATION_PROJECTION = relationProjection();

/**
 * Matches the relationship that claim `c` stands for, as `r`. Both endpoints
 * are found by id first and handed to a subquery, so Neo4j expands between
 * them with an Expand(Into) from whichever has fewer relationships; as one
 * pattern it may expand a hub endpoint and filter on the other end's id.
 */
export const RELATION_OF_CLAIM = `MATCH (a:Entity {id: c.from})
MATCH (b:Entity {id: c.to})
CALL (a, b, c) {
  MATCH (a)-[r {id: c.relationId}]->(b)
  WHERE type(r) = c.type
  RETURN r
}`;

/** What a report can carry beside its own properties and source, each an index lookup per report. */
export const REPORT_LOOKUPS = ['document', 'attributedTo'] as const;
export type ReportLookup = (typeof REPORT_LOOKUPS)[number];

const REPORT_LOOKUP_PROJECTIONS: Record<ReportLookup, string> = {
  document: `document: COLLECT { MATCH (d:Document {id: rb.documentId}) RETURN ${DOCUMENT_PROJECTION('d')} }[0]`,
  attributedTo: `attributedTo: COLLECT { MATCH (p:Entity {id: rb.attributedToId}) RETURN ${entityProjection('p')} }[0]`,
};

/** Report properties beside id, sourceId and reportedAt (always read: asOf counts reports by their date), that a projection may leave unread. */
export const REPORT_PROPERTIES = [
  'documentId',
  'quote',
  'start',
  'end',
  'attributedToId',
  'method',
  'rule',
  'confidence',
  'origin',
  'values',
  'subjectId',
] as const;
export type ReportProperty = (typeof REPORT_PROPERTIES)[number];

const REPORT_ENTRIES: Record<ReportProperty, string> = {
  documentId: 'documentId: rb.documentId',
  quote: 'quote: rb.quote',
  start: 'start: rb.start',
  end: 'end: rb.end',
  attributedToId: 'attributedToId: rb.attributedToId',
  method: `method: coalesce(rb.method, '${DEFAULT_REPORT_METHOD}')`,
  rule: 'rule: rb.rule',
  confidence: 'confidence: rb.confidence',
  origin: 'origin: rb.origin',
  values: `values: ${valuesProjection('rb')}`,
  subjectId: 'subjectId: coalesce(startNode(rb).id, startNode(rb).relationId)',
};

/** What a narrowed report read carries: its own properties and its source's. */
export interface ReportRead {
  report: PropertiesToRead<ReportProperty>;
  source: PropertiesToRead<SourceProperty>;
}
export const FULL_REPORT_READ: ReportRead = { report: 'all', source: 'all' };

/**
 * A report over `rb`. A lookup left out leaves its key absent, and the Report
 * resolvers then load it by id if it is asked for after all: a narrower read
 * costs a round trip at worst, never a wrong answer. A narrowed `read` leaves
 * the other properties absent: such a record serves only the selection it was read for.
 */
export const reportProjection = (lookups: readonly ReportLookup[] = REPORT_LOOKUPS, read: ReportRead = FULL_REPORT_READ) =>
  `{ id: rb.id, sourceId: endNode(rb).id, reportedAt: rb.reportedAt${REPORT_PROPERTIES.filter((p) => reads(read.report, p))
    .map((p) => `, ${REPORT_ENTRIES[p]}`)
    .join('')},
  source: [x IN [endNode(rb)] | ${sourceProjection('x', read.source)}][0]${lookups.map((lookup) => `,\n  ${REPORT_LOOKUP_PROJECTIONS[lookup]}`).join('')} }`;

export const REPORT_PROJECTION = reportProjection();

/** The reports of a relation (they hang on its claim), as `rb`: one definition for every statement that reads them. */
export const relationReportsPattern = (relationId: string) => `(:Claim {relationId: ${relationId}})-[rb:REPORTED_BY]->(:Source)`;

/** Relationship types between entities, as a Cypher type expression from the closed enum. */
export function relationTypeExpression(types: readonly RelationType[]): string {
  return types.join('|');
}

import type { CorroborationFields, EntityRecord } from '../repositories/support/records.js';

/**
 * The rows the export queries return: graph properties as stored, nulls
 * where a property is absent. Timestamps come as ISO strings.
 */

export interface DocumentRow {
  id: string;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
  publisher: string | null;
  text: string;
  ingestedAt: string | null;
}

export interface SourceRow {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  entityId: string | null;
}

/** An entity's stored properties (as the API's records name them), with its labels and creation time. */
export interface EntityRow extends Omit<EntityRecord, 'type' | keyof CorroborationFields> {
  type: string;
  /** Sorted, e.g. ['Entity', 'Person']. */
  labels: string[];
  createdAt: string | null;
}

/** How well an entity or relation is sourced (as of the export's asOf, when given). */
export interface Corroboration {
  sourceCount: number;
  independentSourceCount: number;
  /** CORROBORATED, SINGLE_SOURCE, DISPUTED or UNSOURCED. */
  status: string;
}

export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** The types of a relation's entities, for formats that name a relation by what it joins (FollowTheMoney). */
export interface RelationEnds {
  fromType: string;
  toType: string;
}

/**
 * A REPORTED_BY relationship. Ingest always sets the document, quote and
 * offsets; a report made through the API may have none of them.
 */
export interface ReportRow {
  /** `<documentId>/<reportId>` from ingest, `api/<digest>` from the API. */
  id: string;
  documentId: string | null;
  subjectKind: 'entity' | 'relation';
  /** The entity id or the relation id. */
  subject: string;
  source: string;
  quote: string | null;
  start: number | null;
  end: number | null;
  reportedAt: string | null;
  attributedToId: string | null;
  /** `manual` for a report stored without a method. */
  method: string;
  rule: string | null;
  confidence: number | null;
  /** What the report says of its subject (null where it says nothing). */
  values: Record<string, string | null>;
}

/** How an entity's or a relation's reports were made, read for GraphML. */
export interface ReportMethods {
  /** Sorted, e.g. ['extracted', 'manual']. */
  methods: string[];
  rules: string[];
  /** The highest confidence among its machine-made reports; null when it has none. */
  confidence: number | null;
}

export interface ClaimRow {
  relationId: string;
  type: string;
  from: string;
  to: string;
}

export interface NameKeyRow {
  key: string;
  entityIds: string[];
}

/** The shapes the explorer reads from the public GraphQL API (schema/schema.graphql). */

export { ENTITY_TYPES, RELATION_ENDPOINTS, RELATION_TYPES, type EntityType, type RelationType } from '../../src/model/types.js';
import type { EntityType, RelationType } from '../../src/model/types.js';

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

/** How a fact is sourced (docs/model.md): DISPUTED wins over the counts. */
export type ClaimStatus = 'CORROBORATED' | 'SINGLE_SOURCE' | 'DISPUTED' | 'UNSOURCED';

/** The corroboration fields of an entity or relation, kept up to date by every write. */
export interface Corroboration {
  sourceCount: number;
  /** Sources that are not copies of one another (distinct `Report.origin`). */
  independentSourceCount: number;
  status: ClaimStatus;
  /** Properties that sources give incompatible values for. */
  disputed: string[];
  firstReportedAt: string | null;
  lastReportedAt: string | null;
}

/**
 * What a node of the view carries: enough to draw it and to place events on the timeline.
 * Corroboration is optional because records asked without it (search hits, the bundle export) lack it.
 */
export interface EntitySummary extends EntityRef, Partial<Corroboration> {
  aliases: string[];
  /** A person's title, when the record was asked with it (the drawn nodes are). */
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface RelationSummary extends Partial<Corroboration> {
  id: string;
  type: RelationType;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  from: { id: string };
  to: { id: string };
}

export interface SourceInfo {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  entity: EntityRef | null;
}

export interface DocumentInfo {
  id: string;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
}

/** How a report was made (the API's ReportMethod). */
export type ReportMethod = 'MANUAL' | 'EXTRACTED' | 'REVIEWED';

export interface Report {
  method: ReportMethod;
  /** The extraction rule and its confidence, for EXTRACTED and REVIEWED reports. */
  rule: string | null;
  confidence: number | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  reportedAt: string | null;
  source: SourceInfo;
  document: DocumentInfo | null;
  attributedTo: EntityRef | null;
}

export interface EntityDetail extends EntitySummary {
  description: string | null;
  title?: string | null;
  category?: string | null;
  reportedBy: Report[];
}

export interface RelationDetail extends RelationSummary {
  from: EntityRef;
  to: EntityRef;
  reportedBy: Report[];
}

/** A report with its independence key: reports with one origin are one independent source. */
export interface SourcedReport extends Report {
  origin: string;
}

/** Every distinct value sources gave for a property, and who gave it. */
export interface Alternative {
  property: string;
  /** A date or a name as text; typed loosely so a structured value still shows. */
  value: unknown;
  preferred: boolean;
  sources: Array<{ id: string; name: string }>;
}

/** A relation's role as each wording was reported. */
export interface Wording {
  value: string;
  reportCount: number;
  independentSourceCount: number;
}

/** What the detail panel shows: the record, how well it is sourced, and the reports with their origins. */
export interface EntityPanel extends Omit<EntityDetail, keyof Corroboration | 'reportedBy'>, Corroboration {
  alternatives: Alternative[];
  reportedBy: SourcedReport[];
}

export interface RelationPanel extends Omit<RelationDetail, keyof Corroboration | 'reportedBy'>, Corroboration {
  alternatives: Alternative[];
  roles: Wording[];
  reportedBy: SourcedReport[];
}

export interface Subgraph {
  nodes: EntitySummary[];
  relations: RelationSummary[];
  truncated: boolean;
}

export interface PathResult {
  length: number;
  nodes: EntitySummary[];
  relations: RelationSummary[];
}

export interface SearchHit {
  score: number;
  entity: EntitySummary;
}

/** The shapes the explorer reads from the public GraphQL API (schema/schema.graphql). */

export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = ['PARTICIPATES_IN', 'COMMANDS', 'MEMBER_OF', 'LOCATED_IN'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

/** What a node of the view carries: enough to draw it and to place events on the timeline. */
export interface EntitySummary extends EntityRef {
  aliases: string[];
  startDate?: string | null;
  endDate?: string | null;
}

export interface RelationSummary {
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

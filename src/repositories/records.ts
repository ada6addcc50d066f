import type { EntityType, RelationType } from '../model/types.js';

/** Plain shapes the repositories return and the schema resolves from. */

export interface EntityRecord {
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

export interface RelationRecord {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
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
}

export interface SourceRecord {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  entityId: string | null;
}

export interface DocumentRecord {
  id: string;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
}

/** Cypher projections matching the records above; `n`, `r`, `rb` are the variables they read. */
export const ENTITY_PROJECTION = `{ id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []), description: n.description,
  title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate }`;

export const RELATION_PROJECTION = `{ id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role,
  startDate: r.startDate, endDate: r.endDate }`;

export const REPORT_PROJECTION = `{ id: rb.id, sourceId: endNode(rb).id, documentId: rb.documentId, quote: rb.quote, start: rb.start,
  end: rb.end, reportedAt: rb.reportedAt, attributedToId: rb.attributedToId,
  subjectId: coalesce(startNode(rb).id, startNode(rb).relationId) }`;

/** Relationship types between entities, as a Cypher type expression from the closed enum. */
export function relationTypeExpression(types: readonly RelationType[]): string {
  return types.join('|');
}

import type { Corroboration, EntityRow, RelationRow, ReportMethods } from './graph-rows.js';

/**
 * What the graph-tool formats (GEXF, Cytoscape JSON) say of each node and
 * edge: the model's own fields, how the reports were made, and how well
 * sourced it is. Internal fields stay out: `aliasText` is the aliases joined
 * for the full-text index, a copy of `aliases` no reader needs.
 */

export type AnalystNode = EntityRow & ReportMethods & Partial<Corroboration>;
export type AnalystEdge = RelationRow & ReportMethods & Partial<Corroboration>;

export type FieldValue = string | number | readonly string[] | null;

export interface AnalystField<R> {
  name: string;
  /** `list` values are arrays; formats without lists join them with "; ". */
  type: 'string' | 'integer' | 'double' | 'list';
  value: (row: R) => FieldValue;
}

const list = (values: readonly string[]) => (values.length > 0 ? values : null);

/** Shared by nodes and edges: the methods, rules and best confidence of the reports, then the counts and status. */
function provenanceFields<R extends ReportMethods & Partial<Corroboration>>(): Array<AnalystField<R>> {
  return [
    { name: 'methods', type: 'list', value: (row) => list(row.methods) },
    { name: 'rules', type: 'list', value: (row) => list(row.rules) },
    { name: 'confidence', type: 'double', value: (row) => row.confidence },
    { name: 'sourceCount', type: 'integer', value: (row) => row.sourceCount ?? null },
    { name: 'independentSourceCount', type: 'integer', value: (row) => row.independentSourceCount ?? null },
    { name: 'status', type: 'string', value: (row) => row.status ?? null },
  ];
}

export const NODE_FIELDS: Array<AnalystField<AnalystNode>> = [
  { name: 'name', type: 'string', value: (e) => e.name },
  { name: 'type', type: 'string', value: (e) => e.type },
  { name: 'aliases', type: 'list', value: (e) => list(e.aliases) },
  { name: 'description', type: 'string', value: (e) => e.description },
  { name: 'title', type: 'string', value: (e) => e.title },
  { name: 'category', type: 'string', value: (e) => e.category },
  { name: 'startDate', type: 'string', value: (e) => e.startDate },
  { name: 'endDate', type: 'string', value: (e) => e.endDate },
  { name: 'createdAt', type: 'string', value: (e) => e.createdAt },
  ...provenanceFields<AnalystNode>(),
];

export const EDGE_FIELDS: Array<AnalystField<AnalystEdge>> = [
  { name: 'type', type: 'string', value: (r) => r.type },
  { name: 'role', type: 'string', value: (r) => r.role },
  { name: 'startDate', type: 'string', value: (r) => r.startDate },
  { name: 'endDate', type: 'string', value: (r) => r.endDate },
  ...provenanceFields<AnalystEdge>(),
];

/** The fields of `row` that have a value, in field order. */
export function presentFields<R>(fields: Array<AnalystField<R>>, row: R): Array<{ field: AnalystField<R>; value: Exclude<FieldValue, null> }> {
  const present: Array<{ field: AnalystField<R>; value: Exclude<FieldValue, null> }> = [];
  for (const field of fields) {
    const value = field.value(row);
    if (value !== null && value !== undefined) present.push({ field, value });
  }
  return present;
}

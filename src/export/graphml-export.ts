import type { Executor } from '../db/executor.js';
import { writePages } from './write-pages.js';
import { entityPagesWithMethods, relationPagesWithMethods, type PagingOptions } from './graph-pages.js';
import type { Corroboration, EntityRow, RelationRow, ReportMethods } from './graph-rows.js';
import type { TextSink } from './text-sink.js';
import { xmlAttribute, xmlText } from './xml-escape.js';

/**
 * GraphML for Gephi, yEd and other graph tools: entities are nodes with their
 * properties as data, relations are directed edges. `label` is the key Gephi
 * shows as the node and edge label (the name, the relation type). GraphML
 * has no report records, so each node and edge says how its reports were
 * made (methods, rules, highest confidence), to filter extracted facts out.
 */

interface DataKey<R> {
  id: string;
  name: string;
  /** GraphML's attr.type; string unless said. */
  type?: 'double' | 'int';
  value: (row: R) => string | null;
}

const list = (values: readonly string[]) => (values.length > 0 ? values.join('; ') : null);

/** The same three keys on nodes and edges, with the prefix of each. */
const methodKeys = <R extends ReportMethods>(prefix: 'n' | 'e'): Array<DataKey<R>> => [
  { id: `${prefix}_methods`, name: 'methods', value: (row) => list(row.methods) },
  { id: `${prefix}_rules`, name: 'rules', value: (row) => list(row.rules) },
  { id: `${prefix}_confidence`, name: 'confidence', type: 'double', value: (row) => (row.confidence === null ? null : String(row.confidence)) },
];

/**
 * How well sourced a node or edge is, so a graph tool can size or filter by
 * it. Rows read before the counts existed have none, and leave them out.
 */
const corroborationKeys = <R extends Partial<Corroboration>>(prefix: 'n' | 'e'): Array<DataKey<R>> => [
  { id: `${prefix}_sourceCount`, name: 'sourceCount', type: 'int', value: (row) => (row.sourceCount === undefined ? null : String(row.sourceCount)) },
  {
    id: `${prefix}_independentSourceCount`,
    name: 'independentSourceCount',
    type: 'int',
    value: (row) => (row.independentSourceCount === undefined ? null : String(row.independentSourceCount)),
  },
  { id: `${prefix}_status`, name: 'status', value: (row) => row.status ?? null },
];

type NodeRow = EntityRow & ReportMethods & Partial<Corroboration>;
type EdgeRow = RelationRow & ReportMethods & Partial<Corroboration>;

const NODE_KEYS: Array<DataKey<NodeRow>> = [
  { id: 'n_label', name: 'label', value: (e) => e.name },
  { id: 'n_type', name: 'type', value: (e) => e.type },
  { id: 'n_name', name: 'name', value: (e) => e.name },
  { id: 'n_aliases', name: 'aliases', value: (e) => (e.aliases.length > 0 ? e.aliases.join('; ') : null) },
  { id: 'n_description', name: 'description', value: (e) => e.description },
  { id: 'n_title', name: 'title', value: (e) => e.title },
  { id: 'n_category', name: 'category', value: (e) => e.category },
  { id: 'n_startDate', name: 'startDate', value: (e) => e.startDate },
  { id: 'n_endDate', name: 'endDate', value: (e) => e.endDate },
  { id: 'n_createdAt', name: 'createdAt', value: (e) => e.createdAt },
  ...methodKeys<NodeRow>('n'),
  ...corroborationKeys<NodeRow>('n'),
];

const EDGE_KEYS: Array<DataKey<EdgeRow>> = [
  { id: 'e_label', name: 'label', value: (r) => r.type },
  { id: 'e_type', name: 'type', value: (r) => r.type },
  { id: 'e_role', name: 'role', value: (r) => r.role },
  { id: 'e_startDate', name: 'startDate', value: (r) => r.startDate },
  { id: 'e_endDate', name: 'endDate', value: (r) => r.endDate },
  ...methodKeys<EdgeRow>('e'),
  ...corroborationKeys<EdgeRow>('e'),
];

const keyElement = (key: { id: string; name: string; type?: string }, target: 'node' | 'edge') =>
  `  <key id="${key.id}" for="${target}" attr.name="${key.name}" attr.type="${key.type ?? 'string'}"/>\n`;

export const GRAPHML_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
  '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
  NODE_KEYS.map((key) => keyElement(key, 'node')).join('') +
  EDGE_KEYS.map((key) => keyElement(key, 'edge')).join('') +
  '  <graph id="newsgraph" edgedefault="directed">\n';

export const GRAPHML_FOOTER = '  </graph>\n</graphml>\n';

function dataElements<R>(keys: Array<DataKey<R>>, row: R): string {
  return keys
    .map((key) => {
      const value = key.value(row);
      return value === null ? '' : `      <data key="${key.id}">${xmlText(value)}</data>\n`;
    })
    .join('');
}

export function nodeElement(entity: NodeRow): string {
  return `    <node id="${xmlAttribute(entity.id)}">\n${dataElements(NODE_KEYS, entity)}    </node>\n`;
}

export function edgeElement(relation: EdgeRow): string {
  const attributes = `id="${xmlAttribute(relation.id)}" source="${xmlAttribute(relation.from)}" target="${xmlAttribute(relation.to)}"`;
  return `    <edge ${attributes}>\n${dataElements(EDGE_KEYS, relation)}    </edge>\n`;
}

/** Nodes first, then edges, each read in keyset pages and written with backpressure. */
export async function exportGraphml(executor: Executor, sink: TextSink, options: PagingOptions = {}): Promise<{ nodes: number; edges: number }> {
  const write = (chunk: string) => sink.write(chunk);
  await write(GRAPHML_HEADER);
  const nodes = await writePages(entityPagesWithMethods(executor, options), write, nodeElement);
  const edges = await writePages(relationPagesWithMethods(executor, options), write, edgeElement);
  await write(GRAPHML_FOOTER);
  return { nodes: nodes.written, edges: edges.written };
}

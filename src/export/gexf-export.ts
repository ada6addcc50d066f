import type { Executor } from '../db/executor.js';
import { EDGE_FIELDS, NODE_FIELDS, presentFields, type AnalystEdge, type AnalystField, type AnalystNode } from './analyst-fields.js';
import { entityPagesWithMethods, relationPagesWithMethods, type PagingOptions } from './graph-pages.js';
import type { TextSink } from './text-sink.js';
import { writePages } from './write-pages.js';
import { xmlAttribute } from './xml-escape.js';

/**
 * GEXF 1.3, Gephi's own format: entities are nodes labelled with their name,
 * relations directed edges labelled with their type. The edge's `kind` is its
 * type too, so Gephi keeps two relations of different types between the same
 * entities as two edges instead of merging them. Every other field is a
 * declared attribute (lists joined with "; "), so Gephi can filter, size and
 * colour by type, status or source counts. Written as it is read, in keyset
 * pages, never the whole graph in memory.
 */

const GEXF_TYPE = { string: 'string', list: 'string', integer: 'integer', double: 'double' } as const;

const attributeDeclarations = <R>(fields: Array<AnalystField<R>>, target: 'node' | 'edge') =>
  `    <attributes class="${target}">\n` +
  fields.map((field) => `      <attribute id="${field.name}" title="${field.name}" type="${GEXF_TYPE[field.type]}"/>\n`).join('') +
  '    </attributes>\n';

export const GEXF_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
  '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
  '  <meta>\n    <creator>newsgraph</creator>\n    <description>Entities and relations reported in the news, with their source counts</description>\n  </meta>\n' +
  '  <graph defaultedgetype="directed" mode="static">\n' +
  attributeDeclarations(NODE_FIELDS, 'node') +
  attributeDeclarations(EDGE_FIELDS, 'edge');

const NODES_OPEN = '    <nodes>\n';
const NODES_CLOSE_EDGES_OPEN = '    </nodes>\n    <edges>\n';
export const GEXF_FOOTER = '    </edges>\n  </graph>\n</gexf>\n';

function attributeValues<R>(fields: Array<AnalystField<R>>, row: R): string {
  const values = presentFields(fields, row).map(({ field, value }) => {
    const text = Array.isArray(value) ? value.join('; ') : String(value);
    return `          <attvalue for="${field.name}" value="${xmlAttribute(text)}"/>\n`;
  });
  return values.length === 0 ? '' : `        <attvalues>\n${values.join('')}        </attvalues>\n`;
}

export function gexfNode(entity: AnalystNode): string {
  return `      <node id="${xmlAttribute(entity.id)}" label="${xmlAttribute(entity.name)}">\n${attributeValues(NODE_FIELDS, entity)}      </node>\n`;
}

export function gexfEdge(relation: AnalystEdge): string {
  const ends = `id="${xmlAttribute(relation.id)}" source="${xmlAttribute(relation.from)}" target="${xmlAttribute(relation.to)}"`;
  const type = xmlAttribute(relation.type);
  return `      <edge ${ends} label="${type}" kind="${type}">\n${attributeValues(EDGE_FIELDS, relation)}      </edge>\n`;
}

/** Nodes first, then edges (every edge's ends are nodes of the file: the filter keeps a relation only with both its entities). */
export async function exportGexf(executor: Executor, sink: TextSink, options: PagingOptions = {}): Promise<{ nodes: number; edges: number }> {
  const write = (chunk: string) => sink.write(chunk);
  await write(GEXF_HEADER + NODES_OPEN);
  const nodes = await writePages(entityPagesWithMethods(executor, options), write, gexfNode);
  await write(NODES_CLOSE_EDGES_OPEN);
  const edges = await writePages(relationPagesWithMethods(executor, options), write, gexfEdge);
  await write(GEXF_FOOTER);
  return { nodes: nodes.written, edges: edges.written };
}

import type { Executor } from '../db/executor.js';
import type { ClaimFilter } from '../repositories/support/claim-filter-cypher.js';
import { EDGE_FIELDS, NODE_FIELDS, presentFields, type AnalystEdge, type AnalystField, type AnalystNode } from './analyst-fields.js';
import { entityPagesWithMethods, relationPagesWithMethods, type PagingOptions } from './graph-pages.js';
import type { TextSink } from './text-sink.js';
import { writePages } from './write-pages.js';

/**
 * Cytoscape JSON (`.cyjs`): `{ data, elements: { nodes: [{ data }], edges:
 * [{ data }] } }`, what `cytoscape({ elements })` takes and what Cytoscape
 * Desktop opens (File > Import > Network from File). Node data carry `id`
 * and `name` (Desktop's label column); edge data `id`, `source`, `target`
 * and `interaction` (Desktop's edge type column, the relation type). An
 * edge's id is `relation.<relation id>`, its `relationId` the relation's own:
 * Cytoscape keeps one id space for nodes and edges, while an entity and a
 * relation may share a slug (a dot, which slugs never have, keeps them
 * apart; the same prefix as in the FtM export). Lists
 * stay JSON arrays; fields without a value are left out. Written page by
 * page as the arrays grow, never the whole graph in memory.
 */

function dataOf<R>(fields: Array<AnalystField<R>>, row: R): Record<string, unknown> {
  return Object.fromEntries(presentFields(fields, row).map(({ field, value }) => [field.name, value]));
}

export const CYTOSCAPE_EDGE_PREFIX = 'relation.';

export const cytoscapeNode = (entity: AnalystNode) => ({ data: { id: entity.id, ...dataOf(NODE_FIELDS, entity) } });

export const cytoscapeEdge = (relation: AnalystEdge) => ({
  data: {
    id: `${CYTOSCAPE_EDGE_PREFIX}${relation.id}`,
    relationId: relation.id,
    source: relation.from,
    target: relation.to,
    interaction: relation.type,
    ...dataOf(EDGE_FIELDS, relation),
  },
});

/** One element a line, comma-separated: each call's first element has no comma before it. */
function arrayItems<R>(element: (row: R) => unknown): (row: R) => string {
  let first = true;
  return (row) => {
    const text = `${first ? '' : ',\n'}${JSON.stringify(element(row))}`;
    first = false;
    return text;
  };
}

/** The graph-level data: what was exported and under which filter, so a saved file says what it shows. */
function graphData(filter: ClaimFilter | undefined) {
  return { name: 'newsgraph', generatedBy: 'newsgraph export --format cytoscape', asOf: filter?.asOf ?? null, minSources: filter?.minSources ?? null };
}

export async function exportCytoscape(executor: Executor, sink: TextSink, options: PagingOptions = {}): Promise<{ nodes: number; edges: number }> {
  const write = (chunk: string) => sink.write(chunk);
  await write(`{"format_version":"1.0","generated_by":"newsgraph","data":${JSON.stringify(graphData(options.filter))},\n"elements":{"nodes":[\n`);
  const nodes = await writePages(entityPagesWithMethods(executor, options), write, arrayItems(cytoscapeNode));
  await write('\n],"edges":[\n');
  const edges = await writePages(relationPagesWithMethods(executor, options), write, arrayItems(cytoscapeEdge));
  await write('\n]}}\n');
  return { nodes: nodes.written, edges: edges.written };
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
// The named export: under NodeNext, graphology's types give the default import as a namespace.
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run-export.js';
import type { ClaimFilter } from '../../src/repositories/support/claim-filter-cypher.js';
import { loadFilterGraph } from '../helpers/claim-filter-graph.js';
import { ftmPython, readFtm } from '../helpers/export-readers.js';
import { openTestDatabase } from '../helpers/neo4j.js';

/**
 * GEXF, Cytoscape JSON and FollowTheMoney honour asOf and minSources as the
 * other formats do (tests/int/claim-filters-export.int.test.ts), over the
 * graph of tests/helpers/claim-filter-graph.ts, read back by real readers.
 */

const db = openTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-analyst-filters-'));

beforeAll(() => loadFilterGraph(db.executor), 60_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const AS_OF: ClaimFilter = { asOf: '2021-08', minSources: null };
const MIN_SOURCES: ClaimFilter = { asOf: null, minSources: 2 };

/** What each filter shows (see claim-filter-graph.ts): ids, and the counts of two entities. */
const SHOWN = [
  {
    filter: AS_OF,
    nodes: ['china', 'exercise', 'liu', 'pla', 'russia'],
    edges: ['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla', 'russia-pi-exercise'],
    // As of the end of August liu has one report, the exercise two independent ones of the three it has today.
    counts: { liu: [1, 1, 'SINGLE_SOURCE'], exercise: [2, 2, 'CORROBORATED'] },
  },
  {
    filter: MIN_SOURCES,
    nodes: ['china', 'exercise', 'liu', 'pla'],
    edges: ['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla'],
    counts: { liu: [2, 2, 'CORROBORATED'], exercise: [3, 3, 'CORROBORATED'] },
  },
] as const;

const label = (filter: ClaimFilter) => (filter.asOf === null ? `minSources ${filter.minSources}` : `asOf ${filter.asOf}`);
const triple = (data: Record<string, unknown>) => [data.sourceCount, data.independentSourceCount, data.status];

async function exported(format: 'gexf' | 'cytoscape' | 'ftm', filter: ClaimFilter): Promise<{ file: string; text: string }> {
  const file = join(dir, `${format}-${filter.asOf ?? filter.minSources}`);
  await runExport(db.executor, { format, out: file, filter, pageSize: 2 });
  return { file, text: readFileSync(file, 'utf8') };
}

describe.each(SHOWN)('analyst formats under $filter', ({ filter, nodes, edges, counts }) => {
  it(`gexf (${label(filter)}) keeps what the filter shows, with the counts as of then`, async () => {
    const graph = parseGexf(MultiDirectedGraph, (await exported('gexf', filter)).text);
    expect(graph.nodes().sort()).toEqual(nodes);
    expect(graph.edges().sort()).toEqual(edges);
    for (const [id, expected] of Object.entries(counts)) expect(triple(graph.getNodeAttributes(id)), id).toEqual(expected);
  });

  it(`cytoscape (${label(filter)}) keeps what the filter shows, with the counts as of then`, async () => {
    const json = JSON.parse((await exported('cytoscape', filter)).text) as { elements: cytoscape.ElementsDefinition; data: Record<string, unknown> };
    expect(json.data).toMatchObject({ asOf: filter.asOf, minSources: filter.minSources });
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(
      cy
        .nodes()
        .map((node) => node.id())
        .sort(),
    ).toEqual(nodes);
    expect(
      cy
        .edges()
        .map((edge) => edge.data('relationId') as string)
        .sort(),
    ).toEqual(edges);
    for (const [id, expected] of Object.entries(counts)) expect(triple(cy.getElementById(id).data() as Record<string, unknown>), id).toEqual(expected);
  });

  const python = ftmPython();
  it.runIf(python !== null || process.env.CI)(`ftm (${label(filter)}) keeps what the filter shows, every reference resolved`, async () => {
    expect(python, 'followthemoney: run the venv step of .ci/run, or set NEWSGRAPH_FTM_PYTHON').not.toBeNull();
    const { entities, problems } = readFtm(python!, (await exported('ftm', filter)).file);
    expect(problems).toEqual([]);
    expect(Object.keys(entities).sort()).toEqual([...nodes, ...edges.map((id) => `relation.${id}`)].sort());
    for (const [id, expected] of Object.entries(counts)) expect(triple(entities[id]!.context.newsgraph as Record<string, unknown>), id).toEqual(expected);
  });
});
